// `npm start`, then Ctrl-C: nothing may stay behind. The demo runs with its own temporary folder as TMPDIR, so every
// folder it makes is visible; a browser opens the workbench, saves an edit to a demo file (VS Code keeps local history
// of it in the run folder), opens a terminal (a shell under the server) and sees a notification toast (the demo runs
// without the smoke-test driver). Then SIGINT goes to the demo's process group, as a terminal sends it: the demo must
// exit, no kms-start-*/kms-demo-* folder may remain, and no process may still run with the demo's folders.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from '../../host/host.mjs';

export const name = 'npm start: a normal workbench with toasts; Ctrl-C leaves no folder and no process behind';
export const timeoutMs = 180_000;
export const host = false;

/** Every process whose environment or command line mentions `dir`. */
function processesUnder(dir) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (environ.includes(dir) || cmdline.includes(dir))
        found.push(`${entry} ${cmdline.replace(/\0/g, ' ').slice(0, 120)}`);
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

const kmsFolders = (dir) => readdirSync(dir).filter((f) => /^kms-(start|demo)-/.test(f));

export async function run({ waitForWorkbench, activityItem, runCommand, pickQuickItem, toast, until }) {
  // Short: the demo's sockets live under it (see host.mjs).
  const tmp = mkdtempSync('/tmp/kcc-');
  const profile = mkdtempSync('/tmp/kcb-');
  const urlFile = join(profile, 'url');
  const demo = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--port-file', urlFile], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp },
    detached: true, // its own process group, like `npm start` in a terminal
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  demo.stdout.on('data', (d) => (output += d));
  demo.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => demo.once('exit', (code, signal) => resolve({ code, signal })));
  const killDemo = () => {
    try {
      process.kill(-demo.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', killDemo);
  let context;
  try {
    const url = await until(
      'the demo to print its address',
      () => existsSync(urlFile) && readFileSync(urlFile, 'utf8'),
      120_000,
    );
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(profile, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(page);
    await activityItem(page, 'KMS Secrets').waitFor({ state: 'visible', timeout: 60_000 });

    // A toast, which the smoke-test driver would have hidden: Scan Workspace's summary.
    await runCommand(page, 'KMS Secrets: Scan Workspace');
    await toast(page, /hard-coded credential/).waitFor({ state: 'visible', timeout: 60_000 });

    // An edit saved to a demo file: VS Code records it in its local history (inside the run folder).
    await runCommand(page, 'Go to File...');
    await pickQuickItem(page, 'README.md');
    await page.locator('.tabs-container .tab.active', { hasText: 'README.md' }).waitFor({ state: 'visible' });
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.type('Edited in the demo. ');
    await page.keyboard.press('Control+S');
    // A terminal: a shell the server started.
    await runCommand(page, 'Terminal: Create New Terminal');
    await page.locator('.terminal-wrapper').first().waitFor({ state: 'visible', timeout: 30_000 });

    const folders = kmsFolders(tmp);
    if (!folders.some((f) => f.startsWith('kms-start-')) || !folders.some((f) => f.startsWith('kms-demo-')))
      throw new Error(`the demo made no run folder and workspace copy in ${tmp}: ${folders.join(', ')}`);
    const history = readdirSync(
      join(
        tmp,
        folders.find((f) => f.startsWith('kms-start-')),
      ),
      { recursive: true },
    );
    if (!history.some((f) => String(f).includes('History')))
      throw new Error('no local history was written (the check would prove nothing)');
    if (processesUnder(tmp).length < 3) throw new Error('the demo runs fewer processes than expected');

    // Ctrl-C, as a terminal delivers it: to the whole foreground process group.
    process.kill(-demo.pid, 'SIGINT');
    const result = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(undefined), 30_000))]);
    if (!result) throw new Error(`the demo did not exit within 30 s of Ctrl-C:\n${output.slice(-2000)}`);
    const left = kmsFolders(tmp);
    if (left.length) throw new Error(`Ctrl-C left folders behind: ${left.join(', ')}`);
    const running = await until(
      'every process of the demo to end',
      () => (processesUnder(tmp).length === 0 ? [] : undefined),
      10_000,
    ).catch(() => processesUnder(tmp));
    if (running.length) throw new Error(`Ctrl-C left processes behind:\n${running.join('\n')}`);
  } finally {
    await context?.close().catch(() => {});
    killDemo();
    process.removeListener('exit', killDemo);
    rmSync(tmp, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
