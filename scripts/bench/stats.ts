/** The bench's arithmetic and its one table: shared by run.ts and the groups kept in files of their own. */

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** Nearest-rank percentile. */
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
export const ms = (x: number) => (Number.isNaN(x) ? 'n/a' : x >= 100 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
export const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
export const log = (line: string) => console.error(line);

export function timed<T>(fn: () => T): [number, T] {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
}

export function unwrap<T>(result: { ok: true; value: unknown } | { ok: false; error: { message: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value as T;
}

export interface Row {
  figure: string;
  measured: string;
  goal: string;
  /** true pass, false fail, null for a figure that is only reported (or could not be measured). */
  pass: boolean | null;
  detail: string;
}
export const rows: Row[] = [];
export const add = (row: Row) => {
  rows.push(row);
  log(`  ${row.figure}: ${row.measured} (${row.pass === null ? 'reported' : row.pass ? 'pass' : 'FAIL'}) ${row.detail}`);
};

export function table(): string {
  const head = ['Figure', 'Measured', 'Goal', 'Result', 'Detail'];
  const body = rows.map((r) => [r.figure, r.measured, r.goal, r.pass === null ? '—' : r.pass ? 'pass' : 'FAIL', r.detail]);
  return [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
