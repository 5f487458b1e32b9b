/**
 * One zustand store in slices: navigation, the records on screen, and the
 * save state. Components select narrowly from it.
 */
import { create, type StateCreator } from 'zustand';
import type { CallInput, CallName, CallOutput, ClerkBridge } from '../../../shared/contract';
import type { BodyDetail, BodySummary, MeetingRecord, MeetingSummary } from '../../../shared/model';
import { fail, type Result } from '../../../shared/result';
import { parseRoute, routeHash, type Route } from './route';
import { flushAllSaves, listenToSaves } from './save-status';

interface NavSlice {
  route: Route;
  navigate(route: Route): void;
  syncRouteFromHash(): void;
}

interface SaveSlice {
  /** Fields with a change waiting to be sent. */
  queuedKeys: string[];
  /** Autosaves on their way (started, not yet answered). */
  saving: number;
  /** Writes on their way to the host. */
  inFlight: number;
  lastError: string | null;
  savedAt: Date | null;
  saveQueued(key: string): void;
  saveStarted(key: string): void;
  saveFinished(key: string): void;
}

interface DataSlice {
  bridge: ClerkBridge | null;
  bodies: BodySummary[];
  body: BodyDetail | null;
  meetings: MeetingSummary[];
  meeting: MeetingRecord | null;
  loadError: string | null;
  connect(bridge: ClerkBridge): void;
  /** A read: failures land in loadError. */
  read<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>>;
  /** A write: tracked by the save indicator. */
  write<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>>;
  /**
   * A form's submission (a new body, meeting, item, member): a refused value is shown by the form, beside its
   * field, and is not a failed save in the top bar (nothing typed is lost). Other failures show there as usual.
   */
  submit<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>>;
  refreshBodies(): Promise<void>;
  loadBody(bodyId: number): Promise<void>;
  loadMeeting(meetingId: number): Promise<void>;
  setBody(body: BodyDetail): void;
  setMeeting(meeting: MeetingRecord): void;
  /** Applies a change to the record on screen at once (typing), before the store has it. */
  patchMeeting(change: (meeting: MeetingRecord) => MeetingRecord): void;
  /** A live-meeting write whose answer is the whole record. */
  live<K extends LiveCall>(name: K, input: CallInput<K>): Promise<Result<MeetingRecord>>;
}

export type AppState = NavSlice & SaveSlice & DataSlice;

type LiveCall = {
  [K in CallName]: CallOutput<K> extends MeetingRecord ? K : never;
}[CallName];

const navSlice: StateCreator<AppState, [], [], NavSlice> = (set) => ({
  route: parseRoute(window.location.hash),
  navigate: (route) => {
    const hash = routeHash(route);
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    set({ route });
  },
  syncRouteFromHash: () => set({ route: parseRoute(window.location.hash) }),
});

const saveSlice: StateCreator<AppState, [], [], SaveSlice> = (set) => ({
  queuedKeys: [],
  saving: 0,
  inFlight: 0,
  lastError: null,
  savedAt: null,
  saveQueued: (key) => set((s) => ({ queuedKeys: s.queuedKeys.includes(key) ? s.queuedKeys : [...s.queuedKeys, key] })),
  saveStarted: (key) => set((s) => ({ queuedKeys: s.queuedKeys.filter((k) => k !== key), saving: s.saving + 1 })),
  saveFinished: () => set((s) => ({ saving: Math.max(0, s.saving - 1) })),
});

const dataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => ({
  bridge: null,
  bodies: [],
  body: null,
  meetings: [],
  meeting: null,
  loadError: null,
  connect: (bridge) => set({ bridge }),

  read: async (name, input) => {
    const bridge = get().bridge;
    const result = bridge ? await bridge.call(name, input) : fail('internal', 'Not connected');
    if (!result.ok) set({ loadError: result.error.message });
    return result;
  },

  write: async (name, input) => {
    const bridge = get().bridge;
    set((s) => ({ inFlight: s.inFlight + 1 }));
    const result = bridge ? await bridge.call(name, input) : fail('internal', 'Not connected');
    // Another window changed what this save was based on: read the record again, so the screen shows the newer
    // words; the fields keep the clerk's own, unsaved, to save again.
    if (!result.ok && result.error.code === 'conflict' && input && typeof input === 'object' && ('was' in input || 'baseVersion' in input)) {
      const { meeting, body } = get();
      if (meeting) void get().loadMeeting(meeting.id);
      if (body) void get().loadBody(body.id);
    }
    set((s) => ({
      inFlight: s.inFlight - 1,
      lastError: result.ok ? null : result.error.message,
      savedAt: result.ok ? new Date() : s.savedAt,
    }));
    return result;
  },

  submit: async (name, input) => {
    const before = get().lastError;
    const result = await get().write(name, input);
    // A refused value or a refused step (approval while the checks find errors) is said by the form itself.
    if (!result.ok && (result.error.code === 'invalid_input' || result.error.code === 'conflict')) set({ lastError: before });
    return result;
  },

  refreshBodies: async () => {
    const result = await get().read('bodies.list', {});
    if (result.ok) set({ bodies: result.value });
  },

  loadBody: async (bodyId) => {
    const [body, meetings] = await Promise.all([get().read('bodies.get', { bodyId }), get().read('meetings.list', { bodyId })]);
    if (body.ok && meetings.ok) set({ body: body.value, meetings: meetings.value, loadError: null });
  },

  loadMeeting: async (meetingId) => {
    const meeting = await get().read('meetings.get', { meetingId });
    if (meeting.ok) set({ meeting: meeting.value, loadError: null });
  },

  setBody: (body) => set({ body }),
  setMeeting: (meeting) => set({ meeting }),
  patchMeeting: (change) => {
    const meeting = get().meeting;
    if (meeting) set({ meeting: change(meeting) });
  },
  live: async (name, input) => {
    // Words still waiting to save go first, so the record that comes back already has them.
    await flushAllSaves();
    const result = (await get().write(name, input)) as Result<MeetingRecord>;
    if (result.ok) set({ meeting: result.value });
    return result;
  },
});

export const useApp = create<AppState>()((...a) => ({
  ...navSlice(...a),
  ...saveSlice(...a),
  ...dataSlice(...a),
}));

// The save bookkeeping tells the save slice as saves queue, start and finish.
listenToSaves({
  saveQueued: (key) => useApp.getState().saveQueued(key),
  saveStarted: (key) => useApp.getState().saveStarted(key),
  saveFinished: (key) => useApp.getState().saveFinished(key),
});
