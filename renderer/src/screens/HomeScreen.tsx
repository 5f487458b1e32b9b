import { useState, type FormEvent } from 'react';
import { BODY_KINDS, type BodyKind } from '../../../shared/model';
import { useApp } from '../state/store';
import { FormError } from '../components/FormError';
import { fieldError } from '../components/form-errors';
import { whenDrawn } from '../components/typing';

/** First screen: the bodies the clerk serves, and a form to add one. */
export function HomeScreen() {
  const bodies = useApp((s) => s.bodies);
  const navigate = useApp((s) => s.navigate);
  return (
    <div className="screen">
      <h1>Bodies</h1>
      <p className="lead">Committees, boards and panels you minute. Choose one to see its members and meetings.</p>
      {bodies.length === 0 ? <p className="empty">No bodies yet. Create the first one below.</p> : null}
      <ul className="card-list" aria-label="Bodies">
        {bodies.map((b) => (
          <li key={b.id}>
            <a href={`#/bodies/${b.id}`} onClick={(e) => (e.preventDefault(), navigate({ name: 'body', bodyId: b.id }))}>
              <strong>{b.name}</strong>
              <span className="muted">
                {b.kind} · {b.memberCount} member{b.memberCount === 1 ? '' : 's'} · {b.meetingCount} meeting{b.meetingCount === 1 ? '' : 's'}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <NewBodyForm />
      <DemoLoader />
    </div>
  );
}

/** A fictional board and a fully minuted meeting, to see the app and its Word output at once. */
function DemoLoader() {
  const write = useApp((s) => s.write);
  const refreshBodies = useApp((s) => s.refreshBodies);
  const navigate = useApp((s) => s.navigate);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    const result = await write('demo.load', {});
    if (!result.ok) return setError(result.error.message);
    void refreshBodies();
    sessionStorage.setItem(`tab:${result.value.meetingId}`, 'review');
    navigate({ name: 'meeting', meetingId: result.value.meetingId });
  };
  return (
    <section className="subform" aria-labelledby="demo-title">
      <h2 id="demo-title">Try it with a demo meeting</h2>
      <p className="muted">Adds a fictional board, the Wessex Safer Communities Board, with a fully minuted meeting you can explore and export.</p>
      <button type="button" onClick={() => void load()}>
        Load the demo meeting
      </button>
      <FormError message={error} />
    </section>
  );
}

function NewBodyForm() {
  const submitCall = useApp((s) => s.submit);
  const refreshBodies = useApp((s) => s.refreshBodies);
  const navigate = useApp((s) => s.navigate);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<BodyKind>('Committee');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refuse = (text: string) => {
      setError(text);
      document.getElementById('new-body-name')?.focus();
    };
    if (!name.trim()) return refuse('Enter the name of the committee, board or panel.');
    const result = await submitCall('bodies.create', { name, kind });
    if (!result.ok) return refuse(fieldError(result.error.message).text);
    setName('');
    setError(null);
    await refreshBodies();
    navigate({ name: 'body', bodyId: result.value.id });
    // A new body's first task is its members: the caret goes to the new member's name.
    void whenDrawn<HTMLInputElement>('#new-member-name').then((el) => el?.focus());
  };

  return (
    <form className="panel form-grid" onSubmit={submit} aria-labelledby="new-body-title" noValidate>
      <h2 id="new-body-title">New body</h2>
      <div className="field">
        <label htmlFor="new-body-name">Name</label>
        <input
          id="new-body-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Safer Communities Strategy Board"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-body-error' : undefined}
        />
        <FormError message={error} id="new-body-error" />
      </div>
      <div className="field">
        <label htmlFor="new-body-kind">Kind</label>
        <select id="new-body-kind" value={kind} onChange={(e) => setKind(e.target.value as BodyKind)}>
          {BODY_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Create body
        </button>
      </div>
    </form>
  );
}
