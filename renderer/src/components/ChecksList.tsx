import type { Check } from '../../../shared/checks';

/** The checks as a plain list, for the dialogs shown before closing, exporting and publishing. */
export function ChecksList({ checks }: { checks: readonly Check[] }) {
  return (
    <ul className="checks-list compact">
      {checks.map((c) => (
        <li key={c.id} className={`check check-${c.severity}`}>
          <strong>{c.severity === 'error' ? 'Error' : 'Worth a look'}:</strong> {c.message}
        </li>
      ))}
    </ul>
  );
}
