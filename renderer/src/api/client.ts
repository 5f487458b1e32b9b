/**
 * The renderer's one way to the data: window.clerk inside Electron, or the
 * browser host's HTTP API (same contract, same results).
 */
import type { CallInput, CallName, CallOutput, ClerkBridge } from '../../../shared/contract';
import { fail, type Result } from '../../../shared/result';

declare global {
  interface Window {
    clerk?: ClerkBridge;
  }
}

const TOKEN_KEY = 'meeting-clerk-token';

/** Takes the token from ?token= once, keeps it for this tab, and tidies the URL. */
export function readHostToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpBridge(token: string): ClerkBridge {
  return {
    async call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
      let response: Response;
      try {
        response = await fetch(`./api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-clerk-token': token },
          body: JSON.stringify(input ?? {}),
          // Lets a save started as the page closes still reach the host.
          keepalive: true,
        });
      } catch {
        return fail('internal', 'Meeting Clerk’s local service is not running. Start it again with `npm run serve`.');
      }
      try {
        return (await response.json()) as Result<CallOutput<K>>;
      } catch {
        return fail('internal', `Unexpected answer from the local service (HTTP ${response.status})`);
      }
    },
  };
}

export type Transport = { kind: 'electron' | 'browser-host'; bridge: ClerkBridge } | { kind: 'no-token' };

export function connect(): Transport {
  if (window.clerk) return { kind: 'electron', bridge: window.clerk };
  const token = readHostToken();
  return token ? { kind: 'browser-host', bridge: httpBridge(token) } : { kind: 'no-token' };
}
