/** The one list of shortcuts: every key has its place and palette name, and the palette presses them right. */
import { describe, expect, it } from 'vitest';
import { commandsOf, keyEventOf, PLACE_WORDS, SHORTCUTS } from '../../renderer/src/shortcuts';
import { fieldError } from '../../renderer/src/components/form-errors';
import { parseRoute, routeHash } from '../../renderer/src/state/route';

describe('shortcuts', () => {
  it('gives each shortcut keys to press (only the general keys of forms have none) and a name for each key', () => {
    for (const s of SHORTCUTS) {
      if (s.place === 'form') expect(s.press).toEqual([]);
      else expect(s.press.length, s.keys).toBeGreaterThan(0);
      if (s.names) expect(s.names.length, s.keys).toBe(s.press.length);
      expect(PLACE_WORDS[s.place]).toBeDefined();
    }
    const commands = commandsOf();
    expect(commands).toHaveLength(SHORTCUTS.flatMap((s) => s.press).length);
    expect(commands.find((c) => c.press === 'Alt+PageDown')).toMatchObject({ name: 'Take up the next agenda item', keys: 'Alt+PageDown' });
    expect(commands.find((c) => c.press === 'Control+Shift+F')?.keys).toBe('Ctrl+Shift+F');
  });

  it('turns a key as pressed into the keydown the handlers read', () => {
    expect(keyEventOf('Alt+PageDown')).toMatchObject({ key: 'PageDown', altKey: true, ctrlKey: false, shiftKey: false });
    expect(keyEventOf('Control+Shift+F')).toMatchObject({ key: 'F', code: 'KeyF', ctrlKey: true, shiftKey: true, altKey: false });
    expect(keyEventOf('Alt+1')).toMatchObject({ key: '1', code: 'Digit1', altKey: true });
    expect(keyEventOf('Control+Space')).toMatchObject({ key: ' ', code: 'Space', ctrlKey: true });
    expect(keyEventOf('Control+/')).toMatchObject({ key: '/', ctrlKey: true });
    expect(keyEventOf('J')).toMatchObject({ key: 'j', code: 'KeyJ', altKey: false });
    expect(keyEventOf('F1')).toMatchObject({ key: 'F1' });
  });
});

describe('forms and routes', () => {
  it('puts a refusal beside the field it names, in the service’s own sentence', () => {
    expect(fieldError('venue: Venue is required')).toEqual({ field: 'venue', text: 'Venue is required' });
    expect(fieldError('patch.text: Text must be at most 20,000 characters')).toEqual({ field: 'patch', text: 'Text must be at most 20,000 characters' });
    expect(fieldError('The minutes cannot be approved')).toEqual({ field: null, text: 'The minutes cannot be approved' });
  });

  it('addresses a body’s action log by the URL hash', () => {
    expect(parseRoute('#/bodies/7/actions')).toEqual({ name: 'actions', bodyId: 7 });
    expect(routeHash({ name: 'actions', bodyId: 7 })).toBe('#/bodies/7/actions');
    expect(parseRoute('#/bodies/7')).toEqual({ name: 'body', bodyId: 7 });
  });
});
