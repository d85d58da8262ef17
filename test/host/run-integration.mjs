// `npm run test:host`: the integration suite (out/test/integration/**/*.test.js) inside a real VS Code extension host.
// code-server serves the workbench, headless Chromium opens it with the extension in development mode plus the test
// index,
// VS Code runs the index's run() and hands the verdict to codeAutomationExit. The mocha report is tailed live from a
// file.
// Exit: 0 all passed, 1 failures (or nothing ran), 2 time-out. Flags: --no-build, --trust (workspace trust on),
// --locale <lang> (VS Code's display language, e.g. zh-cn).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUnlessSkipped } from './build.mjs';
import { ROOT, devPayload, tailFile, withHost } from './host.mjs';

export const WORKSPACE = join(ROOT, 'test', 'fixtures', 'workspace');
const TEST_INDEX = join(ROOT, 'out', 'test', 'integration', 'index.js');
const TIMEOUT_MS = Number(process.env.KMS_HOST_TIMEOUT_MS ?? 480_000);

/**
 * Runs an extension-host test index (the integration suite by default) and returns 0/1/2. Later suites with other
 * environments (emulator credentials, trust on) call this with their own env/label.
 */
export async function runSuite({
  label = 'integration',
  tests = TEST_INDEX,
  workspace = WORKSPACE,
  env = {},
  trust = false,
  locale,
  timeoutMs = TIMEOUT_MS,
} = {}) {
  for (const file of [tests, join(ROOT, 'dist', 'extension.js')]) {
    if (!existsSync(file)) {
      console.error(`[${label}] ${file} is missing: build first (npm run build && npm run compile-tests)`);
      return 1;
    }
  }
  const started = Date.now();
  let summary;
  let tail;
  const tls = trustedTestCertificate();
  const code = await withHost(
    // The test host may answer confirmation modals through command arguments (src/platform/automation.ts); the
    // smoke-test driver is what runs the test index and reports its verdict.
    {
      label,
      workspace,
      trust,
      locale,
      driver: true,
      env: { KMS_SECRETS_TEST_HOST: '1', ...(locale ? { KMS_TEST_LOCALE: locale } : {}), ...tls.env, ...env },
    },
    async (host) => {
      tail = tailFile(host.reportFile, (text) => {
        process.stdout.write(text);
        summary = /(\d+) passed, (\d+) failed, (\d+) skipped/.exec(text) ?? summary;
      });
      const { exited } = await host.openWorkbench({ payload: devPayload(host, { tests }) });
      const exitCode = await exited;
      await tail.stop();
      if (exitCode === 0 && (!summary || Number(summary[1]) === 0)) {
        console.error(`[${label}] the suite reported success but no test passed: did any test file load?`);
        return 1;
      }
      return exitCode === 0 ? 0 : 1;
    },
    { timeoutMs },
  );
  await tail?.stop();
  tls.remove();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[${label}] ${code === 0 ? 'passed' : code === 2 ? 'timed out' : 'failed'} in ${seconds} s`);
  return code;
}

/**
 * A throw-away certificate for tests that serve the emulator over HTTPS (the proxy tests), trusted by the host the way a
 * user trusts a private CA: NODE_EXTRA_CA_CERTS, which Node reads only at start.
 */
function trustedTestCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'kms-tls-'));
  const { testCertificate } = createRequire(import.meta.url)(join(ROOT, 'out', 'test', 'support', 'tls.js'));
  const { certFile } = testCertificate(dir);
  return {
    env: { NODE_EXTRA_CA_CERTS: certFile, KMS_TEST_TLS_DIR: dir },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildUnlessSkipped();
  const locale = process.argv.includes('--locale') ? process.argv[process.argv.indexOf('--locale') + 1] : undefined;
  process.exit(await runSuite({ trust: process.argv.includes('--trust'), locale }));
}
