import { useEffect } from 'react';
import { wasOf } from '../state/was';
import { BODY_KINDS, DECISION_LABELS, MINUTE_NUMBER_FORMS, OPENING_KIND_LABELS, OPENING_KINDS, type BodyDetail } from '../../../shared/model';
import { belowHeading, minuteMark } from '../../../shared/rules/numbering';
import { monthName } from '../../../shared/format';
import { AutoCheckbox, AutoNumber, AutoSelect, AutoText } from '../components/AutoField';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { useApp } from '../state/store';
import { MeetingsSection } from './MeetingsSection';
import { MembersSection } from './MembersSection';
import { PhrasesSection } from './PhrasesSection';
import { HouseStyleSection } from './HouseStyleSection';
import { ImportPastMinutesSection } from './ImportPastMinutesSection';

/** The months by name, made when a body's settings are first drawn: naming them at load made the start pay for its first Intl formatter. */
let monthOptions: { value: number; label: string }[] | null = null;
const MONTH_OPTIONS = () => (monthOptions ??= Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: monthName(i + 1) })));
/** How minute numbers are printed, each shown as the 44th minute of the year starting 2021 prints it. */
const NUMBER_FORM_OPTIONS = MINUTE_NUMBER_FORMS.map((form) => ({ value: form, label: form === '{n}.' ? '44. (the number alone)' : minuteMark(44, '2021-06-01', 5, form) }));
/** The forms offered, with the body's own where it has one with a prefix (as its imported minutes print it: "PC/21/044"). */
const numberFormOptions = (current: string) =>
  NUMBER_FORM_OPTIONS.some((o) => o.value === current)
    ? NUMBER_FORM_OPTIONS
    : [
        ...NUMBER_FORM_OPTIONS,
        // Printed below the heading ("1. Election of Chairman" / "01/22"): said so.
        { value: current, label: `${minuteMark(44, '2021-06-01', 5, current)}${belowHeading(current) !== null ? ' below the heading, the heading numbered 1., 2. …' : ''} (its own)` },
      ];

export function BodyScreen({ bodyId }: { bodyId: number }) {
  const body = useApp((s) => (s.body?.id === bodyId ? s.body : null));
  const loadBody = useApp((s) => s.loadBody);
  useEffect(() => {
    void loadBody(bodyId);
  }, [bodyId, loadBody]);
  if (!body) return <p className="screen muted">Loading…</p>;
  return (
    <div className="screen">
      <h1>{body.name}</h1>
      <BodyDetails body={body} />
      <MembersSection body={body} />
      <MeetingsSection body={body} />
      <ImportPastMinutesSection body={body} />
      <HouseStyleSection body={body} />
      <PhrasesSection body={body} />
    </div>
  );
}

function BodyDetails({ body }: { body: BodyDetail }) {
  const write = useApp((s) => s.write);
  const setBody = useApp((s) => s.setBody);
  const refreshBodies = useApp((s) => s.refreshBodies);
  const navigate = useApp((s) => s.navigate);
  const save = async (patch: Parameters<typeof write<'bodies.update'>>[1]['patch']) => {
    const result = await write('bodies.update', { bodyId: body.id, patch, was: wasOf(useApp.getState().body, patch) });
    if (result.ok) {
      setBody(result.value);
      if ('name' in patch || 'kind' in patch) void refreshBodies();
    }
    return result;
  };
  const remove = async () => {
    const result = await write('bodies.delete', { bodyId: body.id });
    if (result.ok) {
      await refreshBodies();
      navigate({ name: 'home' });
    }
  };
  const key = (field: string) => `body:${body.id}:${field}`;
  return (
    <section className="panel" aria-labelledby="body-details-title">
      <h2 id="body-details-title">Details and rules</h2>
      <div className="form-grid">
        <AutoText label="Name" value={body.name} saveKey={key('name')} onSave={(name) => save({ name })} className="span-2" />
        <AutoSelect
          label="Kind"
          value={body.kind}
          options={BODY_KINDS.map((k) => ({ value: k, label: k }))}
          saveKey={key('kind')}
          onSave={(kind) => save({ kind })}
          hint={`Minutes will say "the ${body.kind}".`}
        />
        <AutoSelect
          label="Default decision label"
          value={body.decisionLabel}
          options={DECISION_LABELS.map((l) => ({ value: l, label: l }))}
          saveKey={key('decisionLabel')}
          onSave={(decisionLabel) => save({ decisionLabel })}
        />
        <AutoSelect
          label="Default opening of an item"
          value={body.openingKind}
          options={OPENING_KINDS.map((k) => ({ value: k, label: OPENING_KIND_LABELS[k] }))}
          saveKey={key('openingKind')}
          onSave={(openingKind) => save({ openingKind })}
          hint="New items of business open so, unless the agenda's presenter line says otherwise; each item can still be changed."
        />
        <AutoNumber
          label="Quorum: voting members"
          value={body.quorumMinVoting}
          min={0}
          max={200}
          saveKey={key('quorumMinVoting')}
          onSave={(quorumMinVoting) => save({ quorumMinVoting })}
          hint="Minimum voting members present"
        />
        <AutoNumber
          label="Quorum: organisations"
          value={body.quorumMinOrganisations}
          min={0}
          max={200}
          saveKey={key('quorumMinOrganisations')}
          onSave={(quorumMinOrganisations) => save({ quorumMinOrganisations })}
          hint="Minimum distinct organisations among them (0 = no rule)"
        />
        <AutoSelect
          label="Municipal year starts in"
          value={body.yearStartMonth}
          options={MONTH_OPTIONS()}
          saveKey={key('yearStartMonth')}
          onSave={(yearStartMonth) => save({ yearStartMonth })}
          hint="Minute numbers restart at the first meeting of each year"
        />
        <AutoSelect
          label="Minute numbers printed as"
          value={body.minuteNumberForm ?? '{n}.'}
          options={numberFormOptions(body.minuteNumberForm ?? '{n}.')}
          saveKey={key('minuteNumberForm')}
          onSave={(minuteNumberForm) => save({ minuteNumberForm })}
          hint="With the year the municipal year starts (21.44), the number alone, or the body’s own prefix as its imported minutes print it"
        />
        <AutoCheckbox
          label="Members attending remotely count towards the quorum"
          value={body.remoteCountsForQuorum}
          saveKey={key('remote')}
          onSave={(remoteCountsForQuorum) => save({ remoteCountsForQuorum })}
          className="span-2"
        />
      </div>
      <div className="section-footer">
        <ConfirmDelete
          what={`the body ${body.name}`}
          consequence="Its members go with it. A body that has meetings on record cannot be deleted."
          onConfirm={() => void remove()}
          triggerLabel="Delete body"
        />
      </div>
    </section>
  );
}
