// Scanner benchmark, side by side in one run over the same generated trees: our `kms-secrets scan`, secretlint
// (recommended preset) and the gitleaks rule set (../shared/anchors/gitleaks.toml, regexes compiled to JS,
// keyword-prefiltered like gitleaks does; rules whose Go syntax has no JS equivalent are skipped and counted). Wall
// time, MiB/s and peak RSS of each (GNU time), findings counted, ratios printed. Also each tool on the public corpus,
// scored with its evaluator. A second tree of 200 large files with few credential words is scanned by ours and
// secretlint the same way.
// Run after `npm run build`. BENCH_FILES (default 2000) and BENCH_MIB (default 50: files are padded to reach it) size
// the tree; BENCH_RUNS (default 3) is how many times each tool scans it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const FILES = Number(process.env.BENCH_FILES ?? 2000);
const MIB = Number(process.env.BENCH_MIB ?? 50);
const dir = mkdtempSync(join(tmpdir(), 'kms-bench-scan-'));
const tree = join(dir, 'tree');

// Deterministic pseudo-random text, so every run scans the same tree.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const token = (n) =>
  Array.from(
    { length: n },
    () => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'[Math.floor(rand() * 56)],
  ).join('');

// A realistic mixed tree: the unit tests' realistic files (sources and configs in ~30 formats, planted secrets beside
// their look-alikes, clean files), each padded with clean code or config of its own kind; plus minified bundles (one
// long line each) and a large generated log, as real repositories have them.
const realistic = await import(pathToFileURL(join(ROOT, 'out/test/unit/scanner/realistic.js')).href);
const CASES = [...realistic.REALISTIC, ...realistic.REALISTIC_CLEAN];
const extOf = (path) => (/\.([A-Za-z0-9]+)$/.exec(path)?.[1] ?? 'txt').toLowerCase();
const CLEAN_BY_EXT = new Map();
for (const c of realistic.REALISTIC_CLEAN)
  CLEAN_BY_EXT.set(extOf(c.path), [...(CLEAN_BY_EXT.get(extOf(c.path)) ?? []), c.text]);
const GENERIC_FILLER = [
  (i) =>
    `function handler${i}(req, res) {\n  const key = cache.key(req.url);\n  if (!req.user) return res.status(401).send('Password required');\n  return res.json({ id: ${i}, token: req.headers.authorization ? 'present' : 'none' });\n}\n`,
  (i) => `  item${i}:\n    enabled: true\n    timeout: ${i % 60}\n    secretName: shop-${i}\n`,
  (i) => `app.item${i}.enabled=true\napp.item${i}.password.min-length=12\n`,
];
const filler = (ext, i) => {
  const clean = CLEAN_BY_EXT.get(ext);
  return clean ? `${clean[i % clean.length]}\n` : GENERIC_FILLER[i % GENERIC_FILLER.length](i);
};
const bundle = (i, size) => {
  let text = '';
  for (let j = 0; text.length < size; j++)
    text += `var a${j}=function(e){return e.password||e.token||"key-${j}"};e.headers.Authorization="Bearer "+t;`;
  return `${text}var k${i}="ghp_${token(36)}";\n`;
};
const log = (size) => {
  let text = '';
  for (let j = 0; text.length < size; j++)
    text += `2024-06-11T10:${String(j % 60).padStart(2, '0')}:00Z INFO request id=${token(12)} user=u${j} path=/api/items/${j} status=200 token=present\n`;
  return text;
};

const SPECIAL = [
  ['dist/app.min.js', () => bundle(1, 1024 * 1024)],
  ['dist/vendor.min.js', () => bundle(2, 1024 * 1024)],
  ['logs/server.log', () => log(6 * 1024 * 1024)],
];
const specialBytes = 8 * 1024 * 1024;
const perFile = Math.max(1, Math.floor((MIB * 1024 * 1024 - specialBytes) / FILES));
let bytes = 0;
let planted = 0;
for (const [path, make] of SPECIAL) {
  const text = make();
  mkdirSync(join(tree, path, '..'), { recursive: true });
  writeFileSync(join(tree, path), text);
  bytes += Buffer.byteLength(text);
  planted += path.endsWith('.js') ? 1 : 0;
}
for (let i = 0; i < FILES; i++) {
  const c = CASES[i % CASES.length];
  const ext = extOf(c.path);
  const path = join(tree, `pkg${i % 40}`, String(i), c.path);
  mkdirSync(join(path, '..'), { recursive: true });
  let text = `${c.text}\n`;
  for (let j = 0; text.length < perFile; j++) text += filler(ext, i + j);
  writeFileSync(path, text);
  bytes += Buffer.byteLength(text);
  planted += c.secrets?.length ?? 0;
}
const mib = bytes / 1024 / 1024;
const rc = join(dir, '.secretlintrc.json');
writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));

// The gitleaks rule set as a JS runner: compile what JS can express, prefilter by keywords, report per file and line.
const GITLEAKS_TOML = resolve(ROOT, '../shared/anchors/gitleaks.toml');
const runner = join(dir, 'gitleaks-rules.mjs');
writeFileSync(
  runner,
  `
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
const toml = readFileSync(process.argv[2], 'utf8');
const rules = []; let skipped = 0, total = 0;
for (const block of toml.split(/^\\[\\[rules\\]\\]$/m).slice(1)) {
  const body = block.split(/^\\[\\[?rules\\.[a-z]/m)[0];
  const id = /^id = "([^"]+)"/m.exec(body)?.[1];
  const raw = /^regex = '''(.*)'''$/m.exec(body)?.[1] ?? /^regex = "(.*)"$/m.exec(body)?.[1];
  if (!id || !raw) continue;
  total++;
  const keywords = [...(/^keywords = \\[([^\\]]*)\\]/m.exec(body)?.[1] ?? '').matchAll(/"([^"]*)"/g)].map((k) => k[1].toLowerCase());
  let source = raw, flags = 'g';
  if (source.startsWith('(?i)')) { source = source.slice(4); flags += 'i'; }
  if (source.includes('(?i)')) { source = source.replace(/\\(\\?i\\)/g, ''); flags += flags.includes('i') ? '' : 'i'; }
  source = source.replace(/\\(\\?P</g, '(?<').replace(/\\\\z/g, '$').replace(/\\\\A/g, '^').replace(/\\(\\?s:/g, '(?:').replace(/\\[\\[:alnum:\\]\\]/g, '[A-Za-z0-9]');
  if (/\\(\\?[a-z]+[:)]/.test(source) || /\\\\p\\{/.test(source)) { skipped++; continue; }
  try { rules.push({ id, re: new RegExp(source, flags), keywords }); } catch { skipped++; }
}
const SKIP = new Set(['node_modules', '.git']);
let findings = 0, files = 0;
function walk(d) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const full = join(d, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.isFile()) {
      files++;
      const text = readFileSync(full, 'utf8');
      const lower = text.toLowerCase();
      for (const r of rules) {
        if (r.keywords.length && !r.keywords.some((k) => lower.includes(k))) continue;
        r.re.lastIndex = 0;
        for (let m = r.re.exec(text); m; m = r.re.exec(text)) { if (!m[0].length) r.re.lastIndex++; findings++; if (process.env.LIST) console.log(JSON.stringify({ file: relative(process.cwd(), full), line: text.slice(0, m.index + (m[0].length - (m[1] ?? m[0]).length)).split('\\n').length, ruleId: r.id })); }
      }
    }
  }
}
walk(process.argv[3]);
if (!process.env.LIST) console.log(JSON.stringify({ findings, files, compiled: rules.length, skipped, total }));
`,
);

function measure(label, command, args, cwd, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const [rssKb, user, system] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  return {
    label,
    ms,
    cpuMs: (user + system) * 1000,
    rssMb: rssKb / 1024,
    stdout: result.stdout,
    status: result.status,
  };
}

// Each tool runs BENCH_RUNS times (default 3), the tools interleaved round by round, and the median run of each is
// reported: a machine shared with others slows single runs at random, and interleaving spreads that over every tool.
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
// --output: piped stdout of a large report is cut short when secretlint exits, a file is complete.
const lintReport = join(dir, 'secretlint-report.json');
const scanWithOurs = (folder) =>
  measure('kms-secrets scan', process.execPath, [join(ROOT, 'dist/cli.js'), 'scan', '--format', 'json', folder], dir);
const scanWithSecretlint = (folder) =>
  measure(
    'secretlint 10.2.2 (recommended)',
    process.execPath,
    [
      join(ROOT, 'node_modules/secretlint/bin/secretlint.js'),
      '--format',
      'json',
      '--output',
      lintReport,
      '--secretlintrc',
      rc,
      `${folder}/**/*`,
    ],
    dir,
  );
const rounds = [];
for (let i = 0; i < RUNS; i++) {
  const ours = scanWithOurs('tree');
  const lint = scanWithSecretlint('tree');
  const leaks = existsSync(GITLEAKS_TOML)
    ? measure('gitleaks rules (JS RegExp)', process.execPath, [runner, GITLEAKS_TOML, 'tree'], dir)
    : undefined;
  rounds.push({ ours, lint, leaks });
}
const median = (runs) => [...runs].sort((a, b) => a.ms - b.ms)[runs.length >> 1];
const ours = median(rounds.map((r) => r.ours));
const lint = median(rounds.map((r) => r.lint));
// (every round writes the same report: read once)
lint.stdout = existsSync(lintReport) ? readFileSync(lintReport, 'utf8') : lint.stdout;
const leaks = rounds[0].leaks && median(rounds.map((r) => r.leaks));

const ourFindings = JSON.parse(ours.stdout || '[]').length;
let lintFindings = 0;
try {
  for (const file of JSON.parse(lint.stdout.slice(lint.stdout.indexOf('[')) || '[]'))
    lintFindings += file.messages?.length ?? 0;
} catch {
  // Very large reports (they embed every file's source) do not always come back as one JSON document: count messages.
  lintFindings = (lint.stdout.match(/"messageId":/g) ?? []).length;
}
const leakStats = leaks ? JSON.parse(leaks.stdout.trim().split('\n').pop() || '{}') : undefined;
console.log(
  `Generated tree: ${FILES} files from the realistic unit-test files (sources and configs in ~30 formats, padded with clean code of their kind), 2 minified bundles and a 6 MiB log: ${mib.toFixed(1)} MiB, ${planted} planted credentials\n`,
);
if (!lintFindings)
  console.log(
    `(secretlint exit status ${lint.status}, ${lint.stdout.length} bytes of output: its count may be incomplete)\n`,
  );
// Wall time is what a user waits; CPU time (all threads) is the work, and what a machine shared with others distorts
// least. Ours spreads its work over worker threads, so its wall time is below its CPU time on an idle machine.
console.log('| tool | wall ms | MiB/s | CPU ms | peak RSS MB | findings |');
console.log('|---|---:|---:|---:|---:|---:|');
const rows = [[ours, ourFindings], [lint, lintFindings], ...(leaks ? [[leaks, leakStats?.findings]] : [])];
for (const [r, n] of rows)
  console.log(
    `| ${r.label} | ${r.ms.toFixed(0)} | ${(mib / (r.ms / 1000)).toFixed(1)} | ${r.cpuMs.toFixed(0)} | ${r.rssMb.toFixed(1)} | ${n} |`,
  );
console.log(
  `\nratios (secretlint / ours): time ${(lint.ms / ours.ms).toFixed(2)}x, CPU ${(lint.cpuMs / ours.cpuMs).toFixed(2)}x, memory ${(lint.rssMb / ours.rssMb).toFixed(2)}x (medians of ${RUNS} runs each)`,
);
if (RUNS > 1)
  console.log(
    `time ratio in each round (secretlint / ours): ${rounds.map((r) => `${(r.lint.ms / r.ours.ms).toFixed(2)}x`).join(', ')}`,
  );
if (leaks) {
  console.log(
    `ratios (gitleaks rules in JS / ours): time ${(leaks.ms / ours.ms).toFixed(2)}x, CPU ${(leaks.cpuMs / ours.cpuMs).toFixed(2)}x, memory ${(leaks.rssMb / ours.rssMb).toFixed(2)}x`,
  );
  console.log(
    `gitleaks rules: ${leakStats.compiled} of ${leakStats.total} compiled to JS RegExp, ${leakStats.skipped} skipped (Go-only syntax)`,
  );
}

// A second tree of another shape: 200 large generated files (code, data, logs, prose in eight formats, 50 MiB) with
// few credential words. secretlint's cost is mostly per file and ours per credential-like line, so this tree is where
// the gap is smallest; reading the text is a larger share of both.
{
  const words =
    'user order item price count name data result config handler cache request response client server list map index total status error message url id type'.split(
      ' ',
    );
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const ident = () => pick(words) + pick(['', 'Id', 'Name', 'List', 'Map', 'Count', 'Handler']);
  const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
  const lines = {
    'app.js': () =>
      `  const ${ident()} = ${ident()}.${pick(words)}(${ident()}, '${pick(words)}-${Math.floor(rand() * 1000)}');\n`,
    'model.py': () => `    ${ident()} = self.${pick(words)}(${ident()}, ${pick(words)}="${pick(words)}")\n`,
    'data.json': () =>
      `  {"id": "${hex(24)}", "${pick(words)}": "${pick(words)} ${pick(words)}", "sha": "${hex(40)}"},\n`,
    'package-lock.json': () =>
      `    "node_modules/${pick(words)}-${pick(words)}": {\n      "version": "1.${Math.floor(rand() * 20)}.0",\n      "integrity": "sha512-${token(86)}=="\n    },\n`,
    'rows.csv': () =>
      `${Math.floor(rand() * 1e6)},${pick(words)},${pick(words)} ${pick(words)},${hex(8)},2024-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}\n`,
    'server.log': () =>
      `2024-06-11T10:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00Z INFO ${pick(words)} id=${hex(16)} took=${Math.floor(rand() * 900)}ms\n`,
    'notes.md': () =>
      `The ${pick(words)} ${pick(words)} is kept when the ${pick(words)} has a ${pick(words)}; see the ${pick(words)} section.\n`,
    'values.yaml': () =>
      `  ${pick(words)}:\n    ${pick(words)}: ${pick(words)}-${Math.floor(rand() * 100)}\n    enabled: ${rand() < 0.5}\n`,
  };
  const names = Object.keys(lines);
  const large = join(dir, 'large');
  let largeBytes = 0;
  for (let i = 0; i < 200; i++) {
    let text = '';
    while (text.length < 256 * 1024) text += lines[names[i % names.length]]();
    mkdirSync(join(large, `d${i}`), { recursive: true });
    writeFileSync(join(large, `d${i}`, names[i % names.length]), text);
    largeBytes += Buffer.byteLength(text);
  }
  const largeRounds = [];
  for (let i = 0; i < RUNS; i++) largeRounds.push({ ours: scanWithOurs('large'), lint: scanWithSecretlint('large') });
  const largeMib = largeBytes / 1024 / 1024;
  const [o, l] = [median(largeRounds.map((r) => r.ours)), median(largeRounds.map((r) => r.lint))];
  console.log(`\nSecond tree: 200 large generated files with few credential words, ${largeMib.toFixed(1)} MiB`);
  console.log('| tool | wall ms | MiB/s | CPU ms | peak RSS MB |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of [o, l])
    console.log(
      `| ${r.label} | ${r.ms.toFixed(0)} | ${(largeMib / (r.ms / 1000)).toFixed(1)} | ${r.cpuMs.toFixed(0)} | ${r.rssMb.toFixed(1)} |`,
    );
  console.log(
    `ratios (secretlint / ours): time ${(l.ms / o.ms).toFixed(2)}x, CPU ${(l.cpuMs / o.cpuMs).toFixed(2)}x (medians of ${RUNS} runs each); each round: ${largeRounds.map((r) => `${(r.lint.ms / r.ours.ms).toFixed(2)}x`).join(', ')}`,
  );
}

// The public corpus, when this checkout sits beside it: every tool scored by the corpus' own evaluator.
const corpus = resolve(ROOT, '../shared/corpus');
if (existsSync(join(corpus, 'eval.mjs'))) {
  const findingsFile = join(dir, 'corpus-findings.json');
  const score = (label, findings) => {
    writeFileSync(findingsFile, JSON.stringify(findings));
    const out = execFileSync(
      process.execPath,
      ['eval.mjs', '--labels', 'labels.json', '--origin', 'mined', findingsFile],
      { cwd: corpus, encoding: 'utf8' },
    );
    console.log(`Public corpus, ${label}: ${out.split('\n').find((l) => l.startsWith('overall')) ?? '?'}`);
  };
  console.log('');
  const scan = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'scan', '--format', 'json', 'mined'], {
    cwd: corpus,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  score('ours', JSON.parse(scan.stdout || '[]'));
  const lintCorpus = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/secretlint/bin/secretlint.js'), '--format', 'json', '--secretlintrc', rc, 'mined/**/*'],
    { cwd: corpus, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  try {
    score(
      'secretlint',
      JSON.parse(lintCorpus.stdout || '[]').flatMap((f) =>
        (f.messages ?? []).map((m) => ({ file: f.filePath, line: m.loc?.start?.line ?? 1, ruleId: m.ruleId })),
      ),
    );
  } catch (error) {
    console.log(
      `Public corpus, secretlint: could not score (${error instanceof Error ? error.message.split('\n')[0] : error})`,
    );
  }
  if (existsSync(GITLEAKS_TOML)) {
    const list = spawnSync(process.execPath, [runner, GITLEAKS_TOML, 'mined'], {
      cwd: corpus,
      encoding: 'utf8',
      env: { ...process.env, LIST: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    score(
      'gitleaks rules in JS',
      list.stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    );
  }
}
// One edit in a 10,000-line file: the work after the debounce (incremental re-scan in the core), against a whole
// re-scan of the same file, and the round trip through the editor's worker host.
{
  const core = await import(pathToFileURL(join(ROOT, 'out/src/core/scanner/index.js')).href);
  const lines = CASES.flatMap((c) => c.text.split('\n'));
  const text = Array.from({ length: 10_000 }, (_, i) => lines[i % lines.length]).join('\n');
  const path = 'src/big.ts';
  const scanner = new core.DocumentScanner({ path });
  scanner.open(text);
  // Wall time and CPU time of each run: CPU time is what the work costs, wall time what a shared machine adds to it.
  const times = (run, n) => {
    const wall = [];
    const cpu = [];
    for (let i = 0; i < n; i++) {
      const started = process.hrtime.bigint();
      const before = process.cpuUsage();
      run(i);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
      wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
  };
  const at = (i) => {
    const line = 1 + ((i * 7919) % 9_990);
    let offset = 0;
    for (let l = 0; l < line; l++) offset = scanner.text.indexOf('\n', offset) + 1;
    return offset;
  };
  const offsets = Array.from({ length: 200 }, (_, i) => at(i));
  const edits = times((i) => scanner.edit([{ start: offsets[i], end: offsets[i], text: i % 2 ? 'x' : '' }]), 200);
  const whole = times(() => core.scanText(scanner.text, { path }), 20);
  const host = new core.DocumentScanHost();
  await host.open('bench', scanner.text, { path });
  const trips = [];
  for (let i = 0; i < 50; i++) {
    const started = process.hrtime.bigint();
    await host.edit('bench', [{ start: offsets[i], end: offsets[i], text: 'y' }], () => scanner.text);
    trips.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  await host.dispose();
  trips.sort((a, b) => a - b);
  const q = (ms, p) => ms[Math.min(ms.length - 1, Math.floor(ms.length * p))].toFixed(2);
  console.log(
    `\nOne edit in a 10,000-line file (${(text.length / 1024).toFixed(0)} KiB, ${scanner.result.findings.length} findings), milliseconds:`,
  );
  console.log('| work | CPU median | CPU p95 | wall median | wall p95 |');
  console.log('|---|---:|---:|---:|---:|');
  const row = (label, t) =>
    console.log(`| ${label} | ${q(t.cpu, 0.5)} | ${q(t.cpu, 0.95)} | ${q(t.wall, 0.5)} | ${q(t.wall, 0.95)} |`);
  row('incremental re-scan (DocumentScanner.edit, target < 10 ms)', edits);
  row('whole re-scan of the file (scanText)', whole);
  console.log(
    `| editor round trip through the worker (DocumentScanHost.edit) | | | ${q(trips, 0.5)} | ${q(trips, 0.95)} |`,
  );
  console.log(
    `ratio (whole / incremental, CPU median): ${(whole.cpu[whole.cpu.length >> 1] / edits.cpu[edits.cpu.length >> 1]).toFixed(1)}x`,
  );
}

if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);
