/**
 * Runs in the sandboxed preload. Exposes exactly the API contract as
 * window.clerk.call(name, input) and nothing else: no ipcRenderer, no Node.
 * The main process validates the call name and input.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from '../shared/bridge';
import type { ClerkBridge } from '../shared/contract';

const bridge: ClerkBridge = {
  call: (name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input),
};

contextBridge.exposeInMainWorld('clerk', Object.freeze(bridge));
