/**
 * What the screen's copy of a record had for the fields a save changes:
 * sent with the save (`was`), so a field another window changed meanwhile is
 * refused rather than overwritten. Taken before the screen shows the change.
 */
export function wasOf(row: object | null | undefined, patch: object): Record<string, unknown> | undefined {
  if (!row) return undefined;
  const values = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) {
    const change = (patch as Record<string, unknown>)[key];
    if (change === undefined) continue;
    // For a record within the record (the house style), only the parts changed.
    if (change !== null && typeof change === 'object' && !Array.isArray(change) && values[key] !== null && typeof values[key] === 'object') {
      out[key] = wasOf(values[key] as object, change as object);
    } else out[key] = values[key];
  }
  return out;
}
