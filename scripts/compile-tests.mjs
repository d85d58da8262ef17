// Transpiles src/ and test/ file by file into out/ for mocha and the extension-host suites. Type errors are not this
// script's business (`npm run typecheck` owns them), so one unfinished file elsewhere never stops a test run.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('out', { recursive: true, force: true });
await esbuild.build({
  entryPoints: ['src/**/*.ts', 'test/**/*.ts'],
  outdir: 'out',
  outbase: '.',
  bundle: false,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
