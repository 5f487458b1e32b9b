#!/usr/bin/env node
/**
 * Electron hardening check: `node scripts/electronegativity.mjs`.
 *
 * Runs @doyensec/electronegativity over the Electron sources (electron/,
 * TypeScript), reads its CSV report (the tool exits 0 whatever it finds) and
 * fails on any HIGH or MEDIUM finding that build/electronegativity-allowlist.json
 * does not list. Every allowlist entry must give its reason. Allowlist entries
 * that no longer match anything are reported so the list stays short.
 *
 * Flags: --input <dir> (default electron), --allowlist <file>,
 *        --report <file.csv> (keep the raw report), --electron-version <x.y.z>.
 * Exit: 0 clean, 1 findings to fix, 2 the check itself could not run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FAILING = new Set(['HIGH', 'MEDIUM']);

class UsageError extends Error {}

function parseArgs(argv) {
  const known = ['input', 'allowlist', 'report', 'electron-version'];
  const values = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match || !known.includes(match[1])) throw new UsageError(`Unknown argument "${argv[i]}" (known: ${known.map((k) => `--${k}`).join(', ')})`);
    const value = match[2] ?? argv[++i];
    if (!value || (match[2] === undefined && value.startsWith('--'))) throw new UsageError(`--${match[1]} needs a value`);
    values[match[1]] = value;
  }
  return {
    input: resolve(root, values.input ?? 'electron'),
    allowlist: resolve(root, values.allowlist ?? join('build', 'electronegativity-allowlist.json')),
    report: values.report ? resolve(values.report) : undefined,
    electronVersion: values['electron-version'] ?? installedElectronVersion(),
  };
}

/** The Electron we build with, so the tool applies that version's defaults (it otherwise assumes 0.1.0). */
function installedElectronVersion() {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
    const version = /(\d+\.\d+\.\d+)/.exec(range ?? '')?.[1];
    if (!version) throw new UsageError('Cannot tell which Electron version to check against: pass --electron-version');
    return version;
  }
}

/** RFC 4180 CSV (quoted fields may hold commas, "" and newlines). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function runTool(options, reportFile) {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('@doyensec/electronegativity/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const bin = join(dirname(pkgFile), typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.electronegativity);
  const result = spawnSync(process.execPath, [bin, '-i', options.input, '-o', reportFile, '-e', options.electronVersion, '-v', 'false'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.error) throw result.error;
  if (!existsSync(reportFile)) {
    throw new Error(`electronegativity wrote no report (exit ${result.status}).\n${result.stdout}\n${result.stderr}`);
  }
  return { version: pkg.version, status: result.status, stderr: result.stderr };
}

function readFindings(reportFile) {
  const rows = parseCsv(readFileSync(reportFile, 'utf8'));
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const expected = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description'];
  for (const name of expected) {
    if (!header.includes(name)) throw new Error(`Unexpected report format: no "${name}" column in ${JSON.stringify(header)}`);
  }
  const col = (row, name) => (row[header.indexOf(name)] ?? '').trim();
  return rows.map((row) => {
    const filename = col(row, 'filename');
    return {
      check: col(row, 'issue'),
      severity: col(row, 'severity').toUpperCase(),
      confidence: col(row, 'confidence'),
      file: filename === 'N/A' || !isAbsolute(filename) ? filename : relative(root, filename).split(sep).join('/'),
      location: col(row, 'location'),
      sample: col(row, 'sample'),
      description: col(row, 'description'),
    };
  });
}

function readAllowlist(file) {
  if (!existsSync(file)) return [];
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const entries = Array.isArray(json) ? json : json.allow;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected {"allow": [...]}`);
  entries.forEach((entry, i) => {
    if (!entry || typeof entry.check !== 'string' || !entry.check) throw new Error(`${file}: entry ${i} has no "check"`);
    if (typeof entry.file !== 'string' || !entry.file) throw new Error(`${file}: entry ${i} (${entry.check}) has no "file" (use "N/A" for whole-app checks)`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) throw new Error(`${file}: entry ${i} (${entry.check}) needs a "reason" saying why it is safe`);
    if (entry.sample !== undefined && typeof entry.sample !== 'string') throw new Error(`${file}: entry ${i} (${entry.check}): "sample" must be a string`);
  });
  return entries;
}

const matches = (entry, finding) =>
  entry.check === finding.check && entry.file === finding.file && (entry.sample === undefined || finding.sample.includes(entry.sample));

function table(rows, headers) {
  const cells = [headers, ...rows];
  const widths = headers.map((_, i) => Math.min(70, Math.max(...cells.map((r) => String(r[i]).length))));
  const line = (r) => r.map((c, i) => String(c).slice(0, widths[i]).padEnd(widths[i])).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const allowlist = readAllowlist(options.allowlist);
  const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const reportFile = options.report ?? join(work, 'report.csv');
  try {
    rmSync(reportFile, { force: true });
    const tool = runTool(options, reportFile);
    const findings = readFindings(reportFile);
    const used = new Set();
    const rows = findings.map((f) => {
      const entryIndex = allowlist.findIndex((e) => matches(e, f));
      if (entryIndex >= 0) used.add(entryIndex);
      const verdict = !FAILING.has(f.severity) ? 'info' : entryIndex >= 0 ? 'allowlisted' : 'FAIL';
      return { ...f, verdict };
    });
    console.log(
      `electronegativity ${tool.version} on ${relative(root, options.input) || '.'} (Electron ${options.electronVersion}): ${findings.length} finding(s)\n`,
    );
    if (rows.length) {
      console.log(table(rows.map((r) => [r.verdict, r.severity, r.confidence, r.check, r.file + (r.location && r.location !== '0:0' ? `:${r.location}` : ''), r.sample === 'N/A' ? '' : r.sample]), ['verdict', 'severity', 'confidence', 'check', 'where', 'sample']));
      console.log('');
    }
    const failing = rows.filter((r) => r.verdict === 'FAIL');
    const stale = allowlist.filter((_, i) => !used.has(i));
    for (const entry of stale) console.log(`note: allowlist entry ${entry.check} ${entry.file} matched nothing; remove it if the finding is gone.`);
    if (failing.length) {
      console.log(`\nFAIL: ${failing.length} HIGH/MEDIUM finding(s) not in ${relative(root, options.allowlist)}:`);
      for (const f of failing) console.log(`  - ${f.check} (${f.severity}) ${f.file}:${f.location}: ${f.description}\n    https://github.com/doyensec/electronegativity/wiki/${f.check}`);
      console.log('Fix the code, or if it is a false positive add {check, file, sample, reason} to the allowlist.');
      return 1;
    }
    console.log(`OK: no HIGH or MEDIUM finding outside the allowlist (${used.size} allowlisted).`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`electronegativity check could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
