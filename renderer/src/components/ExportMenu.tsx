import { useEffect, useState } from 'react';
import type { Check } from '../../../shared/checks';
import type { MeetingRecord } from '../../../shared/model';
import { flushAllSaves } from '../state/save-status';
import { downloadFile as download } from './files';
import { useApp } from '../state/store';

type Document = 'minutes' | 'exempt' | 'decisions' | 'actions';

const LABELS: Record<Document, string> = {
  minutes: 'Word minutes',
  exempt: 'Exempt minutes',
  decisions: 'Decision sheet',
  actions: 'Action log',
};

/** Export the meeting's documents as Word files: Alt+W exports the minutes. */
export function ExportMenu({
  record,
  checks,
  gate,
}: {
  record: MeetingRecord;
  /** The minutes checker's findings: shown before any export, which may still go ahead. */
  checks: Check[];
  gate: (checks: Check[], proceedLabel: string, proceed: () => void) => void;
}) {
  const write = useApp((s) => s.write);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const documents: Document[] = ['minutes', ...(record.items.some((i) => i.exempt) ? (['exempt'] as const) : []), 'decisions', 'actions'];

  const exportDocument = (document: Document) => gate(checks, `Export the ${LABELS[document].toLowerCase()} anyway`, () => void writeDocument(document));
  const writeDocument = async (document: Document) => {
    setStatus({ ok: true, text: `Writing the ${LABELS[document].toLowerCase()}…` });
    await flushAllSaves();
    const result = await write('exports.build', { meetingId: record.id, document });
    if (!result.ok) return setStatus({ ok: false, text: result.error.message });
    download(result.value.fileName, result.value.mimeType, result.value.base64);
    setStatus({ ok: true, text: `Exported ${result.value.fileName}` });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && event.key.toLowerCase() === 'w') {
        event.preventDefault();
        void exportDocument('minutes');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="export-menu" role="group" aria-label="Export to Word">
      {documents.map((d) => (
        <button key={d} type="button" aria-keyshortcuts={d === 'minutes' ? 'Alt+W' : undefined} onClick={() => void exportDocument(d)}>
          {LABELS[d]}
          {d === 'minutes' ? <kbd>Alt+W</kbd> : null}
        </button>
      ))}
      {status ? (
        <p className={status.ok ? 'export-status' : 'export-status field-error'} role="status" data-testid="export-status">
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
