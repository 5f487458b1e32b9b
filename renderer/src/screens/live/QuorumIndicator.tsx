import type { MeetingRecord } from '../../../../shared/model';
import { quorumAt } from '../../../../shared/rules/quorum';

/** Recomputed from the record on every arrival and departure. */
export function QuorumIndicator({ record }: { record: MeetingRecord }) {
  const q = quorumAt(record);
  const { members, organisations } = q.required;
  const detail = `${q.votingPresent} of ${members} voting members${organisations > 0 ? `, ${q.organisationsPresent} of ${organisations} organisations` : ''}`;
  return (
    <p className={`quorum ${q.quorate ? 'quorum-ok' : 'quorum-no'}`} role="status" aria-live="polite" data-testid="quorum" data-quorate={q.quorate}>
      <strong>{q.quorate ? 'Quorate' : 'Not quorate'}</strong> <span>({detail})</span>
    </p>
  );
}
