/**
 * Binds the whole contract to one IPC handler. Only the app's own top-level
 * page may call it; the service layer validates every input.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../shared/bridge';
import { fail } from '../shared/result';
import type { Services } from './services';

export function registerIpc(services: Services, isTrustedFrameUrl: (url: string) => boolean): void {
  ipcMain.handle(IPC_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedFrameUrl(frame.url)) {
      return fail('unauthorised', 'This page may not call the Meeting Clerk API');
    }
    return services.call(name, input);
  });
}
