import { useEffect } from 'react';
import {
  AGENDA_ITEM_KIND_LABELS,
  DECISION_LABELS,
  ITEM_OUTCOMES,
  NEXT_MEETING_FORMS,
  NEXT_MEETING_FORM_LABELS,
  ITEM_OUTCOME_LABELS,
  OPENING_KINDS,
  OPENING_KIND_LABELS,
  type AgendaItem,
  type DecisionLabel,
  type MeetingRecord,
  type NextMeetingForm,
} from '../../../../shared/model';
import { minuteNumbers } from '../../../../shared/minutes/document';
import { authorFromPresenter } from '../../../../shared/minutes/standard-items';
import { AutoSelect, AutoText } from '../../components/AutoField';
import { useApp } from '../../state/store';
import { wasOf } from '../../state/was';

const state = () => useApp.getState();
import { inTextField, useUndo } from '../../state/undo';
import { ActionsSection, addAction } from './ActionsSection';
import { draftItem, relabelItem, updateItem } from './minuting-actions';
import { addBlock, BlockList } from './BlockList';
import { addMotion } from './MotionsSection';
import { ActionLogPanel } from './ActionLogPanel';
import { PreviousMinutesPanel, useConfirmation } from './PreviousMinutesPanel';

/** The one fact each standard item needs, and how the field is labelled. */
const DETAIL_FIELDS: Partial<Record<AgendaItem['kind'], { label: string; hint: string }>> = {
  appointment_chair: { label: 'Elected', hint: 'Name as printed; blank uses whoever took the Chair at this item' },
  appointment_deputy: { label: 'Elected', hint: 'Name as printed' },
  previous_minutes: { label: 'Subject to an amendment to …', hint: 'Blank when confirmed as written' },
  next_meeting: { label: 'Next meeting', hint: 'Blank uses the next meeting of this body on record; several dates, one per line' },
};


function UndoBar() {
  const { done, undone, busy, undo, redo } = useUndo();
  const last = done.at(-1);
  const next = undone.at(-1);
  return (
    <div className="undo-bar" role="toolbar" aria-label="Undo and redo">
      <button type="button" disabled={!last || busy} aria-keyshortcuts="Alt+Z" onClick={() => void undo()}>
        Undo{last ? `: ${last.label}` : ''}
      </button>
      <button type="button" disabled={!next || busy} aria-keyshortcuts="Alt+Y" onClick={() => void redo()}>
        Redo{next ? `: ${next.label}` : ''}
      </button>
    </div>
  );
}

/**
 * The minute of the item being taken: its standard wording, opening sentence,
 * narrative, points noted, motions and votes, decision and actions. Every
 * field saves as the clerk types; the preview follows each keystroke.
 */
export function ItemMinute({ record }: { record: MeetingRecord }) {
  const item = record.items.find((i) => i.id === record.currentItemId) ?? null;
  const [confirmation, setConfirmation] = useConfirmation(item?.kind === 'previous_minutes' ? (record.previousMeeting?.id ?? null) : null);
  // The amendment's words are recorded with the confirmation made at this item: shown, not edited.
  const confirmedHere = item !== null && confirmation?.confirmingItemId === item.id;

  // Alt+P paragraph, Alt+O point noted, Alt+R resolution, Alt+M motion, Alt+A action; Alt+Z / Alt+Y undo / redo.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const current = useApp.getState().meeting;
      const target = current?.items.find((i) => i.id === current.currentItemId);
      const key = event.key.toLowerCase();
      const plainUndo = (event.ctrlKey || event.metaKey) && !event.altKey && !inTextField(event.target);
      if ((event.altKey && key === 'z') || (plainUndo && key === 'z' && !event.shiftKey)) {
        event.preventDefault();
        void useUndo.getState().undo();
        return;
      }
      if ((event.altKey && key === 'y') || (plainUndo && (key === 'y' || (key === 'z' && event.shiftKey)))) {
        event.preventDefault();
        void useUndo.getState().redo();
        return;
      }
      if (!event.altKey || event.ctrlKey || !current || !target) return;
      const add = { p: 'paragraph', o: 'point', r: 'resolution' } as const;
      if (key in add) {
        event.preventDefault();
        void addBlock(current, target, add[key as keyof typeof add]);
      } else if (key === 'm') {
        event.preventDefault();
        void addMotion(current, target.id);
      } else if (key === 'a') {
        event.preventDefault();
        void addAction(current, target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!item) {
    return (
      <section className="panel item-minute" aria-labelledby="item-minute-title">
        <h2 id="item-minute-title">Minute</h2>
        <p className="empty">Take up an item from the order of business (Enter on it, or Alt+PageDown) to minute it.</p>
        <UndoBar />
      </section>
    );
  }

  const number = minuteNumbers(record).get(item.id);
  const detail = DETAIL_FIELDS[item.kind];
  const bodyDefault = record.body.decisionLabel;
  return (
    <section className="panel item-minute" aria-labelledby="item-minute-title" data-testid="item-minute">
      <div className="item-minute-head">
        <h2 id="item-minute-title">
          Minute {number}: {item.title}
        </h2>
        <p className="muted">
          Agenda item {item.agendaNumber}
          {item.kind !== 'business' ? ` · ${AGENDA_ITEM_KIND_LABELS[item.kind]}` : ''}
          {item.exempt ? ` · Exempt (Schedule 12A paragraph ${item.exemptParagraph})` : ''}

        </p>
        <UndoBar />
      </div>

      <div className="field-row">
        {item.takenAt ? (
          <AutoText
            type="time"
            label="Taken up at"
            value={item.takenAt}
            saveKey={`item:${item.id}:taken`}
            onSave={(value) => updateItem(item.id, { takenAt: value || null })}
          />
        ) : null}
        <AutoSelect
          key={`outcome:${item.outcome}`}
          label="Outcome"
          value={item.outcome}
          options={ITEM_OUTCOMES.map((o) => ({ value: o, label: ITEM_OUTCOME_LABELS[o] }))}
          saveKey={`item:${item.id}:outcome`}
          onSave={(outcome) => relabelItem(item, 'outcome', outcome, `mark agenda item ${item.agendaNumber} ${ITEM_OUTCOME_LABELS[outcome].toLowerCase()}`)}
        />
        {item.kind === 'business' || item.kind === 'action_log' ? (
          <AutoSelect
            label="Opening sentence"
            value={item.openingKind}
            options={OPENING_KINDS.map((k) => ({ value: k, label: OPENING_KIND_LABELS[k] }))}
            saveKey={`item:${item.id}:opening`}
            onSave={(openingKind) => updateItem(item.id, { openingKind })}
          />
        ) : null}
      </div>

      {detail ? (
        <AutoText
          label={detail.label}
          hint={confirmedHere ? 'Recorded with the confirmation: a further change is an amendment, on that meeting’s Review tab' : detail.hint}
          readOnly={confirmedHere}
          value={item.detail}
          multiline={item.kind === 'next_meeting'}
          rows={item.kind === 'next_meeting' ? 2 : undefined}
          phrases
          saveKey={`item:${item.id}:detail`}
          onDraft={(value) => draftItem(item.id, { detail: value })}
          onSave={(value) => updateItem(item.id, { detail: value })}
        />
      ) : null}
      {item.kind === 'next_meeting' ? (
        <AutoSelect<NextMeetingForm>
          key={`next:${item.nextForm}`}
          label="Minuted as"
          value={item.nextForm}
          options={NEXT_MEETING_FORMS.map((f) => ({ value: f, label: NEXT_MEETING_FORM_LABELS[f] }))}
          saveKey={`item:${item.id}:next-form`}
          onSave={(nextForm) => updateItem(item.id, { nextForm })}
        />
      ) : null}
      {item.kind === 'previous_minutes' && !record.previousMeeting ? (
        <AutoText
          type="date"
          label="Date of the previous meeting"
          hint="That meeting is not in the app: its date is cited in this minute"
          value={record.previousDate ?? ''}
          saveKey={`meeting:${record.id}:previous-date`}
          onSave={(value) => state().write('meetings.update', { meetingId: record.id, patch: { previousDate: value || null }, was: wasOf(state().meeting, { previousDate: value || null }) }).then(async (r) => {
            if (r.ok) await state().loadMeeting(record.id);
            return r;
          })}
        />
      ) : null}

      {item.kind === 'previous_minutes' ? <PreviousMinutesPanel record={record} item={item} confirmation={confirmation} setConfirmation={setConfirmation} /> : null}
      {item.kind === 'action_log' ? <ActionLogPanel record={record} /> : null}

      {item.openingKind !== 'none' ? (
        <div className="field-row">
          <AutoText
            label="Author or presenter"
            value={item.author}
            placeholder={authorFromPresenter(item.presenter) || 'Name, role, organisation'}
            saveKey={`item:${item.id}:author`}
            onDraft={(value) => draftItem(item.id, { author: value })}
            onSave={(value) => updateItem(item.id, { author: value })}
          />
          <AutoText
            label="Topic"
            value={item.topic}
            placeholder="the Serious Violence Duty"
            hint="“… which provided an update regarding <topic>”"
            saveKey={`item:${item.id}:topic`}
            onDraft={(value) => draftItem(item.id, { topic: value })}
            onSave={(value) => updateItem(item.id, { topic: value })}
            phrases
          />
          <AutoSelect<'standard' | 'none' | 'named'>
            key={`filed:${item.filed === null ? 'standard' : item.filed === '' ? 'none' : 'named'}`}
            label="Filed with the minutes"
            value={item.filed === null ? 'standard' : item.filed === '' ? 'none' : 'named'}
            options={[
              { value: 'standard', label: 'The standard clause' },
              { value: 'none', label: 'Nothing filed' },
              { value: 'named', label: 'A document I name' },
            ]}
            saveKey={`item:${item.id}:filed-form`}
            onSave={(form) => updateItem(item.id, { filed: form === 'standard' ? null : form === 'none' ? '' : item.filed || 'the report' })}
          />
          {item.filed ? (
            <AutoText
              label="Document filed"
              value={item.filed}
              placeholder="the Delivery Plan"
              saveKey={`item:${item.id}:filed`}
              phrases
              onDraft={(value) => draftItem(item.id, { filed: value || null })}
              onSave={(value) => updateItem(item.id, { filed: value || null })}
            />
          ) : null}
        </div>
      ) : null}

      {item.exempt ? (
        <AutoText
          label="Summary for the public minutes"
          hint="The exempt minute below is kept apart; this fair summary (if any) is all the public minutes show."
          value={item.publicSummary}
          multiline
          phrases
          saveKey={`item:${item.id}:summary`}
          onDraft={(value) => draftItem(item.id, { publicSummary: value })}
          onSave={(value) => updateItem(item.id, { publicSummary: value })}
        />
      ) : null}

      <h3 className="minute-part">The minute</h3>
      <div className="field-row">
        <AutoSelect
          key={`style:${item.pointsStyle}`}
          label="Points lettered"
          hint="For lists of points not given a style of their own"
          value={item.pointsStyle}
          options={[
            { value: 'roman', label: '(i), (ii), (iii)' },
            { value: 'alpha', label: '(a), (b), (c)' },
          ]}
          saveKey={`item:${item.id}:points-style`}
          onSave={(style) => relabelItem(item, 'pointsStyle', style, `reletter the points of agenda item ${item.agendaNumber}`)}
        />
        <AutoSelect<DecisionLabel | ''>
          key={`label:${item.decisionLabel}`}
          label="Decision label"
          hint="For decisions not given a label of their own"
          value={item.decisionLabel ?? ''}
          options={[{ value: '', label: `Body default (${bodyDefault})` }, ...DECISION_LABELS.map((l) => ({ value: l, label: l }))]}
          saveKey={`item:${item.id}:label`}
          onSave={(label) => relabelItem(item, 'decisionLabel', label || null, `relabel the decision of agenda item ${item.agendaNumber}`)}
        />
      </div>
      <BlockList record={record} item={item} />
      <div className="block-add" role="group" aria-label="Add to the minute (after the block with the caret)">
        <button type="button" className="button-quiet" aria-keyshortcuts="Alt+P" onClick={() => void addBlock(record, item, 'paragraph')}>
          + Paragraph <kbd>Alt+P</kbd>
        </button>
        <button type="button" className="button-quiet" aria-keyshortcuts="Alt+O" onClick={() => void addBlock(record, item, 'point')}>
          + Point <kbd>Alt+O</kbd>
        </button>
        <button type="button" className="button-quiet" aria-keyshortcuts="Alt+R" onClick={() => void addBlock(record, item, 'resolution')}>
          + Resolution <kbd>Alt+R</kbd>
        </button>
        <button type="button" className="button-quiet" aria-keyshortcuts="Alt+M" onClick={() => void addMotion(record, item.id)}>
          + Motion or vote <kbd>Alt+M</kbd>
        </button>
      </div>

      <h3 className="minute-part">Actions arising</h3>
      <ActionsSection record={record} item={item} />
    </section>
  );
}
