interface Props {
  label: string;
  index: number;
  count: number;
  onMove: (toPosition: number) => void;
}

/** Up/down buttons; Alt+↑ / Alt+↓ anywhere in the row does the same. */
export function MoveButtons({ label, index, count, onMove }: Props) {
  return (
    <span className="move-buttons">
      <button type="button" className="icon-button" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => onMove(index - 1)}>
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move ${label} down`}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        ↓
      </button>
    </span>
  );
}

/** Handles Alt+↑ / Alt+↓ on a row; keeps focus where the clerk was typing. */
export function rowMoveKeys(index: number, count: number, onMove: (toPosition: number) => Promise<void> | void) {
  return (event: React.KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const to = event.key === 'ArrowUp' ? index - 1 : index + 1;
    event.preventDefault();
    if (to < 0 || to >= count) return;
    const focused = document.activeElement as HTMLElement | null;
    void Promise.resolve(onMove(to)).then(() => requestAnimationFrame(() => focused?.isConnected && focused.focus()));
  };
}
