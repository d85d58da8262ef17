// Output-masking benchmark: the streaming masker (src/core/masking) against the anchor it replaced, a regex
// alternation of the values run over each chunk (what tasks did; kms-secrets run's masker added a hold-back scan).
// Run after `npm run compile-tests` (imports from out/). Prints a small table; nothing here is a pass/fail test.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const out = resolve(process.argv[2] ?? 'out');
const { StreamMasker } = require(`${out}/src/core/masking/streamMasker.js`);
const { maskedForms } = require(`${out}/src/core/masking/forms.js`);

const CHUNK = 64 * 1024;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function streamMasker(values, input) {
  const started = performance.now();
  const masker = new StreamMasker(values);
  const built = performance.now() - started;
  let bytes = 0;
  for (let i = 0; i < input.length; i += CHUNK) bytes += masker.push(input.subarray(i, i + CHUNK)).length;
  bytes += masker.flush().length;
  return { ms: performance.now() - started, built, bytes };
}

/** The anchor: one regex of every form, longest first, replaced chunk by chunk. */
function regexPerChunk(values, input) {
  const started = performance.now();
  const forms = [...new Set(values.flatMap(maskedForms))].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(forms.map(escape).join('|'), 'g');
  let bytes = 0;
  for (let i = 0; i < input.length; i += CHUNK)
    bytes += input
      .subarray(i, i + CHUNK)
      .toString('latin1')
      .replace(pattern, '******').length;
  return { ms: performance.now() - started, bytes };
}

const mb = (buffer) => buffer.length / (1024 * 1024);
const rows = [];
function row(name, input, values, { anchor = true } = {}) {
  const ours = streamMasker(values, input);
  const theirs = anchor ? regexPerChunk(values, input) : undefined;
  rows.push([
    name,
    `${mb(input).toFixed(1)} MB`,
    `${ours.ms.toFixed(0)} ms (${(mb(input) / (ours.ms / 1000)).toFixed(0)} MB/s; automaton ${ours.built.toFixed(0)} ms)`,
    theirs ? `${theirs.ms.toFixed(0)} ms` : 'not run (95 s in issue #11 for this case)',
    theirs ? `${(ours.ms / theirs.ms).toFixed(2)}×` : '—',
  ]);
}

// Adversarial: one repeated character against a 30 KB value of it.
row('2 MB of "a" vs a 30 KB value of "a"', Buffer.alloc(2 * 1024 * 1024, 'a'), ['a'.repeat(30_720)], { anchor: false });
// Adversarial, small enough for the anchor: where the regex goes superlinear.
row('128 KB of "a" vs a 30 KB value of "a"', Buffer.alloc(128 * 1024, 'a'), ['a'.repeat(30_720)]);

// Realistic: 20 MB of log lines, 50 values of 32 characters and a 3 KB PEM key, each printed now and then.
const values = Array.from({ length: 50 }, (_, i) => `secret-${i}-${'x7Kq'.repeat(6)}`);
const pem = `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 40 }, (_, i) => `${'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn'}${String(i).padStart(33, '0')}`).join('\n')}\n-----END RSA PRIVATE KEY-----\n`;
values.push(pem);
const lines = [];
for (let i = 0; lines.join('\n').length < 1024 * 1024; i++) {
  lines.push(
    i % 97 === 0
      ? `2026-12-02T12:00:00Z INFO using ${values[i % 50]} for request ${i}`
      : `2026-12-02T12:00:00Z INFO GET /api/orders/${i} 200 ${i % 17} ms user=app region=cn-hangzhou`,
  );
}
const realistic = Buffer.from(lines.join('\n').repeat(20), 'utf8');
row('20 MB of logs vs 50 values + a PEM key', realistic, values);

console.log('| case | input | streaming masker | anchor: regex per chunk | ratio (ours / anchor) |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(
  '\nThe anchor is not a correct masker (a value split across two chunks passes through it); the masker holds back at most one value length and stays linear.',
);
