import type { MeetingRecord } from '../../../../shared/model';
import { quorumAt } from '../../../../shared/rules/quorum';

/** Recomputed from the record on every arrival and departure. */
export function QuorumIndicator({ record }: { record: MeetingRecord }) {
  const q = quorumAt(record);
  const { members, organisations } = q.required;
  const detail = `${q.votingPresent} voting members, ${members} needed${
    organisations > 0 ? `; ${q.organisationsPresent} organisations, ${organisations} needed` : ''
  }`;
  return (
    <p className={`quorum ${q.quorate ? 'quorum-ok' : 'quorum-no'}`} role="status" aria-live="polite" data-testid="quorum" data-quorate={q.quorate}>
      <strong>{q.quorate ? 'Quorate' : 'Not quorate'}</strong> <span>({detail})</span>
      {q.quorate ? null : <span className="visually-hidden">: {q.reasons.join('; ')}</span>}
    </p>
  );
}
