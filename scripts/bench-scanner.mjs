// Scanner benchmark, side by side in one run: our `kms-secrets scan` and secretlint (recommended preset) over the same
// generated tree; wall time and peak memory of each (GNU time), findings counted, ratios printed. Also both on the public
// corpus, scored with its evaluator where it is present. Run after `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const FILES = Number(process.env.BENCH_FILES ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'kms-bench-scan-'));

// Deterministic pseudo-random text, so every run scans the same tree.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const token = (n) => Array.from({ length: n }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'[Math.floor(rand() * 56)]).join('');

const FORMATS = [
  ['js', (i, s) => `const config = {\n  host: 'db-${i}',\n  ${s ? `password: '${token(14)}',` : "password: process.env.DB_PASSWORD,"}\n};\nfunction f${i}(x) { return x * ${i}; }\n`],
  ['py', (i, s) => `import os\n\nDB_HOST = "db-${i}"\n${s ? `API_KEY = "${token(32)}"` : 'API_KEY = os.environ["API_KEY"]'}\n\ndef handler(event):\n    return {"status": ${i}}\n`],
  ['yml', (i, s) => `service: app-${i}\nspring:\n  datasource:\n    url: jdbc:mysql://db:3306/app\n    password: ${s ? token(12) : '${DB_PASSWORD}'}\n`],
  ['env', (i, s) => `APP_NAME=app-${i}\nLOG_LEVEL=info\n${s ? `GITHUB_TOKEN=ghp_${token(36)}` : 'GITHUB_TOKEN='}\n`],
  ['json', (i, s) => `{\n  "name": "pkg-${i}",\n  "version": "1.0.${i}",\n  "aws": { "accessKeyId": "${s ? `AKIA${token(16).toUpperCase().replace(/[^A-Z2-7]/g, 'Q')}` : 'AKIAIOSFODNN7EXAMPLE'}" }\n}\n`],
  ['go', (i, s) => `package main\n\nimport "database/sql"\n\nfunc open${i}() {\n\tsql.Open("mysql", "${s ? `app:${token(10)}@tcp(db:3306)/app` : 'app@tcp(db:3306)/app'}")\n}\n`],
  ['properties', (i, s) => `server.port=${8000 + (i % 1000)}\nmail.host=smtp\nmail.password=${s ? token(12) : ''}\n`],
  ['txt', (i) => `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20)}\nline ${i}\n`],
];

for (let i = 0; i < FILES; i++) {
  const [ext, make] = FORMATS[i % FORMATS.length];
  const sub = join(dir, `pkg${i % 40}`);
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, `file${i}.${ext === 'env' ? 'env' : ext}`), make(i, i % 3 === 0));
}
writeFileSync(join(dir, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));

function measure(label, command, args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rssKb = Number(result.stderr.trim().split('\n').pop());
  return { label, ms, rssMb: rssKb / 1024, stdout: result.stdout, status: result.status };
}

const ours = measure('kms-secrets scan', process.execPath, [join(ROOT, 'dist/cli.js'), 'scan', '--format', 'json', '.'], dir);
const lint = measure('secretlint (recommended)', process.execPath, [join(ROOT, 'node_modules/secretlint/bin/secretlint.js'), '--format', 'json', '**/*'], dir);
const ourFindings = JSON.parse(ours.stdout || '[]').length;
let lintFindings = 0;
try {
  for (const file of JSON.parse(lint.stdout.slice(lint.stdout.indexOf('[')) || '[]')) lintFindings += file.messages?.length ?? 0;
} catch {
  console.log(`(secretlint printed no JSON: ${lint.stdout.slice(0, 200)})`);
  lintFindings = NaN;
}
const planted = Math.ceil(FILES / 3) - Math.ceil(FILES / 3 / FORMATS.length); // every third file, but .txt files hold none
console.log(`Generated tree: ${FILES} files in 8 formats, ~${planted} with a planted credential (${dir})\n`);
console.log('| tool | wall ms | peak RSS MB | findings |');
console.log('|---|---:|---:|---:|');
for (const [r, n] of [[ours, ourFindings], [lint, lintFindings]]) console.log(`| ${r.label} | ${r.ms.toFixed(0)} | ${r.rssMb.toFixed(1)} | ${n} |`);
console.log(`\nratios (secretlint / ours): time ${(lint.ms / ours.ms).toFixed(2)}x, memory ${(lint.rssMb / ours.rssMb).toFixed(2)}x`);

// The public corpus, when this checkout sits beside it: both tools scored by the corpus' own evaluator.
const corpus = resolve(ROOT, '../shared/corpus');
if (existsSync(join(corpus, 'eval.mjs'))) {
  const findingsFile = join(dir, 'corpus-findings.json');
  const scan = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'scan', '--format', 'json', 'mined'], { cwd: corpus, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(findingsFile, scan.stdout);
  const score = execFileSync(process.execPath, ['eval.mjs', '--labels', 'labels.json', '--origin', 'mined', findingsFile], { cwd: corpus, encoding: 'utf8' });
  console.log(`\nPublic corpus, ours: ${score.split('\n').find((l) => l.startsWith('overall')) ?? '?'}`);
  const lintCorpus = spawnSync(process.execPath, [join(ROOT, 'node_modules/secretlint/bin/secretlint.js'), '--format', 'json', '--secretlintrc', join(dir, '.secretlintrc.json'), 'mined/**/*'], { cwd: corpus, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    const flat = JSON.parse(lintCorpus.stdout || '[]').flatMap((f) => (f.messages ?? []).map((m) => ({ file: f.filePath, line: m.loc?.start?.line ?? m.range?.[0], ruleId: m.ruleId })));
    writeFileSync(findingsFile, JSON.stringify(flat));
    const lintScore = execFileSync(process.execPath, ['eval.mjs', '--labels', 'labels.json', '--origin', 'mined', findingsFile], { cwd: corpus, encoding: 'utf8' });
    console.log(`Public corpus, secretlint: ${lintScore.split('\n').find((l) => l.startsWith('overall')) ?? '?'}`);
  } catch (error) {
    console.log(`Public corpus, secretlint: could not score (${error instanceof Error ? error.message.split('\n')[0] : error})`);
  }
}
rmSync(dir, { recursive: true, force: true });
