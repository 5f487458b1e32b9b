import { useEffect } from 'react';
import {
  AGENDA_ITEM_KIND_LABELS,
  DECISION_LABELS,
  ITEM_OUTCOMES,
  ITEM_OUTCOME_LABELS,
  OPENING_KINDS,
  OPENING_KIND_LABELS,
  type AgendaItem,
  type DecisionLabel,
  type MeetingRecord,
} from '../../../../shared/model';
import { minuteNumbers } from '../../../../shared/minutes/document';
import { DEFAULT_POINTS_INTRO, openingSentence } from '../../../../shared/minutes/item-wording';
import { authorFromPresenter } from '../../../../shared/minutes/standard-items';
import { AutoSelect, AutoText } from '../../components/AutoField';
import { useApp } from '../../state/store';
import { useDrafts } from '../../state/drafts';
import { inTextField, useUndo } from '../../state/undo';
import { ActionsSection, addAction } from './ActionsSection';
import { addEntry, draftItem, relabelItem, updateItem } from './minuting-actions';
import { EntryList } from './EntryList';
import { addMotion, MotionsSection } from './MotionsSection';
import { time } from './clock';
import { ActionLogPanel } from './ActionLogPanel';
import { PreviousMinutesPanel } from './PreviousMinutesPanel';

/** The one fact each standard item needs, and how the field is labelled. */
const DETAIL_FIELDS: Partial<Record<AgendaItem['kind'], { label: string; hint: string }>> = {
  appointment_chair: { label: 'Elected', hint: 'Name as printed; blank uses whoever took the Chair at this item' },
  appointment_deputy: { label: 'Elected', hint: 'Name as printed' },
  previous_minutes: { label: 'Subject to an amendment to …', hint: 'Blank when confirmed as written' },
  next_meeting: { label: 'Next meeting', hint: 'Blank uses the next meeting of this body on record' },
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
  // The fields being typed, laid over the confirmed item for the sentences shown here.
  const typed = useDrafts((s) => (item ? s.items[item.id] : undefined));

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
        void addEntry(current, target.id, add[key as keyof typeof add]);
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
  const opening = openingSentence(typed ? { ...item, ...typed } : item, record);
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
          {item.takenAt ? ` · taken up at ${time(item.takenAt)}` : ''}
        </p>
        <UndoBar />
      </div>

      <div className="field-row">
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
          hint={detail.hint}
          value={item.detail}
          saveKey={`item:${item.id}:detail`}
          onDraft={(value) => draftItem(item.id, { detail: value })}
          onSave={(value) => updateItem(item.id, { detail: value })}
        />
      ) : null}

      {item.kind === 'previous_minutes' ? <PreviousMinutesPanel record={record} item={item} /> : null}
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
          />
        </div>
      ) : null}
      {opening ? (
        <p className="opening-preview" data-testid="opening-sentence">
          {opening}
        </p>
      ) : null}

      {item.exempt ? (
        <AutoText
          label="Summary for the public minutes"
          hint="The exempt minute below is kept apart; this fair summary (if any) is all the public minutes show."
          value={item.publicSummary}
          multiline
          saveKey={`item:${item.id}:summary`}
          onDraft={(value) => draftItem(item.id, { publicSummary: value })}
          onSave={(value) => updateItem(item.id, { publicSummary: value })}
        />
      ) : null}

      <h3 className="minute-part">Narrative</h3>
      <EntryList record={record} item={item} kind="paragraph" empty="No narrative paragraphs." addLabel="Paragraph" addKeys="Alt+P" />

      <h3 className="minute-part">Points noted</h3>
      <div className="field-row">
        <AutoText
          label="Introduction"
          value={item.pointsIntro}
          placeholder={DEFAULT_POINTS_INTRO}
          saveKey={`item:${item.id}:points-intro`}
          onDraft={(value) => draftItem(item.id, { pointsIntro: value })}
          onSave={(value) => updateItem(item.id, { pointsIntro: value })}
        />
        <AutoSelect
          key={`style:${item.pointsStyle}`}
          label="Lettering"
          value={item.pointsStyle}
          options={[
            { value: 'roman', label: '(i), (ii), (iii)' },
            { value: 'alpha', label: '(a), (b), (c)' },
          ]}
          saveKey={`item:${item.id}:points-style`}
          onSave={(style) => relabelItem(item, 'pointsStyle', style, `reletter the points of agenda item ${item.agendaNumber}`)}
        />
      </div>
      <EntryList record={record} item={item} kind="point" empty="No points noted." addLabel="Point noted" addKeys="Alt+O" />

      <h3 className="minute-part">Motions and votes</h3>
      <MotionsSection record={record} item={item} />

      <h3 className="minute-part">Decision</h3>
      <AutoSelect<DecisionLabel | ''>
        key={`label:${item.decisionLabel}`}
        label="Decision label"
        value={item.decisionLabel ?? ''}
        options={[{ value: '', label: `Body default (${bodyDefault})` }, ...DECISION_LABELS.map((l) => ({ value: l, label: l }))]}
        saveKey={`item:${item.id}:label`}
        onSave={(label) => relabelItem(item, 'decisionLabel', label || null, `relabel the decision of agenda item ${item.agendaNumber}`)}
      />
      <EntryList record={record} item={item} kind="resolution" empty="No resolutions." addLabel="Resolution" addKeys="Alt+R" />

      <h3 className="minute-part">Actions arising</h3>
      <ActionsSection record={record} item={item} />
    </section>
  );
}
