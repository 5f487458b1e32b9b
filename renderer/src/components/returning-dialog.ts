import { useCallback, useMemo, useRef, useState } from 'react';

/**
 * A dialog opened by a key from anywhere (F1, Ctrl+/) gives focus back to
 * where the clerk was when it closes, not to its button in the top bar: the
 * word being typed, the member in the list.
 */
export function useReturningDialog() {
  const [open, setOpenState] = useState(false);
  const isOpen = useRef(false);
  const from = useRef<Element | null>(null);
  /** Opens or closes it; `returnTo` hands on where focus goes back (from a dialog that leads to this one). */
  const setOpen = useCallback((next: boolean, returnTo?: Element | null) => {
    if (next && !isOpen.current) from.current = returnTo ?? document.activeElement;
    isOpen.current = next;
    setOpenState(next);
  }, []);
  const onCloseAutoFocus = useCallback((event: Event) => {
    const target = from.current;
    from.current = null;
    if (target instanceof HTMLElement && target.isConnected && target !== document.body) {
      event.preventDefault();
      target.focus();
    }
  }, []);
  return useMemo(() => ({ open, setOpen, onCloseAutoFocus, from }), [open, setOpen, onCloseAutoFocus]);
}
