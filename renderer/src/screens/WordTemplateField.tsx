import { useRef, useState, type ChangeEvent } from 'react';
import { describeSize, MAX_TEMPLATE_BYTES } from '../../../shared/limits';
import type { BodyDetail } from '../../../shared/model';
import { fileToBase64 } from '../components/files';
import { FormError } from '../components/FormError';
import { useApp } from '../state/store';

/**
 * The council's own Word template as the body's house style: a button opens
 * the file chooser (the file input itself stays out of the way, so the
 * keyboard reaches one plainly labelled control), the template in use is
 * named, and "Use the built-in style" goes back. The file is read and checked
 * by the app (bodies.setWordTemplate); a refusal is shown by the field and
 * nothing changes.
 */
export function WordTemplateField({ body }: { body: BodyDetail }) {
  const write = useApp((s) => s.write);
  const setBody = useApp((s) => s.setBody);
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const template = body.houseStyle.wordTemplate;
  const ids = { status: `word-template-status-${body.id}`, error: `word-template-error-${body.id}` };

  const send = async (chosen: { fileName: string; base64: string } | null) => {
    setBusy(true);
    const result = await write('bodies.setWordTemplate', { bodyId: body.id, template: chosen });
    setBusy(false);
    if (result.ok) setBody(result.value);
    setError(result.ok ? null : result.error.message);
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!/\.(docx|dotx|dotm|docm)$/i.test(file.name)) return setError(`${file.name} is not a Word document or template: choose a .docx or .dotx file. Nothing was changed.`);
    if (file.size === 0) return setError(`${file.name} is empty. Nothing was changed.`);
    if (file.size > MAX_TEMPLATE_BYTES) {
      return setError(`${file.name} is ${describeSize(file.size)}; a Word template is at most ${describeSize(MAX_TEMPLATE_BYTES)}. Nothing was changed.`);
    }
    await send({ fileName: file.name, base64: await fileToBase64(file) });
  };

  return (
    <fieldset className="field span-2 word-template" aria-describedby={ids.status}>
      <legend>Council’s Word template</legend>
      <p className="hint" id={ids.status}>
        {template ? (
          <>
            In use: <strong className="word-template-name">{template.fileName}</strong>. Its styles, page set-up, header and footer are used by every Word
            export, and its fonts, heading colours and margins by the web page and the PDF; they take the place of the font, size and margins above.
          </>
        ) : (
          'None: the built-in house style above is used. A council’s own .docx or .dotx can supply its styles, page set-up, header and footer instead.'
        )}
      </p>
      {template?.notes.map((note) => (
        <p className="hint" key={note}>
          {note}
        </p>
      ))}
      <div className="button-row">
        <button type="button" onClick={() => input.current?.click()} disabled={busy} aria-describedby={error ? ids.error : undefined}>
          Use the council’s Word template…
        </button>
        {template ? (
          <button type="button" className="quiet-button" onClick={() => void send(null)} disabled={busy}>
            Use the built-in style
          </button>
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        accept=".docx,.dotx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.wordprocessingml.template"
        onChange={(e) => void choose(e)}
      />
      {busy ? (
        <p className="hint" role="status">
          Reading the template…
        </p>
      ) : null}
      <FormError id={ids.error} message={error} />
    </fieldset>
  );
}
