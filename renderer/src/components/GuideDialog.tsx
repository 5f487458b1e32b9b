import * as Dialog from '@radix-ui/react-dialog';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import guideText from '../../../docs/guide.md?raw';
import { parseGuide, pictureSize, plainText, type Block, type Inline } from './guide-markdown';

/**
 * The guide's pictures, bundled at build time with the guide itself, so F1
 * works offline; a picture not found shows its description instead.
 */
const PICTURES: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob<string>('../../../docs/images/*.png', { eager: true, query: '?url', import: 'default' })).map(([path, url]) => [
    `images/${path.split('/').pop()}`,
    url,
  ]),
);

function inline(parts: Inline[]): ReactNode[] {
  return parts.map((part, i) => {
    switch (part.kind) {
      case 'text':
        return part.text;
      case 'strong':
        return <strong key={i}>{inline(part.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(part.children)}</em>;
      case 'code':
        return <code key={i}>{part.text}</code>;
      case 'link':
        // Its words only: the guide's links point at files of the repository, not at anything the app can open.
        return <span key={i}>{inline(part.children)}</span>;
    }
  });
}

function block(b: Block, i: number): ReactNode {
  switch (b.kind) {
    case 'heading': {
      // The dialog's title is the guide's own title; its sections sit under it.
      const Tag = b.level === 2 ? 'h3' : 'h4';
      return (
        <Tag key={i} id={`guide-${b.id}`} tabIndex={-1}>
          {inline(b.children)}
        </Tag>
      );
    }
    case 'paragraph':
      return <p key={i}>{inline(b.children)}</p>;
    case 'list': {
      const Tag = b.ordered ? 'ol' : 'ul';
      return (
        <Tag key={i}>
          {b.items.map((item, j) => (
            <li key={j}>{inline(item)}</li>
          ))}
        </Tag>
      );
    }
    case 'table':
      return (
        <table key={i} className="guide-table">
          <thead>
            <tr>
              {b.head.map((cell, j) => (
                <th key={j} scope="col">
                  {inline(cell)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.rows.map((row, j) => (
              <tr key={j}>
                {row.map((cell, k) => (
                  <td key={k}>{inline(cell)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'image': {
      const src = PICTURES[b.src];
      return (
        <figure key={i} className="guide-figure">
          {src ? <img src={src} alt="" {...pictureSize(b.src)} /> : null}
          <figcaption>{src ? b.alt : `(Picture: ${b.alt})`}</figcaption>
        </figure>
      );
    }
  }
}

/**
 * F1: the clerk's guide (docs/guide.md), in the app and offline. Focus goes
 * to the text (↑ ↓ Page Up Page Down read on), the contents jump to a
 * section, Escape closes it and focus goes back where it was.
 */
export function GuideDialog({
  open,
  onOpenChange,
  onCloseAutoFocus,
  onShortcuts,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus: (event: Event) => void;
  onShortcuts: () => void;
}) {
  // Read when first opened (and kept): every start drew this closed dialog and parsed the whole guide for it.
  const [wasOpened, setWasOpened] = useState(open);
  if (open && !wasOpened) setWasOpened(true);
  const blocks = useMemo(() => (wasOpened ? parseGuide(guideText) : []), [wasOpened]);
  const text = useRef<HTMLDivElement>(null);
  const title = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  const body = blocks.filter((b) => b !== title);
  const sections = body.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <button type="button" className="quiet-button" aria-keyshortcuts="F1">
          Guide
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog dialog-long dialog-guide"
          onCloseAutoFocus={onCloseAutoFocus}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            text.current?.focus();
          }}
        >
          <Dialog.Title className="dialog-title">{title && title.kind === 'heading' ? plainText(title.children) : 'The clerk’s guide'}</Dialog.Title>
          <Dialog.Description className="dialog-description">
            How to set up a body, minute a meeting and see the minutes approved. ↑ ↓ Page Up Page Down read on; Escape closes it.
          </Dialog.Description>
          <nav className="guide-contents" aria-label="Guide contents">
            {sections.map((s) => (
              <button
                key={s.id}
                type="button"
                className="link-button"
                onClick={() => {
                  const heading = document.getElementById(`guide-${s.id}`);
                  heading?.scrollIntoView({ block: 'start' });
                  heading?.focus();
                }}
              >
                {plainText(s.children)}
              </button>
            ))}
          </nav>
          <div className="dialog-body guide-text" ref={text} tabIndex={0} role="region" aria-label="Guide text" data-testid="guide-text">
            {body.map(block)}
          </div>
          <div className="dialog-actions">
            <button type="button" className="quiet-button" aria-keyshortcuts="Control+/" onClick={onShortcuts}>
              Keyboard shortcuts
            </button>
            <Dialog.Close asChild>
              <button type="button" className="button-primary">
                Close
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
