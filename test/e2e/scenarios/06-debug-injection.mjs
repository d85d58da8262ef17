// Debug injection on the real workbench: a copy of the demo workspace (trusted, workspace trust off), the emulator with
// the demo secrets, the default credential chain fed by environment variables, and no sign-in (references resolve
// through the active connection, which defaults to the chain). "Run order service" starts from the command palette; its
// envFile holds only kms:// references, and the program prints which variables arrived and their lengths. The Debug
// Console must show every secret received with the length of its seeded ACSCurrent value, and no value may be visible
// anywhere. Publishes debug-injection.png for the README.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoEnvironment } from '../../host/workbench.mjs';

const KEYS = { accessKeyId: 'e2e-debug-key-id', accessKeySecret: 'e2e-debug-key-secret' };
const env = await demoEnvironment(KEYS);
const SEED = env.seed;
const CONFIG = 'Run order service';

/** The ACSCurrent value of a seeded secret, or one key of its JSON value. */
function seeded(name, key) {
  const secret = SEED.secrets.find((s) => s.name === name);
  const version = secret?.versions.find((v) => v.stages.includes('ACSCurrent'));
  if (!version) throw new Error(`demo.json has no ACSCurrent version of ${name}`);
  const value = key ? version.value[key] : version.value;
  if (typeof value !== 'string' || !value) throw new Error(`demo.json: ${name}${key ? `#${key}` : ''} is not a string`);
  return value;
}
const EXPECTED = {
  API_TOKEN: seeded('demo/app/api-token'),
  DB_PASSWORD: seeded('demo/orders/db', 'password'),
  DB_USER: seeded('demo/orders/db', 'username'),
};
// Values that must never show; the user name is not secret but is injected like the others, so it must not show either.
const NEVER = [
  ...Object.values(EXPECTED),
  ...SEED.secrets.flatMap((s) => s.versions.map((v) => v.value)).filter((v) => typeof v === 'string'),
];

export const name = 'debug injection: "Run order service" receives its kms:// secrets, no value visible';
export const timeoutMs = 180_000;
// A trusted workspace: `trust: true` would turn the trust feature on and open the folder in Restricted Mode (the prompt
// is off in BASE_SETTINGS), where the extension refuses to resolve references; the default leaves the feature off.
export const host = env.host;

/** Polls the extension's output-channel log file (under the user-data dir's logs folder) for a line. */
async function waitForLog(host, text, timeoutMs = 10_000) {
  const logs = join(host.userDataDir, 'logs');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = existsSync(logs)
      ? readdirSync(logs, { recursive: true })
          .filter((f) => String(f).endsWith('KMS Secrets.log'))
          .map((f) => join(logs, String(f)))
      : [];
    if (files.some((file) => readFileSync(file, 'utf8').includes(text))) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function run({ page, host, screenshot, quickInput, openWorkspaceFile }) {
  try {
    // The extension activates on startup; the Explorer shows the workspace once the folder is open.
    await page
      .locator('.part.sidebar .monaco-list-row', { hasText: 'app' })
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    await openWorkspaceFile(page, 'app/server.js');
    await page.keyboard.press('Control+End'); // the cursor off line 1, so no light bulb sits on the README image

    // "Debug: Select and Start Debugging" is the quick-access provider with the prefix "debug ": typing the prefix and
    // the configuration name in the command palette's input lists the launch configurations and starts the one picked.
    const widget = quickInput(page);
    await page.keyboard.press('F1');
    await widget.locator('input').waitFor({ state: 'visible', timeout: 15_000 });
    await widget.locator('input').fill(`debug ${CONFIG}`);
    await widget
      .locator('.monaco-list-row', { hasText: CONFIG })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');

    // The Debug Console opens on session start (debug.internalConsoleOptions defaults to openOnSessionStart).
    const repl = page.locator('.repl');
    const lines = Object.entries(EXPECTED).map(
      ([variable, value]) => `${variable}: received (${value.length} characters)`,
    );
    for (const line of lines) {
      await repl
        .getByText(line, { exact: false })
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 })
        .catch(async () => {
          const shown = (await repl.count()) ? await repl.first().innerText() : '(no Debug Console)';
          throw new Error(`the Debug Console never showed "${line}"; it shows:\n${shown}`);
        });
    }
    // The status-bar message lasts 8 s from resolution; the program's output arrives well within that. js-debug starts
    // the program as a child session ("server.js [pid]") whose configuration passes through the provider again, so the
    // message on show may name either session; the extension's log must name the launch configuration.
    const injected = `injected ${lines.length} secrets into "`;
    await page
      .locator('.part.statusbar', { hasText: injected })
      .waitFor({ state: 'visible', timeout: 5_000 })
      .catch(async () => {
        throw new Error(
          `no "${injected}…" status-bar message; the status bar reads: ${(await page.locator('.part.statusbar').innerText()).replace(/\s+/g, ' ')}`,
        );
      });
    await page.mouse.move(700, 300); // an empty part of the editor: no hover, no highlighted button
    await page.waitForTimeout(300);
    await screenshot('debug-injection', { publish: true });
    const logLine = `Injected ${lines.length} secret(s) into "${CONFIG}" (${Object.keys(EXPECTED).sort().join(', ')})`;
    if (!(await waitForLog(host, logLine))) throw new Error(`the KMS Secrets log never said: ${logLine}`);

    const text = `${await page.locator('.monaco-workbench').innerText()}\n${await repl.first().innerText()}`;
    for (const value of NEVER)
      if (text.includes(value)) throw new Error(`a secret value is visible in the workbench: ${value.slice(0, 8)}…`);
    if (/: missing\b/.test(await repl.first().innerText()))
      throw new Error('the program reports a variable as missing');
  } finally {
    await env.close();
  }
}
