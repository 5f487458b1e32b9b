/** The typing figure's probe, shared by the bench (run.ts) and the trace tool (trace-typing.ts). */
/**
 * In the page: for each keydown, the time from the event to the first frame
 * painted after it (a requestAnimationFrame, then a message posted from it:
 * that runs once the frame is done), and the time to the first frame painted
 * in which the minutes preview shows the words typed so far. A key that
 * leaves the printed minutes as they were (a space at the end of a
 * paragraph, which the minutes trim) is timed to its first frame, since the
 * preview already shows what it should.
 */
export const INSTRUMENT = `(() => {
  const paint = [];
  const preview = [];
  let waiting = [];
  let checking = false;
  let missed = 0;
  const afterNextPaint = (fn) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = fn;
      channel.port2.postMessage(null);
    });
  const target = document.querySelector('[data-testid="minutes-preview"]');
  if (!target) throw new Error('no minutes preview on the page');
  // Where the preview changed since the last check: looking there first keeps the bench's own work per key small
  // (reading the whole preview's text at every key costs ~2 ms and its garbage, charged to later keys' frames).
  const changed = new Set();
  new MutationObserver((records) => {
    for (const r of records) changed.add(r.target.nodeType === Node.TEXT_NODE ? r.target.parentElement : r.target);
  }).observe(target, { subtree: true, childList: true, characterData: true });
  let shown = null;
  const shows = (want) => {
    if (want === shown) return true; // already on screen (a trailing space, which the minutes trim)
    let found = false;
    for (const el of changed) if (el && el.isConnected && el.textContent.includes(want)) found = true;
    if (!found) found = target.textContent.includes(want); // the whole preview, before saying no
    if (found) {
      shown = want;
      changed.clear();
    }
    return found;
  };
  const check = () => {
    const now = performance.now(); // the frame is done: the check below is the bench's own cost, not the app's
    const field = document.activeElement;
    const want = field && 'value' in field ? String(field.value).trim() : '';
    if (!want || shows(want)) {
      for (const t0 of waiting) preview.push(now - t0);
      waiting = [];
      checking = false;
    } else if (performance.now() - waiting[0] > 2000) {
      missed += waiting.length;
      waiting = [];
      checking = false;
    } else afterNextPaint(check);
  };
  document.addEventListener('keydown', (event) => {
    const t0 = Math.min(event.timeStamp, performance.now());
    waiting.push(t0);
    afterNextPaint(() => paint.push(performance.now() - t0));
    if (!checking) {
      checking = true;
      afterNextPaint(check);
    }
  }, true);
  window.__bench = {
    take: () => {
      const out = { paint: paint.splice(0), preview: preview.splice(0), missed: missed + waiting.length };
      missed = 0;
      waiting = [];
      return out;
    },
  };
})()`;
/** In the page: the times taken since the last call, and how many keys' words never reached the preview. */
export const TAKE = `window.__bench.take()`;
