import { memo } from 'react';
import { letterFor, type Block, type MinutesDocument } from '../../../shared/minutes/document';

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'opening':
      return <p className="m-opening">{block.text}</p>;
    case 'section-heading':
      return <h4 className="m-section">{block.text}</h4>;
    case 'chair':
      return <p className="m-chair">{block.text}</p>;
    case 'name-list':
      return (
        <table className="m-names">
          <tbody>
            {block.rows.map((r, i) => (
              <tr key={i}>
                <td>{r.name}</td>
                <td>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'minute-heading':
      return (
        <h3 className="m-heading">
          {block.number}. {block.text}
        </h3>
      );
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'lettered':
      return (
        <ol className="m-lettered">
          {block.items.map((t, i) => (
            <li key={i}>
              <span className="m-letter">({letterFor(i, block.style)})</span> {t}
            </li>
          ))}
        </ol>
      );
    case 'decision':
      return (
        <div className="m-decision">
          <p className="m-label">{block.label}:</p>
          {block.resolutions.length === 1 ? (
            <p>{block.resolutions[0]}</p>
          ) : (
            <ol className="m-lettered">
              {block.resolutions.map((t, i) => (
                <li key={i}>
                  <span className="m-letter">({letterFor(i, 'alpha')})</span> {t}
                </li>
              ))}
            </ol>
          )}
        </div>
      );
    case 'closing':
      return <p className="m-closing">{block.text}</p>;
    case 'signature':
      return (
        <div className="m-signature">
          <p>{block.chairTitle}</p>
          <p>Date</p>
        </div>
      );
  }
}

/** The minutes as they will be printed, drawn from the shared document model. */
export const MinutesPreview = memo(function MinutesPreview({ doc }: { doc: MinutesDocument }) {
  return (
    <article className="minutes-preview" aria-label="Minutes preview" data-testid="minutes-preview">
      {doc.draft ? <p className="m-draft">DRAFT</p> : null}
      {doc.blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </article>
  );
});
