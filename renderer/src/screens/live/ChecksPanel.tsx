import { memo, useState } from 'react';
import { countText, type Check } from '../../../../shared/checks';
import type { MeetingRecord } from '../../../../shared/model';
import { applyFix, goTo } from './checks-ui';

const SEVERITY: Record<Check['severity'], string> = { error: 'Error', warning: 'Worth a look' };

/**
 * The checks beside the minutes, updated as the clerk works: each names its
 * minute and what is wrong, with its fixes and a way to the place, all by
 * keyboard. After a fix, focus moves to the next check (or the heading).
 */
function ChecksPanelView({ record, checks }: { record: MeetingRecord; checks: Check[] }) {
  const [failed, setFailed] = useState<string | null>(null);
  // The checks are drawn from a deferred copy of the record (MeetingScreen), so the list may still show the check just
  // put right for a frame or more after the fix's answer: focus waits for it to go (a second at most), never landing
  // on a button that is about to disappear.
  const settle = (index: number, fixed: string | null, frames = 60) => {
    requestAnimationFrame(() => {
      if (fixed !== null && frames > 0 && document.querySelector(`[data-testid="check"][data-check-id="${CSS.escape(fixed)}"]`)) {
        settle(index, fixed, frames - 1);
        return;
      }
      const rows = document.querySelectorAll<HTMLElement>('[data-testid="check"] button');
      const next = document.querySelectorAll<HTMLElement>('[data-testid="check"]')[index]?.querySelector<HTMLElement>('button') ?? rows[0];
      (next ?? document.getElementById('checks-title'))?.focus();
    });
  };
  return (
    <section className="panel checks-panel" aria-labelledby="checks-title" data-testid="checks-panel">
      <h2 id="checks-title" tabIndex={-1}>
        Checks <span className={`checks-count${checks.some((c) => c.severity === 'error') ? ' has-errors' : ''}`}>{countText(checks)}</span>
      </h2>
      {failed ? (
        <p className="field-error" role="alert">
          {failed}
        </p>
      ) : null}
      {checks.length ? (
        <ul className="checks-list">
          {checks.map((check, index) => (
            <li key={check.id} className={`check check-${check.severity}`} data-testid="check" data-rule={check.rule} data-check-id={check.id}>
              <p>
                <strong>{SEVERITY[check.severity]}:</strong> {check.message}
              </p>
              <div className="check-actions">
                {check.fixes.map((fix) => (
                  <button
                    key={fix.label}
                    type="button"
                    onClick={() =>
                      void applyFix(record, fix).then((error) => {
                        setFailed(error);
                        settle(index, error ? null : check.id);
                      })
                    }
                  >
                    {fix.label}
                  </button>
                ))}
                <button type="button" onClick={() => goTo(check.place)}>
                  Go to it
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">The minutes pass every check.</p>
      )}
    </section>
  );
}

/** Drawn again only when the record or its checks change, not at every keystroke in the preview beside it. */
export const ChecksPanel = memo(ChecksPanelView);
