import { useEffect, useState, type FormEvent } from 'react';
import type { BodyDetail, Phrase } from '../../../shared/model';
import { AutoText } from '../components/AutoField';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { FormError } from '../components/FormError';
import { useApp } from '../state/store';

/** The body's phrase bank: standard wording the clerk inserts with Ctrl+Space while minuting. */
export function PhrasesSection({ body }: { body: BodyDetail }) {
  const read = useApp((s) => s.read);
  const write = useApp((s) => s.write);
  const [phrases, setPhrases] = useState<Phrase[]>([]);
  const [label, setLabel] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void read('phrases.list', { bodyId: body.id }).then((r) => r.ok && setPhrases(r.value));
  }, [body.id, read]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const result = await write('phrases.create', { bodyId: body.id, label, text });
    if (!result.ok) return setError(result.error.message);
    setPhrases(result.value);
    setLabel('');
    setText('');
    setError(null);
    document.getElementById('new-phrase-label')?.focus();
  };

  return (
    <section className="panel" aria-labelledby="phrases-title">
      <h2 id="phrases-title">
        Phrase bank <span className="count">{phrases.length}</span>
      </h2>
      <p className="muted">Standard wording for this body’s minutes. While minuting, press Ctrl+Space in a field to insert one.</p>
      <ul className="row-list" aria-label="Phrases">
        {phrases.map((p) => (
          <li key={p.id} className="phrase-row">
            <AutoText
              label="Name"
              value={p.label}
              saveKey={`phrase:${p.id}:label`}
              onSave={async (value) => {
                const r = await write('phrases.update', { phraseId: p.id, patch: { label: value } });
                return r;
              }}
            />
            <AutoText
              label="Wording"
              value={p.text}
              multiline
              saveKey={`phrase:${p.id}:text`}
              onSave={(value) => write('phrases.update', { phraseId: p.id, patch: { text: value } })}
            />
            <ConfirmDelete
              what={`the phrase “${p.label}”`}
              onConfirm={() => void write('phrases.delete', { phraseId: p.id }).then((r) => r.ok && setPhrases(r.value))}
            />
          </li>
        ))}
      </ul>
      <form className="subform form-grid" onSubmit={add} aria-labelledby="new-phrase-title">
        <h3 id="new-phrase-title">New phrase</h3>
        <div className="field">
          <label htmlFor="new-phrase-label">Name</label>
          <input id="new-phrase-label" value={label} placeholder="e.g. thanks" onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field span-2">
          <label htmlFor="new-phrase-text">Wording</label>
          <textarea id="new-phrase-text" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Add phrase
          </button>
        </div>
        <FormError message={error} />
      </form>
    </section>
  );
}
