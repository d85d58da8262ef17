// `npm run test:e2e`: end-to-end scenarios in headless Chromium against the real workbench, the extension installed from
// this repository (linked into the extensions dir) and no smoke-test driver — what a user sees, toasts and modal dialogs
// included. One file per scenario in test/e2e/scenarios/, each on its
// own fresh server so no scenario inherits another's state. A scenario module exports:
//   name      one line for the report
//   host      optional startHost() options (env, settings, trust, workspace); `false` for a scenario that starts what
//             it tests itself (`npm start`), which then gets no page and no server
//   run(ctx)  async; throws to fail. ctx = { page, host, screenshot(name, { publish }) , workbench helpers }
// Screenshots go to .run/e2e/; with { publish: true } also to media/screenshots/ (for the README) when missing there or
// when run with --update-screenshots, so an ordinary test run never dirties committed images.
// A failed scenario gets one more run on a fresh server (logged, and named at the end); failing twice fails the stage.
// Usage: node test/host/run-e2e.mjs [--no-build] [--update-screenshots] [name-filter]. Exit 0/1/2 (pass/fail/time-out).
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildUnlessSkipped } from './build.mjs';
import { ROOT, withHost } from './host.mjs';
import * as workbench from './workbench.mjs';

const SCENARIOS = join(ROOT, 'test', 'e2e', 'scenarios');
const WORKSPACE = join(ROOT, 'test', 'fixtures', 'workspace');
const SHOTS = join(ROOT, '.run', 'e2e');
const PUBLISHED = join(ROOT, 'media', 'screenshots');
const TIMEOUT_MS = Number(process.env.KMS_E2E_TIMEOUT_MS ?? 120_000);
// Small enough for a README image, large enough to read the sidebar.
const VIEWPORT = { width: 1024, height: 600 };

export async function runScenarios({ filter, updateScreenshots = false } = {}) {
  const files = readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.mjs'))
    .sort()
    .filter((f) => !filter || f.includes(filter));
  if (files.length === 0) {
    console.error(`[e2e] no scenario in ${SCENARIOS}${filter ? ` matches "${filter}"` : ''}`);
    return 1;
  }
  mkdirSync(SHOTS, { recursive: true });
  const results = [];
  const flaky = [];
  for (const file of files) {
    const scenario = await import(pathToFileURL(join(SCENARIOS, file)).href);
    const title = scenario.name ?? file;
    let code = await runOne(scenario, title, updateScreenshots);
    if (code !== 0) {
      // The workbench now and then drops an input in a way no user action explains (see test/host/workbench.mjs); a
      // scenario gets one more run on a fresh server, and one that fails twice fails the stage. Both runs are logged.
      console.log(`[e2e] ↻ ${title}: one more run on a fresh server (the failed run's folder is kept above)`);
      // Imported afresh: a scenario builds its emulator and workspace when its module loads, and closed them after
      // the failed run.
      const again = await import(`${pathToFileURL(join(SCENARIOS, file)).href}?run=2`);
      code = await runOne(again, title, updateScreenshots);
      if (code === 0) flaky.push(title);
    }
    results.push(code);
  }
  if (flaky.length) console.log(`[e2e] passed on the second run: ${flaky.join('; ')}`);
  const passed = results.filter((c) => c === 0).length;
  console.log(`${passed} passed, ${results.length - passed} failed, 0 skipped`);
  return results.includes(1) ? 1 : results.includes(2) ? 2 : 0;
}

/** One run of a scenario on its own fresh server: 0 passed, 1 failed, 2 timed out. */
async function runOne(scenario, title, updateScreenshots) {
  const started = Date.now();
  console.log(`[e2e] ${title} …`);
  const code =
    scenario.host === false
      ? await standalone(scenario)
      : await withHost(
          { label: 'e2e', workspace: WORKSPACE, extension: ROOT, ...scenario.host },
          async (host) => {
            const { page } = await host.openWorkbench({ viewport: VIEWPORT });
            await workbench.waitForWorkbench(page);
            const screenshot = async (name, { publish = false, ...options } = {}) => {
              const file = join(SHOTS, `${name}.png`);
              await page.screenshot({ path: file, ...options });
              const published = join(PUBLISHED, `${name}.png`);
              if (publish && (updateScreenshots || !existsSync(published))) {
                mkdirSync(PUBLISHED, { recursive: true });
                copyFileSync(file, published);
                console.log(`[e2e]   published ${published.replace(ROOT + '/', '')}`);
              }
              return file;
            };
            await scenario.run({ page, host, screenshot, ...workbench });
            return 0;
          },
          { timeoutMs: scenario.timeoutMs ?? TIMEOUT_MS },
        );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[e2e] ${code === 0 ? '✔' : '✘'} ${title} (${seconds} s)${code === 2 ? ' — timed out' : ''}`);
  return code;
}

/** A scenario without a host of ours (it starts `npm start` itself): same deadline, same exit codes. */
async function standalone(scenario) {
  const timeoutMs = scenario.timeoutMs ?? TIMEOUT_MS;
  let timer;
  const deadline = new Promise((resolve) => (timer = setTimeout(() => resolve(2), timeoutMs)));
  try {
    const running = Promise.resolve().then(() => scenario.run({ ...workbench }));
    running.catch(() => {});
    return await Promise.race([running.then(() => 0), deadline]);
  } catch (error) {
    console.error(`[e2e] ${error?.stack ?? error}`);
    return 1;
  } finally {
    clearTimeout(timer);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildUnlessSkipped();
  const filter = process.argv.slice(2).find((a) => !a.startsWith('--'));
  process.exit(await runScenarios({ filter, updateScreenshots: process.argv.includes('--update-screenshots') }));
}
