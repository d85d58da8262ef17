// The whole quick fix through the UI: Ctrl+. on the hard-coded password in app/db.js → "Move password to KMS secret…" →
// secret name and environment variable name in the input boxes. The secret is created in the emulator, the literal
// becomes
// `process.env.<NAME>`, and the references env file (.env) gains `<NAME>=kms://<secret>`. Temporary copy of
// demo/workspace.
// Publishes after-move-to-kms.png for the README.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoEnvironment } from '../../host/workbench.mjs';

const KEYS = { accessKeyId: 'e2e-move-key-id', accessKeySecret: 'e2e-move-key-secret' };
const env = await demoEnvironment(KEYS);
const { kms } = env;
export const name =
  'scanner: "Move password to KMS secret…" through the UI replaces the literal with process.env and a kms:// reference';
export const timeoutMs = 180_000;
export const host = env.host;

const MOVE = 'Move password to KMS secret…';
const LITERAL = 'Orders-Pr0d-2024!';
const SECRET = 'order-service/orders-db-password';
const ENV_VAR = 'ORDERS_DB_PASSWORD';

async function until(what, predicate, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await predicate();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function run({
  page,
  screenshot,
  quickInput,
  signInWithDefaultChain,
  openWorkspaceFile,
  goToPosition,
  openQuickFixMenu,
  activeEditorText,
}) {
  try {
    await signInWithDefaultChain(page);
    const editor = await openWorkspaceFile(page, 'app/db.js');
    await editor
      .locator('.squiggly-error, .squiggly-warning, .squiggly-info')
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await goToPosition(page, 7, 18); // inside 'Orders-Pr0d-2024!'
    const menu = await openQuickFixMenu(page, MOVE);
    await menu.getByText(MOVE).first().click();

    // First prompt: the secret's name (a suggestion is pre-filled; replace it).
    const widget = quickInput(page);
    const input = widget.locator('input');
    await widget
      .getByText(/Name of the new KMS secret/)
      .first()
      .waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill(SECRET);
    await page.waitForTimeout(300); // the validation runs on input; Enter before it would be refused
    await page.keyboard.press('Enter');
    // Second prompt (code files): the environment variable the code will read.
    await widget
      .getByText(/Environment variable the code will read/)
      .first()
      .waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill(ENV_VAR);
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');

    const text = await until(
      `process.env.${ENV_VAR} in the editor`,
      async () => {
        const t = await activeEditorText(page);
        return t.includes(`process.env.${ENV_VAR}`) ? t : undefined;
      },
      30_000,
    );
    if (text.includes(LITERAL)) throw new Error(`the literal is still in the editor:\n${text}`);
    if (!/password:\s*process\.env\.ORDERS_DB_PASSWORD\s*,/.test(text))
      throw new Error(`the password line does not read the environment variable:\n${text}`);

    // The reference went into the workspace's references env file (.env), saved by the workspace edit.
    const envFile = join(env.workspace, '.env');
    await until(
      `${ENV_VAR}=kms://${SECRET} in .env`,
      () => existsSync(envFile) && readFileSync(envFile, 'utf8').includes(`${ENV_VAR}=kms://${SECRET}`),
      15_000,
    );
    // The secret exists in KMS (the emulator's store) with the literal as its only version's value.
    const created = kms.store.find(SECRET);
    if (!created) throw new Error(`the emulator has no secret ${SECRET}`);
    if (created.versions.length !== 1 || created.versions[0].data !== LITERAL)
      throw new Error(`${SECRET} does not hold the moved literal as its one version`);
    if (!/app\/db\.js/.test(created.description))
      throw new Error(`unexpected description of ${SECRET}: ${created.description}`);
    // The demo's other references are untouched.
    if (!readFileSync(envFile, 'utf8').includes('DB_PASSWORD=kms://demo/orders/db#password'))
      throw new Error('the move rewrote an unrelated .env entry');

    // The cursor away from the edit so no hover or lightbulb covers it; then the published image.
    await goToPosition(page, 1, 1);
    await page.mouse.move(1000, 560);
    await page.waitForTimeout(800);
    await screenshot('after-move-to-kms', { publish: true });
    const everything = await page.locator('.monaco-workbench').innerText();
    if (everything.includes(LITERAL)) throw new Error('the moved value is still visible in the workbench');
  } finally {
    await env.close();
  }
}
