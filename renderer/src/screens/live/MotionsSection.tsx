import type { CallInput } from '../../../../shared/contract';
import { MOTION_KINDS, MOTION_OUTCOMES, MOTION_OUTCOME_LABELS, type AgendaItem, type MeetingRecord, type Motion, type VoteChoice } from '../../../../shared/model';
import { AutoCheckbox, AutoSelect, AutoText } from '../../components/AutoField';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { holdTypingUntil, whenDrawn } from '../../components/typing';
import { useApp } from '../../state/store';
import { useDrafts } from '../../state/drafts';
import { wasOf } from '../../state/was';

type MotionPatch = NonNullable<CallInput<'motions.update'>['patch']>;

/** Saves a motion's change; the answer (counts settled from a recorded vote's names) replaces it on screen. */
async function saveMotion(motionId: number, patch: MotionPatch) {
  const { write, patchMeeting } = useApp.getState();
  // The confirmed copy's values go with the save (`was`): a stale window cannot overwrite another's change.
  // A recorded vote's names are chosen one member after another, each save building on the last: they carry no `was`.
  const { names: _names, ...checked } = patch;
  const was = Object.keys(checked).length ? wasOf(useApp.getState().meeting?.motions.find((m) => m.id === motionId), checked) : undefined;
  useDrafts.getState().setMotion(motionId, patch as Partial<Motion>);
  const result = await write('motions.update', { motionId, patch, was });
  if (result.ok) {
    patchMeeting((r) => ({ ...r, motions: r.motions.map((m) => (m.id === motionId ? result.value : m)) }));
    useDrafts.getState().settleMotion(motionId, patch as Partial<Motion>);
  }
  return result;
}

const count = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

export function MotionEditor({ record, motion, index }: { record: MeetingRecord; motion: Motion; index: number }) {
  const live = useApp((s) => s.live);
  const members = record.attendance.filter((a) => a.category === 'member' && a.status === 'present');
  const people = [{ value: 0, label: '— not recorded —' }, ...members.map((a) => ({ value: a.id, label: a.name }))];
  const noun = motion.kind === 'amendment' ? 'Amendment' : 'Motion';
  const name = `${noun.toLowerCase()} ${index + 1}`;
  // The names as chosen on screen, saves still on their way included.
  const typedNames = useDrafts((s) => s.motions[motion.id]?.names);
  const shownNames = typedNames ?? motion.names;
  const choiceOf = (attendanceId: number) => shownNames.find((n) => n.attendanceId === attendanceId)?.choice ?? '';
  const setChoice = (attendanceId: number, choice: VoteChoice | '') => {
    const names = shownNames.filter((n) => n.attendanceId !== attendanceId);
    if (choice) names.push({ attendanceId, choice });
    return saveMotion(motion.id, { names });
  };
  return (
    <fieldset className="motion" data-testid="motion">
      <legend>
        {noun} {index + 1}
      </legend>
      <div className="field-row">
        <AutoSelect
          label="Kind"
          value={motion.kind}
          options={MOTION_KINDS.map((k) => ({ value: k, label: k === 'motion' ? 'Motion' : 'Amendment' }))}
          saveKey={`motion:${motion.id}:kind`}
          onSave={(kind) => saveMotion(motion.id, { kind })}
        />
        <AutoSelect
          label="Outcome"
          value={motion.outcome}
          options={MOTION_OUTCOMES.map((o) => ({ value: o, label: MOTION_OUTCOME_LABELS[o] }))}
          saveKey={`motion:${motion.id}:outcome`}
          onSave={(outcome) => saveMotion(motion.id, { outcome })}
        />
      </div>
      <AutoText
        label={`Wording of the ${noun.toLowerCase()}`}
        value={motion.text}
        testId={`motion-text-${motion.id}`}
        multiline
        phrases
        placeholder="That the recommendations in the report be approved."
        saveKey={`motion:${motion.id}:text`}
        onDraft={(text) => useDrafts.getState().setMotion(motion.id, { text })}
        onSave={(text) => saveMotion(motion.id, { text })}
      />
      <div className="field-row">
        <AutoSelect
          label="Moved by"
          value={motion.proposerId ?? 0}
          options={people}
          saveKey={`motion:${motion.id}:proposer`}
          onSave={(id) => saveMotion(motion.id, { proposerId: id || null })}
        />
        <AutoSelect
          label="Seconded by"
          value={motion.seconderId ?? 0}
          options={people}
          saveKey={`motion:${motion.id}:seconder`}
          onSave={(id) => saveMotion(motion.id, { seconderId: id || null })}
        />
      </div>
      <AutoCheckbox
        label="Recorded vote (names for, against and abstaining are minuted)"
        value={motion.recorded}
        saveKey={`motion:${motion.id}:recorded`}
        onSave={(recorded) => saveMotion(motion.id, { recorded })}
      />
      {motion.recorded ? (
        <div className="recorded-vote" role="group" aria-label={`Recorded vote on ${name}`}>
          {members.map((a) => (
            <AutoSelect
              key={`${a.id}:${choiceOf(a.id)}`}
              label={a.name}
              value={choiceOf(a.id)}
              options={[
                { value: '', label: '—' },
                { value: 'for', label: 'For' },
                { value: 'against', label: 'Against' },
                { value: 'abstained', label: 'Abstained' },
              ]}
              saveKey={`motion:${motion.id}:vote:${a.id}`}
              onSave={(choice) => setChoice(a.id, choice as VoteChoice | '')}
            />
          ))}
        </div>
      ) : null}
      <div className="field-row vote-counts">
        {(['votesFor', 'votesAgainst', 'votesAbstained'] as const).map((field) => (
          <AutoText
            key={`${field}:${motion.recorded ? motion[field] : 'typed'}`}
            label={field === 'votesFor' ? 'For' : field === 'votesAgainst' ? 'Against' : 'Abstentions'}
            value={motion[field] === null ? '' : String(motion[field])}
            hint={motion.recorded ? 'Counted from the names' : 'Blank if not counted'}
            saveKey={`motion:${motion.id}:${field}`}
            onSave={(text) => saveMotion(motion.id, { [field]: count(text) })}
          />
        ))}
      </div>
      {motion.inquorate ? (
        <p className="inquorate-flag" role="note">
          Decided at {motion.recordedAt} while the meeting was inquorate
        </p>
      ) : null}
      <ConfirmDelete what={name} onConfirm={() => void live('motions.delete', { motionId: motion.id })} triggerClassName="button-danger-quiet" />
    </fieldset>
  );
}

/** Motions and amendments of one item, with who moved and seconded them and how the vote went. */
export function MotionsSection({ record, item }: { record: MeetingRecord; item: AgendaItem }) {
  const motions = record.motions.filter((m) => m.agendaItemId === item.id).sort((a, b) => a.position - b.position || a.id - b.id);
  return (
    <div className="motions">
      {motions.map((m, i) => (
        <MotionEditor key={m.id} record={record} motion={m} index={i} />
      ))}
      <button type="button" className="button-quiet" aria-keyshortcuts="Alt+M" onClick={() => void addMotion(record, item.id)}>
        + Motion or vote <kbd>Alt+M</kbd>
      </button>
    </div>
  );
}

/** Adds a motion and puts the caret in its wording; what is typed meanwhile goes into it. */
export function addMotion(record: MeetingRecord, itemId: number): Promise<void> {
  const before = new Set(record.motions.map((m) => m.id));
  return holdTypingUntil(
    useApp
      .getState()
      .live('motions.create', { meetingId: record.id, agendaItemId: itemId })
      .then((result) => {
        const added = result.ok ? result.value.motions.find((m) => !before.has(m.id)) : undefined;
        return added ? whenDrawn<HTMLTextAreaElement>(`[data-testid="motion-text-${added.id}"]`) : null;
      }),
  );
}
