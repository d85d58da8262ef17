// The two builds every real-host run needs: the development bundle (dist/) and the transpiled tests (out/). Runners
// call this unless given --no-build (scripts/test-all.mjs has already built), so `npm run test:host` alone never runs
// stale code.
import { spawnSync } from 'node:child_process';
import { ROOT } from './install-host.mjs';

export function build({ log = (line) => console.log(line) } = {}) {
  for (const script of ['esbuild.mjs', 'scripts/compile-tests.mjs']) {
    log(`$ node ${script}`);
    const result = spawnSync(process.execPath, [script], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`node ${script} failed (exit ${result.status ?? result.signal})`);
  }
}

export function buildUnlessSkipped(argv = process.argv) {
  if (!argv.includes('--no-build')) build();
}
