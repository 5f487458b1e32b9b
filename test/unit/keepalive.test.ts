/**
 * The renderer's HTTP client (renderer/src/api/client.ts) uses fetch keepalive only for calls made
 * as the page is hidden or closed, and only under Chromium's 64 KB keepalive limit (with a margin):
 * every other call, an agenda import of any size included, goes without it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setPageClosing, usesKeepalive } from '../../renderer/src/api/client';
import { MAX_KEEPALIVE_BODY_BYTES } from '../../shared/limits';

afterEach(() => setPageClosing(false));

const body = (input: unknown) => JSON.stringify(input);

describe('keepalive', () => {
  it('is never used while the page is open, whatever the size', () => {
    expect(usesKeepalive(body({ entryId: 1, patch: { text: 'Members' } }))).toBe(false);
    expect(usesKeepalive(body({ meetingId: 1, source: { kind: 'text', text: 'x'.repeat(100_000) } }))).toBe(false);
  });

  it('is used for a small save as the page closes', () => {
    setPageClosing(true);
    expect(usesKeepalive(body({ entryId: 1, patch: { text: 'Members welcomed the report' } }))).toBe(true);
  });

  it('is not used as the page closes for a body over the margin, counted in UTF-8 bytes', () => {
    setPageClosing(true);
    const ascii = 'x'.repeat(MAX_KEEPALIVE_BODY_BYTES);
    expect(usesKeepalive(ascii)).toBe(true);
    expect(usesKeepalive(`${ascii}x`)).toBe(false);
    // 20,000 characters of three bytes each: a long entry in Welsh or with symbols is over 60,000 bytes.
    expect(usesKeepalive(body({ entryId: 1, patch: { text: '€'.repeat(20_000) } }))).toBe(false);
    expect(usesKeepalive('€'.repeat(MAX_KEEPALIVE_BODY_BYTES / 3))).toBe(true);
  });
});
