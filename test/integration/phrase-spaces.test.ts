/** The phrase bank keeps a phrase exactly as typed, spaces included (issue 16), and refuses a blank one. */
import { describe, expect, it } from 'vitest';
import { call, callError } from '../helpers/api';
import { createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

describe('the phrase bank', () => {
  it('keeps trailing and leading spaces, and refuses a phrase of spaces alone', () => {
    const { services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
    const phrases = call(services, 'phrases.create', { bodyId: body.id, label: 'That the', text: 'That the ' });
    expect(phrases.find((p) => p.label === 'That the')?.text).toBe('That the ');
    expect(callError(services, 'phrases.create', { bodyId: body.id, label: 'blank', text: '   ' }).message).toMatch(/Phrase text is required/);
    expect(call(services, 'phrases.list', { bodyId: body.id }).some((p) => p.label === 'blank')).toBe(false);
  });
});
