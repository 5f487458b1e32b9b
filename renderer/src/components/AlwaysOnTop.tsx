import { useEffect, useState } from 'react';
import { useApp } from '../state/store';

/** In the desktop app: keep Meeting Clerk above the Teams window. Not offered in a browser, which cannot. */
export function AlwaysOnTop() {
  const read = useApp((s) => s.read);
  const write = useApp((s) => s.write);
  const [desktop, setDesktop] = useState(false);
  const [on, setOn] = useState(false);
  useEffect(() => {
    void read('app.info', {}).then((r) => r.ok && setDesktop(r.value.transport === 'electron'));
  }, [read]);
  if (!desktop) return null;
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => void write('app.setAlwaysOnTop', { on: !on }).then((r) => r.ok && setOn(r.value.on))}
    >
      {on ? 'Always on top: on' : 'Keep on top of Teams'}
    </button>
  );
}
