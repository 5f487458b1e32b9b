import type { KeyboardEvent } from 'react';
import type { MeetingRecord, SentenceKey } from '../../../../shared/model';
import { meetingSentences } from '../../../../shared/minutes/document';
import { AutoText } from '../../components/AutoField';
import { useApp } from '../../state/store';
import { useDrafts } from '../../state/drafts';
import type { CallInput } from '../../../../shared/contract';

const state = () => useApp.getState();

type MeetingPatch = CallInput<'meetings.update'>['patch'];

/** Saves a change of the meeting's own fields, comparing what this copy showed (was), and lays the saved meeting over the record. */
async function saveMeeting(meetingId: number, patch: MeetingPatch, was: Record<string, unknown> | undefined) {
  const result = await state().write('meetings.update', { meetingId, patch, was });
  if (result.ok) {
    const saved = result.value;
    state().patchMeeting((r) => (r.id === meetingId ? { ...r, ...saved } : r));
  }
  return result;
}

/** Puts the focus back on a sentence's field after it is redrawn. */
const refocus = (testId: string) =>
  requestAnimationFrame(() => requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.focus()));

/**
 * The meeting's start and close times, and the sentences the app writes
 * outside any item's standard wording (changes of chair, arrivals and
 * departures, the change to the order of business, each exclusion of the
 * public, the closing line). Each follows the record until the clerk edits
 * it; edited, it is kept as typed and marked so, and Alt+Shift+Backspace
 * (or the button) puts the app's wording back.
 */
export function MeetingSentences({ record }: { record: MeetingRecord }) {
  const sentences = meetingSentences(record, record.body.houseStyle);
  const saveSentence = async (key: SentenceKey, text: string | null, typed?: string) => {
    // The sentence as this copy showed it (null: the app's wording), so an edit made meanwhile in another window is not overwritten.
    const result = await saveMeeting(record.id, { wording: { [key]: text } }, { wording: { [key]: record.wording?.[key] ?? null } });
    // Put back (no words typed): whatever draft there was goes with the edit.
    if (result.ok) useDrafts.getState().settleWording(key, typed ?? useDrafts.getState().wording[key] ?? '');
    return result;
  };
  // The times are the record's own (not the meeting row's fields): it is read again, and the closing line follows.
  const times = async (patch: MeetingPatch) => {
    const result = await state().write('meetings.update', { meetingId: record.id, patch });
    if (result.ok) await state().loadMeeting(record.id);
    return result;
  };
  // A recorded arrival or departure at the wrong time: corrected in place, the record read again so its sentence follows.
  const correctMovement = async (movementId: number, time: string, was: string) => {
    const result = await state().write('attendance.updateMovement', { movementId, patch: { time }, was: { time: was } });
    if (result.ok) await state().loadMeeting(record.id);
    return result;
  };
  if (!record.startedAt && sentences.length === 0) return null;
  return (
    <section className="panel meeting-sentences" aria-labelledby="meeting-sentences-title" data-testid="meeting-sentences">
      <h2 id="meeting-sentences-title">Times and the meeting’s sentences</h2>
      {record.startedAt ? (
        <div className="form-grid">
          <AutoText
            label="Meeting started at"
            type="time"
            value={record.startedAt}
            saveKey={`meeting:${record.id}:startedAt`}
            testId="correct-started-at"
            onSave={(startedAt) => times({ startedAt })}
          />
          {record.closedAt ? (
            <AutoText
              label="Meeting closed at"
              type="time"
              value={record.closedAt}
              saveKey={`meeting:${record.id}:closedAt`}
              testId="correct-closed-at"
              onSave={(closedAt) => times({ closedAt: closedAt || null })}
            />
          ) : null}
        </div>
      ) : null}
      {sentences.length ? (
        <ol className="sentence-list">
          {sentences.map((s) => {
            const edited = s.edited !== undefined;
            const testId = `sentence-${s.key.replace(':', '-')}`;
            const restore = () => void saveSentence(s.key, null).then(() => refocus(testId));
            const movement = s.key.startsWith('movement:') ? record.movements.find((m) => `movement:${m.id}` === s.key) : undefined;
            const person = movement ? record.attendance.find((a) => a.id === movement.attendanceId) : undefined;
            return (
              <li key={s.key} data-testid="meeting-sentence" data-sentence={s.key}>
                {movement ? (
                  <AutoText
                    label={`Time ${person?.name ?? 'the attendee'} ${movement.kind === 'arrived' ? 'arrived' : 'left'}`}
                    hint="Correct it if the clock was wrong; it must lie within the meeting’s times."
                    type="time"
                    value={movement.time}
                    saveKey={`movement:${movement.id}:time`}
                    testId={`movement-time-${movement.id}`}
                    onSave={(time) => correctMovement(movement.id, time, movement.time)}
                  />
                ) : null}
                <AutoText
                  label={edited ? `${s.label} (edited)` : s.label}
                  hint={
                    s.key === 'afterClose'
                      ? 'Printed after the closing line; left empty, nothing is printed. Words with the chair’s signature lines (“Signed … Chairman”) take the place of the app’s.'
                      : s.standard === ''
                        ? 'Printed after the attendance, before the first minute; left empty, nothing is printed.'
                        : edited
                          ? 'Kept as typed. Alt+Shift+Backspace puts the standard wording back.'
                          : 'Follows the record until you edit it.'
                  }
                  value={edited ? s.edited! : s.standard}
                  saveKey={`meeting:${record.id}:sentence:${s.key}`}
                  multiline
                  rows={Math.min(4, Math.max(1, Math.ceil(s.standard.length / 80)))}
                  testId={testId}
                  phrases
                  // The preview shows the sentence as it is typed, as it does a paragraph's words.
                  onDraft={(text) => useDrafts.getState().setWording(s.key, text)}
                  onSave={(text) => saveSentence(s.key, text === s.standard ? null : text, text)}
                  onKeyDown={(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
                    if (event.altKey && event.shiftKey && event.key === 'Backspace') {
                      event.preventDefault();
                      restore();
                    }
                  }}
                />
                {edited ? (
                  <button type="button" className="button-quiet" aria-keyshortcuts="Alt+Shift+Backspace" onClick={restore}>
                    {s.standard === '' ? 'Remove these words' : 'Put the standard wording back'}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
