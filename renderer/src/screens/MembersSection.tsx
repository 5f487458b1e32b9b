import { useRef, useState, type FormEvent } from 'react';
import { wasOf } from '../state/was';
import type { BodyDetail, Member } from '../../../shared/model';
import { AutoCheckbox, AutoText } from '../components/AutoField';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { MoveButtons, rowMoveKeys } from '../components/MoveButtons';
import { useApp } from '../state/store';
import { FormError } from '../components/FormError';

type MemberPatch = Partial<Pick<Member, 'name' | 'role' | 'organisation' | 'email' | 'voting' | 'substitutesFor'>>;

export function MembersSection({ body }: { body: BodyDetail }) {
  const loadBody = useApp((s) => s.loadBody);
  const write = useApp((s) => s.write);
  const setBody = useApp((s) => s.setBody);
  const members = body.members;

  const move = async (member: Member, toPosition: number) => {
    const result = await write('members.move', { memberId: member.id, toPosition });
    if (result.ok) setBody({ ...useApp.getState().body!, members: result.value });
  };

  return (
    <section className="panel" aria-labelledby="members-title">
      <h2 id="members-title">
        Members <span className="count">{members.length}</span>
      </h2>
      <p className="hint">Names exactly as printed in the minutes, titles included (“Mrs D. Taylor CC”, “Cllr. L. Phillimore”).</p>
      {members.length === 0 ? <p className="empty">No members yet.</p> : null}
      <ol className="row-list" aria-label="Members">
        {members.map((member, index) => (
          <li key={member.id} className="row member-row" data-testid="member-row" onKeyDown={rowMoveKeys(index, members.length, (to) => move(member, to))}>
            <MemberRow member={member} others={members.filter((m) => m.id !== member.id)} />
            <div className="row-actions">
              <MoveButtons label={member.name} index={index} count={members.length} onMove={(to) => void move(member, to)} />
              <ConfirmDelete
                what={`member ${member.name}`}
                onConfirm={async () => {
                  const result = await write('members.delete', { memberId: member.id });
                  if (result.ok) await loadBody(body.id);
                }}
              />
            </div>
          </li>
        ))}
      </ol>
      <NewMemberForm bodyId={body.id} />
    </section>
  );
}

function MemberRow({ member, others }: { member: Member; others: Member[] }) {
  const write = useApp((s) => s.write);
  const save = async (patch: MemberPatch) => {
    const result = await write('members.update', { memberId: member.id, patch, was: wasOf(useApp.getState().body?.members.find((m) => m.id === member.id), patch) });
    if (result.ok) {
      const state = useApp.getState();
      if (state.body) state.setBody({ ...state.body, members: state.body.members.map((m) => (m.id === member.id ? result.value : m)) });
    }
    return result;
  };
  const key = (field: string) => `member:${member.id}:${field}`;
  const substitutes = others.filter((o) => member.substitutesFor.includes(o.id));
  return (
    <div className="row-fields member-fields">
      <AutoText label="Name as printed" value={member.name} saveKey={key('name')} onSave={(name) => save({ name })} testId="member-name" />
      <AutoText label="Role" value={member.role} saveKey={key('role')} onSave={(role) => save({ role })} />
      <AutoText label="Organisation" value={member.organisation} saveKey={key('organisation')} onSave={(organisation) => save({ organisation })} />
      <AutoText label="Email" type="email" value={member.email} saveKey={key('email')} onSave={(email) => save({ email })} />
      <AutoCheckbox label="Voting member" value={member.voting} saveKey={key('voting')} onSave={(voting) => save({ voting })} />
      {others.length > 0 ? (
        <details className="substitutes">
          <summary>
            May substitute for{substitutes.length ? `: ${substitutes.map((s) => s.name).join(', ')}` : ' (nobody)'}
          </summary>
          <fieldset>
            <legend className="visually-hidden">{member.name} may substitute for</legend>
            {others.map((other) => (
              <AutoCheckbox
                key={other.id}
                label={other.name}
                value={member.substitutesFor.includes(other.id)}
                saveKey={key(`sub-${other.id}`)}
                onSave={(checked) => {
                  const current = new Set(useApp.getState().body?.members.find((m) => m.id === member.id)?.substitutesFor ?? []);
                  if (checked) current.add(other.id);
                  else current.delete(other.id);
                  return save({ substitutesFor: [...current] });
                }}
              />
            ))}
          </fieldset>
        </details>
      ) : null}
    </div>
  );
}

function NewMemberForm({ bodyId }: { bodyId: number }) {
  const write = useApp((s) => s.write);
  const loadBody = useApp((s) => s.loadBody);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [voting, setVoting] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await write('members.create', { bodyId, name, role, organisation, voting });
    if (!result.ok) return setError(result.error.message);
    setName('');
    setRole('');
    setOrganisation('');
    setVoting(true);
    setError(null);
    await loadBody(bodyId);
    nameRef.current?.focus();
  };

  return (
    <form className="subform form-grid" onSubmit={submit} aria-labelledby="new-member-title">
      <h3 id="new-member-title">Add a member</h3>
      <div className="field">
        <label htmlFor="new-member-name">Name as printed</label>
        <input id="new-member-name" ref={nameRef} data-shortcut-target="new" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="new-member-role">Role</label>
        <input id="new-member-role" value={role} onChange={(e) => setRole(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="new-member-organisation">Organisation</label>
        <input id="new-member-organisation" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
      </div>
      <div className="field field-checkbox">
        <input id="new-member-voting" type="checkbox" checked={voting} onChange={(e) => setVoting(e.target.checked)} />
        <label htmlFor="new-member-voting">Voting member</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Add member
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
