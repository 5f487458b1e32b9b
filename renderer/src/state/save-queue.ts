/**
 * When autosaves go, as plain logic (no DOM, no store), so it can be tested
 * with a fake clock.
 *
 * Each field queues its save under a key. A save goes after a short pause in
 * typing, or at the latest `maxWaitMs` after the first change still waiting,
 * however steadily the clerk types: continuous typing is stored as it goes,
 * not only when it stops. One save per key is on its way at a time: a change
 * made meanwhile waits for that answer and then goes with the newest words,
 * so an older save can never land after a newer one.
 */

type Timer = ReturnType<typeof setTimeout>;

export interface SaveQueueOptions {
  /** The pause in typing after which a change goes. */
  pauseMs: number;
  /** The longest a change waits while typing carries on. */
  maxWaitMs: number;
  now?: () => number;
  /** A change is waiting under the key. */
  onQueued?: (key: string) => void;
  /** The key's waiting change is on its way (its save has started). */
  onStarted?: (key: string) => void;
  /** The key's save has answered. */
  onFinished?: (key: string) => void;
}

interface Slot {
  /** The newest change not yet sent, if any. */
  run: (() => Promise<void>) | null;
  /** When the oldest change not yet sent was made. */
  since: number;
  timer: Timer | null;
  /** The save on its way, if any. */
  inFlight: Promise<void> | null;
}

export class SaveQueue {
  private readonly slots = new Map<string, Slot>();
  private readonly now: () => number;

  constructor(private readonly options: SaveQueueOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  /** Queues `run` as the key's newest change, replacing any change of the key not yet sent. */
  schedule(key: string, run: () => Promise<void>, pauseMs = this.options.pauseMs): void {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { run: null, since: 0, timer: null, inFlight: null };
      this.slots.set(key, slot);
    }
    const now = this.now();
    if (!slot.run) {
      slot.since = now;
      this.options.onQueued?.(key);
    }
    slot.run = run;
    if (slot.timer) clearTimeout(slot.timer);
    const due = Math.min(now + pauseMs, slot.since + this.options.maxWaitMs);
    slot.timer = setTimeout(() => void this.flush(key), Math.max(0, due - now));
  }

  /** Sends the key's waiting change now (after the save on its way, if any); resolves once everything for the key is stored. */
  async flush(key: string): Promise<void> {
    for (;;) {
      const slot = this.slots.get(key);
      if (!slot) return;
      if (slot.inFlight) {
        await slot.inFlight;
        continue;
      }
      if (!slot.run) return;
      await this.start(key, slot);
    }
  }

  flushAll(): Promise<void> {
    return Promise.all([...this.slots.keys()].map((key) => this.flush(key))).then(() => undefined);
  }

  /**
   * The page is being hidden or closed: every waiting change goes at once, in
   * this call, so its request starts before the page can go. A change whose
   * field has a save on its way goes as soon as that answers, unless
   * `evenIfOnItsWay` (the page is going: there will be no answer to wait
   * for; the save on its way was sent first and is stored first).
   */
  sendAllNow(evenIfOnItsWay = false): void {
    for (const [key, slot] of this.slots) {
      if (!slot.run) continue;
      if (slot.inFlight && !evenIfOnItsWay) void this.flush(key);
      else void this.start(key, slot);
    }
  }

  /** A change is waiting or on its way under the key. */
  isPending(key: string): boolean {
    return this.slots.has(key);
  }

  get size(): number {
    return this.slots.size;
  }

  private start(key: string, slot: Slot): Promise<void> {
    const run = slot.run!;
    slot.run = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    this.options.onStarted?.(key);
    let saving: Promise<void> | null = null;
    const finished = () => {
      if (slot.inFlight === saving) slot.inFlight = null;
      if (!slot.run && !slot.inFlight && this.slots.get(key) === slot) this.slots.delete(key);
      this.options.onFinished?.(key);
    };
    // run() starts here, in this call: a save sent as the page closes is on the wire before the page goes.
    saving = (async () => {
      try {
        await run();
      } finally {
        finished();
      }
    })();
    slot.inFlight = saving;
    return saving;
  }
}
