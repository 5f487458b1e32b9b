/**
 * Where a keystroke's time goes in the live minuting screen: types into the
 * 60-item meeting the bench made (run `npm run bench -- --only browser`
 * first: it leaves the meeting in .tmp/bench/scratch) with a Chromium trace
 * and a JavaScript CPU profile running, and prints the renderer main
 * thread's time per keystroke by trace event (layout, paint, script…) and
 * the functions that took the most time of their own.
 *
 *   tsx scripts/bench/trace-typing.ts [--keys 200] [--out .tmp/bench/typing-trace.json] [--no-profile]
 *   tsx scripts/bench/trace-typing.ts --no-trace [--rounds 5] [--css '.checks { display: none }']
 *
 * Times are the main thread's CPU time (the trace's thread time), so they
 * hold on a machine shared with other work, where wall time does not; the
 * wall time is printed beside them. The sampling profiler adds its own cost
 * to every JavaScript call (a fifth or more of the script's time):
 * `--no-profile` leaves it off, for comparing one change with another.
 * `--probe` runs the bench's own probe in the page too (typing-probe.ts) and
 * prints its key-to-preview and key-to-frame times. `--no-trace` runs the
 * probe alone, `--rounds` times, and prints the median of the rounds' p95;
 * `--css` lays CSS over the app's first (to see what hiding a panel saves).
 * With the profiler on, the CPU profile is written beside the trace
 * (`.cpuprofile`); a renderer built with `npx vite build --config
 * renderer/vite.config.ts --minify false` names the app's functions in it.
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
import { percentile } from './stats';
import { INSTRUMENT, TAKE } from './typing-probe';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const scratchDir = join(root, '.tmp', 'bench', 'scratch');

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  /** Thread (CPU) time, where the trace has it. */
  tdur?: number;
  ts?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ['keys', 'out', 'rounds', 'css'], ['no-profile', 'probe', 'no-trace']);
  const tracing = !flags.switches.has('no-trace');
  const probing = flags.switches.has('probe') || !tracing;
  const rounds = Number(flags.values.rounds ?? 1);
  const profiling = !flags.switches.has('no-profile');
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
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1280, height: 860 }, bypassCSP: flags.values.css !== undefined });
    const page = await context.newPage();
    await page.goto(`${url.origin}/?token=${url.searchParams.get('token')}#/meetings/${meeting.id}`);
    await page.getByRole('tab', { name: 'Live meeting' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Alt+1');
    await page.getByTestId('rail-item').filter({ hasText: item.title }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#item-minute-title', { hasText: item.title }).waitFor();
    // For trying a change without a build: CSS laid over the app's (hiding a panel, say).
    if (flags.values.css) await page.addStyleTag({ content: flags.values.css });
    if (probing) await page.evaluate(INSTRUMENT);
    await page.getByTestId(`entry-${paragraph.id}`).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' warming up the page first', { delay: 45 });

    if (probing) await page.evaluate(TAKE); // the warming up's keys are not counted
    const words = 'the committee noted the report and asked officers to bring back a fuller account of the costs '.repeat(10);
    if (!tracing) {
      // The probe alone, round after round: the bench's figure without the trace's cost, for comparing one change with another.
      const p95s: number[] = [];
      for (let round = 0; round < rounds; round++) {
        await page.keyboard.type(words.slice(0, keys), { delay: 45 });
        await page.waitForTimeout(600);
        const probed = (await page.evaluate(TAKE)) as { paint: number[]; preview: number[]; missed: number };
        p95s.push(percentile(probed.preview, 95));
        console.log(
          `Round ${round + 1}: key to the preview showing it p50 ${percentile(probed.preview, 50).toFixed(1)} p95 ${percentile(probed.preview, 95).toFixed(1)} ms; ` +
            `key to next frame p95 ${percentile(probed.paint, 95).toFixed(1)} ms; ${probed.missed} keys never reached the preview`,
        );
      }
      console.log(`Median of the rounds' p95: ${percentile(p95s, 50).toFixed(1)} ms`);
      return;
    }
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    await cdp.send('Tracing.start', {
      categories: ['devtools.timeline', 'blink', 'cc', 'v8', 'disabled-by-default-devtools.timeline'].join(','),
      transferMode: 'ReportEvents',
    });
    if (profiling) await cdp.send('Profiler.start');
    await page.keyboard.type(words.slice(0, keys), { delay: 45 });
    await page.waitForTimeout(600);
    const probed = probing ? ((await page.evaluate(TAKE)) as { paint: number[]; preview: number[]; missed: number }) : null;
    const profile = profiling
      ? ((await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } }).profile
      : null;
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(out, JSON.stringify({ traceEvents: events }));
    // The CPU profile beside it, for DevTools' Performance panel or a script.
    if (profile) writeFileSync(out.replace(/\.json$/, '') + '.cpuprofile', JSON.stringify(profile));

    // The renderer's main thread: the thread that ran the page's script.
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
    const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
    const byName = new Map<string, { cpu: number; wall: number }>();
    for (const e of onMain) {
      const sum = byName.get(e.name) ?? { cpu: 0, wall: 0 };
      sum.cpu += (e.tdur ?? e.dur!) / 1000;
      sum.wall += e.dur! / 1000;
      byName.set(e.name, sum);
    }
    // The main thread's own busy time: its top-level tasks (events nest inside them).
    const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
    let busy = 0;
    let end = -Infinity;
    for (const e of [...tasks].sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!)) {
      if (e.ts! < end) continue; // nested in the task before
      busy += (e.tdur ?? e.dur!) / 1000;
      end = e.ts! + e.dur!;
    }
    // The main thread's tasks by what they did: a frame, a key's events, or other script over 3 ms (nearly all a save's
    // answer coming back and the screen redrawn from the record it changed).
    const sorted = [...onMain].sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!);
    const kinds = { frame: [] as number[], key: [] as number[], script: [] as number[] };
    let current: { end: number; cpu: number; frame: boolean; key: boolean; script: number } | null = null;
    const close = () => {
      if (!current) return;
      if (current.frame) kinds.frame.push(current.cpu);
      else if (current.key) kinds.key.push(current.cpu);
      else if (current.script > 3) kinds.script.push(current.cpu);
    };
    for (const e of sorted) {
      if (e.name === 'RunTask' && (!current || e.ts! >= current.end)) {
        close();
        current = { end: e.ts! + e.dur!, cpu: (e.tdur ?? e.dur!) / 1000, frame: false, key: false, script: 0 };
        continue;
      }
      if (!current || e.ts! >= current.end) continue;
      if (e.name === 'ProxyMain::BeginMainFrame') current.frame = true;
      else if (e.name === 'EventDispatch' && ['keydown', 'keypress', 'keyup'].includes(String(e.args?.data?.type))) current.key = true;
      else if (e.name === 'v8.callFunction') current.script = Math.max(current.script, e.dur! / 1000);
    }
    close();
    const spread = (xs: number[]) =>
      xs.length ? `${xs.length} tasks, CPU p50 ${percentile(xs, 50).toFixed(1)} p95 ${percentile(xs, 95).toFixed(1)} max ${Math.max(...xs).toFixed(1)} ms` : 'none';
    console.log(`Frames: ${spread(kinds.frame)}. Key events: ${spread(kinds.key)}. Other script over 3 ms (a save's answer): ${spread(kinds.script)}, ${(kinds.script.reduce((a, b) => a + b, 0) / keys).toFixed(2)} ms a key`);
    const of = (name: string) => byName.get(name)?.cpu ?? 0;
    // keydown, keypress (the text inserted, and the input event, nest inside it) and keyup.
    const keyEvents = onMain
      .filter((e) => e.name === 'EventDispatch' && ['keydown', 'keypress', 'keyup'].includes(String(e.args?.data?.type)))
      .reduce((sum, e) => sum + (e.tdur ?? e.dur!) / 1000, 0);
    console.log(
      `Per keystroke, CPU ms of the renderer's main thread: busy ${(busy / keys).toFixed(2)}; key events ${(keyEvents / keys).toFixed(2)}; ` +
        `main frame ${(of('ProxyMain::BeginMainFrame') / keys).toFixed(2)}${profiling ? ' (the profiler running adds to the script)' : ''}`,
    );
    if (probed) {
      const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
      console.log(
        `The bench's probe, wall time (noisy on a shared machine; the trace and profiler slow it): key to the preview showing it p50 ${p(probed.preview, 50)} p95 ${p(probed.preview, 95)} ms; ` +
          `key to next frame p50 ${p(probed.paint, 50)} p95 ${p(probed.paint, 95)} ms; ${probed.missed} keys never reached the preview`,
      );
    }
    console.log(`Renderer main thread, ms per keystroke, CPU (wall) (${keys} keys; events nest, so totals overlap):`);
    for (const [name, total] of [...byName].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 25))
      console.log(`  ${(total.cpu / keys).toFixed(3).padStart(7)} (${(total.wall / keys).toFixed(3)})  ${name}`);

    if (profile) {
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
    }
    console.log(`Trace written to ${out}${profile ? ' (and the CPU profile beside it)' : ''}`);
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
