/** A running browser host over a temporary store, and raw HTTP for what fetch will not send. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../electron/host/server';
import type { Services } from '../../electron/services';
import type { TempDirs } from './temp';

export const INDEX_HTML = '<!doctype html><html><head><title>Meeting Clerk test page</title></head><body><div id="root"></div></body></html>';

/** A folder standing in for the built renderer. */
export function makeStaticDir(temp: TempDirs): { root: string; staticDir: string } {
  const root = temp.makeDir('meeting-clerk-host-');
  const staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  return { root, staticDir };
}

/** Starts a host on a free port; it is closed after the test. */
export async function startTrackedHost(temp: TempDirs, services: Services, staticDir: string): Promise<RunningHost> {
  const host = await startHost({ services, staticDir, port: 0 });
  temp.onCleanup(() => host.close());
  return host;
}

/** POST /api/<name> the way the renderer does it. */
export async function postApi(
  host: RunningHost,
  name: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request through node:http, which (unlike fetch) lets us set Host and
 * send a path exactly as written, with no normalisation.
 */
export function rawRequest(options: {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  /** false: send no Host header at all. */
  setHost?: boolean;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        setHost: options.setHost ?? true,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
