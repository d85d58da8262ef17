// `npm run bench`: builds, then runs every benchmark in one process tree so each figure sits beside its anchor from the
// same run. Figures go to stdout (and bench/results/<name>.txt); nothing here is a pass/fail test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const BENCHES = [
  { name: 'kms', script: 'scripts/bench-kms.mjs', what: 'KMS client against the emulator at 20 ms latency' },
  {
    name: 'scanner',
    script: 'scripts/bench-scanner.mjs',
    what: 'credential scanner vs secretlint (and gitleaks rules) on one realistic generated tree; work per edit in a 10,000-line file',
  },
  { name: 'masking', script: 'scripts/bench-masking.mjs', what: 'output masking vs the per-chunk regex it replaced' },
];

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  return result.stdout;
}

run('npm', ['run', '--silent', 'build']);
run('node', ['scripts/compile-tests.mjs']);
mkdirSync('bench/results', { recursive: true });
let failed = 0;
for (const bench of BENCHES) {
  console.log(`\n## ${bench.name}: ${bench.what}\n`);
  if (!existsSync(bench.script)) {
    console.log(`(${bench.script} is missing)`);
    failed++;
    continue;
  }
  try {
    const output = run('node', [bench.script]);
    process.stdout.write(output);
    writeFileSync(`bench/results/${bench.name}.txt`, output);
  } catch (error) {
    console.log(String(error instanceof Error ? error.message : error));
    failed++;
  }
}
process.exitCode = failed ? 1 : 0;
