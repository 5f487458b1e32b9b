import { memo, useMemo, useRef } from 'react';
import type { Block, MinutesDocument } from '../../../shared/minutes/document';

/** Points with the markers their block carries ("(a)", "(iv)", "3.", "•"); the list's own numbering is hidden by CSS. */
function Lettered({ items, markers }: { items: string[]; markers: string[] }) {
  return (
    <ol className="minutes-lettered">
      {items.map((text, i) => (
        <li key={i}>
          <span className="minutes-marker">{markers[i]}</span> <span className="minutes-point">{text}</span>
        </li>
      ))}
    </ol>
  );
}

function BlockViewPlain({ block }: { block: Block }) {
  switch (block.type) {
    case 'opening':
      return <p className="minutes-opening">{block.text}</p>;
    case 'section-heading':
      return <h4 className="minutes-section">{block.text}</h4>;
    case 'chair':
      return <p className="minutes-chair">{block.text}</p>;
    case 'name-list':
      return block.rows.length ? (
        <table className="minutes-names">
          {/* The column headings the Word file and the web page print over every name list. */}
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role and organisation</th>
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, i) => (
              <tr key={i}>
                <td className="minutes-name">{row.name}</td>
                <td className="minutes-detail">{row.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null;
    case 'minute-heading':
      return (
        <>
          <h3 className="minutes-heading" data-agenda-number={block.agendaNumber ?? undefined}>
            {block.mark === '' ? block.text : `${block.mark ?? `${block.number}.`} ${block.text}`}
          </h3>
          {block.below ? <p className="minutes-paragraph minute-number">{block.below}</p> : null}
        </>
      );
    case 'paragraph':
      return <p className="minutes-paragraph">{block.text}</p>;
    case 'lettered':
      return block.items.length ? <Lettered items={block.items} markers={block.markers} /> : null;
    case 'decision':
      // Printed on one line with its label, as the imported minutes had it.
      if (block.runOn) {
        return (
          <div className="minutes-decision">
            <p className="minutes-paragraph">
              <strong>{block.heading ?? `${block.label}:`}</strong> {block.resolutions[0]}
            </p>
          </div>
        );
      }
      return (
        <div className="minutes-decision">
          <p className="minutes-decision-label">
            <strong>{block.heading ?? `${block.label}:`}</strong>
          </p>
          {block.markers.every((marker) => marker === '') ? (
            block.resolutions.map((r, i) => (
              <p key={i} className="minutes-paragraph">
                {r}
              </p>
            ))
          ) : (
            <Lettered items={block.resolutions} markers={block.markers} />
          )}
        </div>
      );
    case 'closing':
      return <p className="minutes-closing">{block.text}</p>;
    case 'signature':
      return (
        <div className="minutes-signature">
          <p className="minutes-sign-line">{block.chairTitle}</p>
          <p className="minutes-sign-line">Date</p>
        </div>
      );
  }
}

const BlockView = BlockViewPlain;

/** One minute (or the opening part): its blocks redraw only when their words change. */
const BlockGroup = memo(function BlockGroup({ blocks }: { blocks: Block[] }) {
  return (
    <div className="minutes-group">
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </div>
  );
});

/**
 * Deep equality of plain block data (strings, numbers, arrays, objects). Unchanged passages are the very same strings,
 * so this is quick; written as plain loops (no closures, no key arrays for arrays), as it runs over every block of the
 * document at each keystroke.
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (!(key in y) || !same(x[key], y[key])) return false;
    count++;
  }
  for (const _key in y) count--;
  return count === 0;
}

/**
 * The document split at each minute heading. A part whose blocks are the
 * same as last time keeps last time's array, so its BlockGroup (memoised by
 * reference) is skipped: a keystroke redraws one minute.
 */
function useGroups(blocks: Block[]): Block[][] {
  const previous = useRef<Block[][]>([]);
  return useMemo(() => {
    const groups: Block[][] = [[]];
    for (const block of blocks) {
      if (block.type === 'minute-heading' || block.type === 'closing' || block.type === 'signature') groups.push([]);
      groups[groups.length - 1]!.push(block);
    }
    const next = groups.filter((g) => g.length).map((g, i) => {
      const old = previous.current[i];
      return old && same(old, g) ? old : g;
    });
    previous.current = next;
    return next;
  }, [blocks]);
}

interface PreviewProps {
  doc: MinutesDocument;
  /** The body's house style: the preview is set in its font, scaled from its size. */
  fontFamily?: string;
  fontSize?: number;
  councilName?: string;
  /** The live preview is "minutes-preview"; the printed copy is named apart. */
  testId?: string;
  label?: string;
}

function MinutesPreviewView({ doc, fontFamily, fontSize, councilName, testId = 'minutes-preview', label = 'Minutes preview' }: PreviewProps) {
  const groups = useGroups(doc.blocks);
  const style = { fontFamily: fontFamily ? `"${fontFamily}", Arial, sans-serif` : undefined, fontSize: fontSize ? `${fontSize / 12}em` : undefined };
  return (
    <article className="minutes-preview" aria-label={label} data-testid={testId} style={style}>
      {doc.draft ? <p className="minutes-draft">DRAFT</p> : null}
      {councilName ? <p className="minutes-council">{councilName}</p> : null}
      {groups.map((group, i) => (
        <BlockGroup key={i} blocks={group} />
      ))}
    </article>
  );
}

/**
 * The minutes as they will be printed, drawn from the shared document model
 * (the Word writer draws the same blocks). Memoised: it re-renders only when
 * a new document is built.
 */
export const MinutesPreview = memo(MinutesPreviewView);
