/**
 * When autosaves go (renderer/src/state/save-queue.ts), on a fake clock:
 * after a pause, or at most maxWaitMs after a change however steadily the
 * clerk types; one save per field on its way at a time, newest words last.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveQueue } from '../../renderer/src/state/save-queue';

const PAUSE = 400;
const MAX_WAIT = 600;

/** A save that answers when told to. */
function deferred() {
  let answer!: () => void;
  const promise = new Promise<void>((resolve) => (answer = resolve));
  return { promise, answer };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function queue(events: string[] = []) {
  return new SaveQueue({
    pauseMs: PAUSE,
    maxWaitMs: MAX_WAIT,
    now: () => Date.now(),
    onQueued: (key) => events.push(`queued ${key}`),
    onStarted: (key) => events.push(`started ${key}`),
    onFinished: (key) => events.push(`finished ${key}`),
  });
}

describe('autosave queue', () => {
  it('saves after a pause in typing', async () => {
    const q = queue();
    const sent: string[] = [];
    q.schedule('entry:1', async () => void sent.push('Members'));
    await vi.advanceTimersByTimeAsync(PAUSE - 1);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['Members']);
    expect(q.size).toBe(0);
  });

  it('saves during continuous typing (a key every 150 ms), each change at most MAX_WAIT after it was typed', async () => {
    const q = queue();
    const sent: { text: string; at: number }[] = [];
    const typedAt = new Map<string, number>();
    const start = Date.now();
    let text = '';
    for (let i = 0; i < 66; i++) {
      // ~10 s of typing; the pause never comes.
      text += 'abcdefghij'[i % 10];
      const mine = text;
      typedAt.set(mine, Date.now());
      q.schedule('entry:1', async () => void sent.push({ text: mine, at: Date.now() }));
      await vi.advanceTimersByTimeAsync(150);
    }
    const typingEnded = Date.now();
    await vi.advanceTimersByTimeAsync(PAUSE);
    // Saved while typing, not only once it stopped.
    expect(sent.filter((s) => s.at < typingEnded).length).toBeGreaterThanOrEqual(10);
    expect(sent[0]!.at - start).toBeLessThanOrEqual(MAX_WAIT);
    // Every change typed was stored (or overtaken by a newer one) within MAX_WAIT of being typed.
    for (const [typed, at] of typedAt) {
      const covering = sent.find((s) => s.text.startsWith(typed));
      expect(covering, typed).toBeDefined();
      expect(covering!.at - at, typed).toBeLessThanOrEqual(MAX_WAIT);
    }
    expect(sent.at(-1)!.text).toBe(text);
  });

  it('sends one save per key at a time: a change made while one is on its way goes after its answer, with the newest words', async () => {
    const events: string[] = [];
    const q = queue(events);
    const sent: string[] = [];
    const first = deferred();
    q.schedule('entry:1', async () => {
      sent.push('Members');
      await first.promise;
    });
    await vi.advanceTimersByTimeAsync(PAUSE);
    expect(sent).toEqual(['Members']);
    q.schedule('entry:1', async () => void sent.push('Members welcomed'));
    q.schedule('entry:1', async () => void sent.push('Members welcomed the'));
    await vi.advanceTimersByTimeAsync(MAX_WAIT * 3);
    // Still waiting for the first answer: nothing newer has overtaken it.
    expect(sent).toEqual(['Members']);
    expect(q.isPending('entry:1')).toBe(true);
    first.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['Members', 'Members welcomed the']);
    expect(q.isPending('entry:1')).toBe(false);
    expect(events).toEqual(['queued entry:1', 'started entry:1', 'queued entry:1', 'finished entry:1', 'started entry:1', 'finished entry:1']);
  });

  it('flush sends at once and resolves once the newest words are stored', async () => {
    const q = queue();
    const stored: string[] = [];
    const slow = deferred();
    q.schedule('entry:1', async () => {
      await slow.promise;
      stored.push('one');
    });
    await vi.advanceTimersByTimeAsync(PAUSE);
    q.schedule('entry:1', async () => void stored.push('one two'));
    let done = false;
    const flushed = q.flushAll().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    slow.answer();
    await flushed;
    expect(stored).toEqual(['one', 'one two']);
  });

  it('when the page closes, every waiting change starts at once, in the same call', () => {
    const q = queue();
    const started: string[] = [];
    q.schedule('entry:1', () => new Promise<void>(() => started.push('entry:1')));
    q.schedule('entry:2', () => new Promise<void>(() => started.push('entry:2')));
    q.sendAllNow();
    expect(started).toEqual(['entry:1', 'entry:2']);
  });

  it('when the page is only hidden, a field with a save on its way still waits for its answer; when it closes, it goes too', async () => {
    const q = queue();
    const sent: string[] = [];
    const first = deferred();
    q.schedule('entry:1', async () => {
      sent.push('one');
      await first.promise;
    });
    await vi.advanceTimersByTimeAsync(PAUSE);
    q.schedule('entry:1', async () => void sent.push('one two'));
    q.sendAllNow();
    expect(sent).toEqual(['one']);
    q.sendAllNow(true);
    expect(sent).toEqual(['one', 'one two']);
    first.answer();
    await q.flushAll();
    expect(sent).toEqual(['one', 'one two']);
  });
});
