/** The IPC channel the single Electron handler listens on. */
export const IPC_CHANNEL = 'clerk:call';
