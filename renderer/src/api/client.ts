/**
 * The renderer's one way to the data: window.clerk inside Electron, or the
 * browser host's HTTP API (same contract, same results).
 */
import type { CallInput, CallName, CallOutput, ClerkBridge } from '../../../shared/contract';
import { describeSize, MAX_KEEPALIVE_BODY_BYTES, MAX_REQUEST_BODY_BYTES } from '../../../shared/limits';
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

let pageClosing = false;

/** Set while the page is being hidden or closed: small calls then go with keepalive, to outlive the page. */
export function setPageClosing(closing: boolean): void {
  pageClosing = closing;
}

const encoder = new TextEncoder();

/** Bytes of the body as UTF-8, counted only as far as `limit` needs (a UTF-16 unit is at most 3 bytes). */
function bodyBytes(body: string, limit: number): number {
  return body.length * 3 <= limit ? body.length * 3 : encoder.encode(body).length;
}

/** Only a call made as the page is hidden or closed, with a body Chromium allows keepalive for. */
export function usesKeepalive(body: string): boolean {
  return pageClosing && bodyBytes(body, MAX_KEEPALIVE_BODY_BYTES) <= MAX_KEEPALIVE_BODY_BYTES;
}

function httpBridge(token: string): ClerkBridge {
  return {
    async call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
      const body = JSON.stringify(input ?? {});
      if (bodyBytes(body, MAX_REQUEST_BODY_BYTES) > MAX_REQUEST_BODY_BYTES) {
        return fail('invalid_input', `This is too large to send: at most ${describeSize(MAX_REQUEST_BODY_BYTES)} can go in one go.`);
      }
      let response: Response;
      try {
        response = await fetch(`./api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-clerk-token': token },
          body,
          // A save started as the page closes must still reach the host, but Chromium refuses
          // keepalive for bodies of 64 KB or more ("Failed to fetch"): only small page-close calls use it.
          keepalive: usesKeepalive(body),
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
