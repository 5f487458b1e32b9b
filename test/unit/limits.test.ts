/**
 * shared/limits.ts: every size limit in one place, and the schemas follow it
 * to the byte, so the request body limit worked out from it covers every
 * call the schemas accept.
 */
import { describe, expect, it } from 'vitest';
import {
  base64Length,
  JSON_OVERHEAD_BYTES,
  LARGEST_PAYLOADS,
  MAX_IMPORT_FILE_BASE64,
  MAX_IMPORT_FILE_BYTES,
  MAX_ITEMS,
  MAX_KEEPALIVE_BODY_BYTES,
  MAX_LOGO_BYTES,
  MAX_REQUEST_BODY_BYTES,
  TEXT_CHARS,
} from '../../shared/limits';
import { entryUpdate, importApplyAgenda, importReadAgenda, importReadTeams } from '../../shared/schemas';
import { logoSchema } from '../../shared/minutes/house-style';
import { MAX_IMPORT_BYTES } from '../../shared/import/decode';
import { MAX_DOCX_BYTES } from '../../electron/import/agenda-docx';

const base64Of = (bytes: number) => Buffer.alloc(bytes, 0x41).toString('base64');
const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const meetingId = Number.MAX_SAFE_INTEGER;

describe('shared/limits.ts', () => {
  it('is where the import readers take their limits from', () => {
    expect(MAX_DOCX_BYTES).toBe(MAX_IMPORT_FILE_BYTES);
    expect(MAX_IMPORT_BYTES).toBeLessThanOrEqual(MAX_IMPORT_FILE_BYTES);
    expect(MAX_IMPORT_FILE_BASE64).toBe(base64Of(MAX_IMPORT_FILE_BYTES).length);
  });

  it('the schemas accept a file of exactly the largest size and refuse the next size base64 can tell apart', () => {
    // base64 counts in threes: one or two bytes over are caught by the readers once decoded.
    const docx = (bytes: number) => importReadAgenda.safeParse({ meetingId: 1, source: { kind: 'docx', base64: base64Of(bytes) } });
    expect(docx(MAX_IMPORT_FILE_BYTES).success).toBe(true);
    const over = docx(MAX_IMPORT_FILE_BYTES + 3);
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe('The file is too large to import (the limit is 20 MB)');
    expect(importReadTeams.safeParse({ meetingId: 1, base64: base64Of(MAX_IMPORT_FILE_BYTES) }).success).toBe(true);

    const png = (bytes: number) => {
      const data = Buffer.alloc(bytes);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(data);
      return logoSchema.safeParse({ mime: 'image/png', data: data.toString('base64') });
    };
    expect(png(MAX_LOGO_BYTES).success).toBe(true);
    expect(png(MAX_LOGO_BYTES + 3).error?.issues[0]?.message).toBe('Logo must be at most 1 MB');
  });

  it('the text limits are the schemas’ limits', () => {
    expect(entryUpdate.safeParse({ entryId: 1, patch: { text: 'x'.repeat(TEXT_CHARS.entry) } }).success).toBe(true);
    expect(entryUpdate.safeParse({ entryId: 1, patch: { text: 'x'.repeat(TEXT_CHARS.entry + 1) } }).error?.issues[0]?.message).toBe(
      'Text must be at most 20,000 characters',
    );
    const pasted = (chars: number) => importReadAgenda.safeParse({ meetingId: 1, source: { kind: 'text', text: 'x'.repeat(chars) } });
    expect(pasted(TEXT_CHARS.pastedAgenda).success).toBe(true);
    expect(pasted(TEXT_CHARS.pastedAgenda + 1).success).toBe(false);
  });

  it('the request body limit covers the largest call of each kind the schemas accept, written as JSON', () => {
    const file = { meetingId, source: { kind: 'docx', base64: base64Of(MAX_IMPORT_FILE_BYTES) } };
    expect(importReadAgenda.safeParse(file).success).toBe(true);
    expect(jsonBytes(file)).toBeLessThanOrEqual(LARGEST_PAYLOADS.importFile + JSON_OVERHEAD_BYTES);

    // Control characters are not trimmed and each takes six bytes as JSON: the worst case.
    const worst = (chars: number) => '\u0001'.repeat(chars);
    const pasted = { meetingId, source: { kind: 'text', text: worst(TEXT_CHARS.pastedAgenda) } };
    expect(importReadAgenda.safeParse(pasted).success).toBe(true);
    expect(jsonBytes(pasted)).toBeLessThanOrEqual(LARGEST_PAYLOADS.pastedAgenda + JSON_OVERHEAD_BYTES);

    const items = Array.from({ length: MAX_ITEMS.importedAgendaItems }, () => ({
      title: worst(TEXT_CHARS.line),
      presenter: worst(TEXT_CHARS.line),
      author: worst(TEXT_CHARS.line),
      papers: worst(TEXT_CHARS.name),
      exempt: true,
      exemptParagraph: 3,
      kind: 'business',
      openingKind: 'presentation',
    }));
    const removeUnlisted = Array.from({ length: MAX_ITEMS.importedAgendaItems }, (_, i) => Number.MAX_SAFE_INTEGER - i);
    const apply = { meetingId, items, removeUnlisted };
    expect(importApplyAgenda.safeParse(apply).success).toBe(true);
    expect(jsonBytes(apply)).toBeLessThanOrEqual(LARGEST_PAYLOADS.agendaItems + JSON_OVERHEAD_BYTES);

    for (const payload of Object.values(LARGEST_PAYLOADS)) expect(payload + JSON_OVERHEAD_BYTES).toBeLessThanOrEqual(MAX_REQUEST_BODY_BYTES);
  });

  it('keeps page-close saves under Chromium’s 64 KB keepalive limit, with a margin', () => {
    expect(MAX_KEEPALIVE_BODY_BYTES).toBeLessThan(64 * 1024);
    expect(MAX_KEEPALIVE_BODY_BYTES).toBeGreaterThan(jsonBytes({ entryId: meetingId, patch: { text: 'x'.repeat(TEXT_CHARS.entry) } }));
  });
});
