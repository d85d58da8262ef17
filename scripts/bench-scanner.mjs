// Scanner benchmark, side by side in one run over the same generated tree: our `kms-secrets scan`, secretlint
// (recommended preset) and the gitleaks rule set (../shared/anchors/gitleaks.toml, regexes compiled to JS,
// keyword-prefiltered like gitleaks does; rules whose Go syntax has no JS equivalent are skipped and counted). Wall
// time, MiB/s and peak RSS of each (GNU time), findings counted, ratios printed. Also each tool on the public corpus,
// scored with its evaluator.
// Run after `npm run build`. BENCH_FILES (default 2000) and BENCH_MIB (default 50: files are padded to reach it) size
// the tree.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

// Filler per format: ordinary code and config, keyword-rich (key, token, password as words) but without credentials.
const FILLER = {
  js: (i) =>
    `function handler${i}(req, res) {\n  const key = cache.key(req.url);\n  if (!req.user) return res.status(401).send('Password required');\n  return res.json({ id: ${i}, token: req.headers.authorization ? 'present' : 'none' });\n}\n`,
  py: (i) =>
    `def task_${i}(session, password_hash):\n    """Check the token and refresh the key."""\n    return session.get(f"/items/{${i}}", timeout=30)\n\n`,
  yml: (i) => `  item${i}:\n    enabled: true\n    timeout: ${i % 60}\n    secretName: shop-${i}\n`,
  env: (i) => `FEATURE_${i}=on\n`,
  json: (i) => `  "k${i}": { "name": "n${i}", "tokenizer": "basic", "value": ${i} },\n`,
  go: (i) =>
    `func f${i}(ctx context.Context) error {\n\tkey := fmt.Sprintf("k-%d", ${i})\n\treturn store.Put(ctx, key, nil)\n}\n`,
  properties: (i) => `app.item${i}.enabled=true\n`,
  txt: () => 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. ',
};
const FORMATS = [
  [
    'js',
    (i, s) =>
      `const config = {\n  host: 'db-${i}',\n  ${s ? `password: '${token(14)}',` : 'password: process.env.DB_PASSWORD,'}\n};\n`,
  ],
  [
    'py',
    (i, s) =>
      `import os\n\nDB_HOST = "db-${i}"\n${s ? `API_KEY = "${token(32)}"` : 'API_KEY = os.environ["API_KEY"]'}\n\n`,
  ],
  [
    'yml',
    (i, s) =>
      `service: app-${i}\nspring:\n  datasource:\n    url: jdbc:mysql://db:3306/app\n    password: ${s ? token(12) : '${DB_PASSWORD}'}\nitems:\n`,
  ],
  ['env', (i, s) => `APP_NAME=app-${i}\nLOG_LEVEL=info\n${s ? `GITHUB_TOKEN=ghp_${token(36)}` : 'GITHUB_TOKEN='}\n`],
  [
    'json',
    (i, s) =>
      `{\n  "name": "pkg-${i}",\n  "aws": { "accessKeyId": "${
        s
          ? `AKIA${token(16)
              .toUpperCase()
              .replace(/[^A-Z2-7]/g, 'Q')}`
          : 'AKIAIOSFODNN7EXAMPLE'
      }" },\n`,
  ],
  [
    'go',
    (i, s) =>
      `package main\n\nimport "database/sql"\n\nfunc open${i}() {\n\tsql.Open("mysql", "${s ? `app:${token(10)}@tcp(db:3306)/app` : 'app@tcp(db:3306)/app'}")\n}\n`,
  ],
  ['properties', (i, s) => `server.port=${8000 + (i % 1000)}\nmail.host=smtp\nmail.password=${s ? token(12) : ''}\n`],
  ['txt', (i) => `line ${i}\n`],
];

const perFile = Math.max(1, Math.floor((MIB * 1024 * 1024) / FILES));
let bytes = 0;
for (let i = 0; i < FILES; i++) {
  const [ext, make] = FORMATS[i % FORMATS.length];
  const sub = join(tree, `pkg${i % 40}`);
  mkdirSync(sub, { recursive: true });
  let text = make(i, i % 3 === 0);
  for (let j = 0; text.length < perFile; j++) text += FILLER[ext](i * 1000 + j);
  if (ext === 'json') text += '  "end": true\n}\n';
  writeFileSync(join(sub, `file${i}.${ext}`), text);
  bytes += Buffer.byteLength(text);
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
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rssKb = Number(result.stderr.trim().split('\n').pop());
  return { label, ms, rssMb: rssKb / 1024, stdout: result.stdout, status: result.status };
}

const ours = measure(
  'kms-secrets scan',
  process.execPath,
  [join(ROOT, 'dist/cli.js'), 'scan', '--format', 'json', 'tree'],
  dir,
);
// --output: piped stdout of a large report is cut short when secretlint exits, a file is complete.
const lintReport = join(dir, 'secretlint-report.json');
const lint = measure(
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
    'tree/**/*',
  ],
  dir,
);
lint.stdout = existsSync(lintReport) ? readFileSync(lintReport, 'utf8') : lint.stdout;
const leaks = existsSync(GITLEAKS_TOML)
  ? measure('gitleaks rules (JS RegExp)', process.execPath, [runner, GITLEAKS_TOML, 'tree'], dir)
  : undefined;

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
const planted = FORMATS.slice(0, 7).reduce(
  (n, _, f) =>
    n + Array.from({ length: FILES }, (_, i) => i).filter((i) => i % FORMATS.length === f && i % 3 === 0).length,
  0,
);
console.log(
  `Generated tree: ${FILES} files in ${FORMATS.length} formats, ${mib.toFixed(1)} MiB, ${planted} planted credentials`,
);
console.log('(every third file; the others hold lookups and placeholders in the same slots; .txt files hold none)\n');
if (!lintFindings)
  console.log(
    `(secretlint exit status ${lint.status}, ${lint.stdout.length} bytes of output: its count may be incomplete)\n`,
  );
console.log('| tool | wall ms | MiB/s | peak RSS MB | findings |');
console.log('|---|---:|---:|---:|---:|');
const rows = [[ours, ourFindings], [lint, lintFindings], ...(leaks ? [[leaks, leakStats?.findings]] : [])];
for (const [r, n] of rows)
  console.log(
    `| ${r.label} | ${r.ms.toFixed(0)} | ${(mib / (r.ms / 1000)).toFixed(1)} | ${r.rssMb.toFixed(1)} | ${n} |`,
  );
console.log(
  `\nratios (secretlint / ours): time ${(lint.ms / ours.ms).toFixed(2)}x, memory ${(lint.rssMb / ours.rssMb).toFixed(2)}x`,
);
if (leaks) {
  console.log(
    `ratios (gitleaks rules in JS / ours): time ${(leaks.ms / ours.ms).toFixed(2)}x, memory ${(leaks.rssMb / ours.rssMb).toFixed(2)}x`,
  );
  console.log(
    `gitleaks rules: ${leakStats.compiled} of ${leakStats.total} compiled to JS RegExp, ${leakStats.skipped} skipped (Go-only syntax)`,
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
if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);
