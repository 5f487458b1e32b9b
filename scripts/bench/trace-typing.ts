/**
 * Where a keystroke's time goes in the live minuting screen: types into the
 * 60-item meeting the bench made (run `npm run bench -- --only browser`
 * first: it leaves the meeting in .tmp/bench/scratch) with a Chromium trace
 * and a JavaScript CPU profile running, and prints the renderer main
 * thread's time per keystroke by trace event (layout, paint, script…) and
 * the functions that took the most time of their own.
 *
 *   tsx scripts/bench/trace-typing.ts [--keys 200] [--out .tmp/bench/typing-trace.json]
 *
 * A tool for working on the typing figure; the figure itself is the bench's.
 */
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseFile, parseFlags } from '../../electron/config/data-dir';
import { CHROMIUM_ARGS, systemChromium } from '../../test/chromium';
import { invokedDirectly } from '../invoked-directly';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const scratchDir = join(root, '.tmp', 'bench', 'scratch');

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ['keys', 'out']);
  const keys = Number(flags.values.keys ?? 200);
  const out = flags.values.out ?? join(root, '.tmp', 'bench', 'typing-trace.json');
  const db = new Database(databaseFile(scratchDir), { readonly: true, fileMustExist: true });
  const meeting = db.prepare("SELECT id FROM meeting WHERE body_id = 1 AND date = '2026-05-19' ORDER BY id DESC LIMIT 1").get() as { id: number } | undefined;
  if (!meeting) throw new Error('no bench meeting in .tmp/bench/scratch: run `npm run bench -- --only browser` first');
  const item = db
    .prepare('SELECT id, title FROM agenda_item WHERE meeting_id = ? ORDER BY position LIMIT 1 OFFSET 29')
    .get(meeting.id) as { id: number; title: string };
  const paragraph = db.prepare("SELECT id FROM minute_entry WHERE agenda_item_id = ? AND kind = 'paragraph' ORDER BY position DESC LIMIT 1").get(item.id) as { id: number };
  db.close();

  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '--data', scratchDir, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<URL>((done, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) done(new URL(match[1]!));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${output}`)));
  });
  const browser = await chromium.launch({ executablePath: systemChromium(), args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'] });
  try {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${url.origin}/?token=${url.searchParams.get('token')}#/meetings/${meeting.id}`);
    await page.getByRole('tab', { name: 'Live meeting' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Alt+1');
    await page.getByTestId('rail-item').filter({ hasText: item.title }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#item-minute-title', { hasText: item.title }).waitFor();
    await page.getByTestId(`entry-${paragraph.id}`).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' warming up the page first', { delay: 45 });

    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Tracing.start', {
      categories: ['devtools.timeline', 'blink', 'cc', 'v8', 'disabled-by-default-devtools.timeline'].join(','),
      transferMode: 'ReportEvents',
    });
    await cdp.send('Profiler.start');
    const words = 'the committee noted the report and asked officers to bring back a fuller account of the costs '.repeat(10);
    await page.keyboard.type(words.slice(0, keys), { delay: 45 });
    await page.waitForTimeout(600);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(out, JSON.stringify({ traceEvents: events }));

    // The renderer's main thread: the thread that ran the page's script.
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
    const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
    const byName = new Map<string, number>();
    for (const e of onMain) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur! / 1000);
    console.log(`Renderer main thread, ms per keystroke (${keys} keys; events nest, so totals overlap):`);
    for (const [name, total] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(total / keys).toFixed(3).padStart(7)}  ${name}`);

    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    const byFunction = new Map<string, number>();
    for (const node of profile.nodes) {
      const t = self.get(node.id) ?? 0;
      const f = node.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + t);
    }
    console.log('JavaScript self time, ms per keystroke:');
    for (const [name, total] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(total / keys).toFixed(3).padStart(7)}  ${name}`);
    console.log(`Trace written to ${out}`);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

if (invokedDirectly(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
