// `npm test`: every test, in the order that fails fastest — build, unit tests in plain Node, then the real VS Code
// (install once, integration suite in its extension host, end-to-end scenarios in Chromium), then the packaged .vsix.
// Stops at the first failing stage and exits with its code (1 failed, 2 timed out), printing the time of every stage
// that ran.
import { spawn } from 'node:child_process';
import { hostIsInstalled } from '../test/host/install-host.mjs';
import { preflightOrExit } from './preflight.mjs';

// Missing system packages stop the run here, in a second, rather than in a native build minutes later.
preflightOrExit({ purpose: 'test', hostInstalled: hostIsInstalled() });

const node = process.execPath;
const STAGES = [
  { name: 'build', args: ['esbuild.mjs'] },
  { name: 'compile-tests', args: ['scripts/compile-tests.mjs'] },
  { name: 'unit', args: ['node_modules/mocha/bin/mocha.js', '--config', '.mocharc.json'] },
  { name: 'host install', args: ['test/host/install-host.mjs'] },
  { name: 'integration', args: ['test/host/run-integration.mjs', '--no-build'] },
  // Workspace trust on, the fixture folder not trusted: only the Restricted Mode suite (one short host run).
  {
    name: 'restricted',
    args: ['test/host/run-integration.mjs', '--no-build', '--trust'],
    env: { KMS_TEST_GREP: 'in Restricted Mode' },
  },
  // VS Code in Simplified Chinese: only the localisation suite (one short host run).
  {
    name: 'zh-cn',
    args: ['test/host/run-integration.mjs', '--no-build', '--locale', 'zh-cn'],
    env: { KMS_TEST_GREP: 'Localisation:' },
  },
  { name: 'e2e', args: ['test/host/run-e2e.mjs', '--no-build'] },
  // Last: `npm run package` replaces the development bundle in dist/ with the minified one.
  { name: 'vsix', args: ['test/host/run-vsix.mjs'] },
];

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  // The stage's own handlers clean up its servers and browsers; we only pass the signal on and report.
  process.on(signal, () => {
    if (current) current.kill(signal);
    else process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

/** Test counts read from each stage's own summary (mocha's "N passing"/"N failing", our runners' "N passed, N failed"). */
const totals = { passed: 0, failed: 0, skipped: 0 };
function count(text) {
  for (const m of text.matchAll(/^\s*(\d+) (passing|failing|pending)\b/gm)) {
    totals[{ passing: 'passed', failing: 'failed', pending: 'skipped' }[m[2]]] += Number(m[1]);
  }
  for (const m of text.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)) {
    totals.passed += Number(m[1]);
    totals.failed += Number(m[2]);
    totals.skipped += Number(m[3] ?? 0);
  }
}

function run(args, env = {}) {
  return new Promise((resolve) => {
    current = spawn(node, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let output = '';
    current.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    // 'close', not 'exit': the stage's output is complete only once its streams have closed.
    current.once('close', (code, signal) => {
      count(output);
      current = undefined;
      resolve(code ?? (signal ? 1 : 0));
    });
    current.once('error', (error) => {
      console.error(error);
      current = undefined;
      resolve(1);
    });
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = Date.now();
const timings = [];
let failed;
for (const stage of STAGES) {
  console.log(`\n━━ ${stage.name} ━━ node ${stage.args.join(' ')}`);
  const stageStarted = Date.now();
  const code = await run(stage.args, stage.env);
  // The packaged-extension check is one test of its own.
  if (stage.name === 'vsix') totals[code === 0 ? 'passed' : 'failed'] += 1;
  timings.push({ name: stage.name, ms: Date.now() - stageStarted, code });
  if (code !== 0) {
    failed = { name: stage.name, code };
    break;
  }
}

console.log('\n━━ summary ━━');
for (const { name, ms, code } of timings)
  console.log(`  ${code === 0 ? '✔' : '✘'} ${name.padEnd(14)} ${seconds(ms).padStart(8)}`);
for (const stage of STAGES.slice(timings.length)) console.log(`  - ${stage.name.padEnd(14)}  not run`);
// The plain closing line CI reads: every test of every stage.
const closing = `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
if (failed) {
  console.log(closing);
  console.log(
    `npm test: FAILED at stage "${failed.name}" (exit ${failed.code}${failed.code === 2 ? ', timed out' : ''}) after ${seconds(Date.now() - started)}`,
  );
  process.exit(failed.code);
}
console.log(`npm test: all ${STAGES.length} stages passed in ${seconds(Date.now() - started)}`);
console.log(closing);
