import { useMemo } from 'react';
import { diffByMinute, foldUnchanged } from '../../../../shared/minutes/diff';
import type { MinutesVersion } from '../../../../shared/model';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Words added and removed between two versions, by whole words, minute by minute; unchanged stretches folded. */
export function VersionDiff({ before, after }: { before: MinutesVersion; after: MinutesVersion }) {
  const minutes = useMemo(() => diffByMinute(before.text, after.text), [before, after]);
  const added = minutes.reduce((n, m) => n + m.added, 0);
  const removed = minutes.reduce((n, m) => n + m.removed, 0);
  return (
    <div className="version-diff" data-testid="version-diff">
      <p className="muted" role="status">
        Version {before.number} to version {after.number}: {plural(added, 'word')} added, {removed} removed
        {minutes.length ? `, in ${plural(minutes.length, 'part')} of the minutes` : ''}.
      </p>
      {minutes.map((m, i) => (
        <section key={`${m.heading}-${i}`} className="diff-minute" data-testid="diff-minute" aria-label={m.heading || 'Before the first minute'}>
          <h3 className="diff-heading">
            {m.heading || 'Before the first minute (attendance)'}
            {m.headingBefore ? <span className="muted"> (was {m.headingBefore})</span> : null}
            <span className="muted"> · {plural(m.added, 'word')} added, {m.removed} removed</span>
          </h3>
          <div className="diff-text">
            {foldUnchanged(m.parts).map((p, k) =>
              p.kind === 'added' ? (
                <ins key={k}>{p.text}</ins>
              ) : p.kind === 'removed' ? (
                <del key={k}>{p.text}</del>
              ) : p.kind === 'fold' ? (
                <span key={k}>
                  {p.head}
                  <span className="diff-fold" title={`${plural(p.words, 'word')} unchanged`}>
                    {` […${plural(p.words, 'word')} unchanged…] `}
                  </span>
                  {p.tail}
                </span>
              ) : (
                <span key={k}>{p.text}</span>
              ),
            )}
          </div>
        </section>
      ))}
    </div>
  );
}
