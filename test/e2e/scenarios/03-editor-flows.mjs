// The editor side of the demo, as the README walks a user through it, on one server (a copy of demo/workspace, the
// emulator with the demo secrets plus `order-service/db-password`, which the move's first suggestion would collide
// with):
// - the walkthrough is open from the start; each step ticks from the real action (sign-in picker, the Secrets view,
//   the quick fix, F5);
// - Scan Workspace: its summary is a visible toast;
// - app/db.js: the hard-coded password is underlined; Ctrl+. → "Move password to KMS secret…"; the name box offers a
//   free name (`…-2`) and flags a taken one as it is typed; the variable box offers a free variable (`DB_PASSWORD_2`,
//   since .env uses DB_PASSWORD for the demo secret) and, when the user types DB_PASSWORD anyway, asks: reuse, replace
//   or pick another;
// - .env keeps `DB_PASSWORD=kms://demo/orders/db#password`; hovering it shows metadata (one "Reveal in Explorer",
//   times as the tree shows them), never a value;
// - F5 ("Run order service") gets the demo secret from .env: the README's next step stays true after the move.
// Publishes walkthrough.png, scanner-quick-fix.png, move-existing-variable.png, after-move-to-kms.png,
// reference-hover.png and debug-injection.png for the README.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoEnvironment } from '../../host/workbench.mjs';

const KEYS = { accessKeyId: 'e2e-editor-key-id', accessKeySecret: 'e2e-editor-key-secret' };
const TAKEN = 'order-service/db-password';
const env = await demoEnvironment(KEYS, {
  secrets: [{ name: TAKEN, versions: [{ versionId: 'v1', value: 'taken-before', stages: ['ACSCurrent'] }] }],
});
const { kms, seed } = env;

export const name = 'editor: walkthrough ticks, Scan Workspace toast, Move to KMS without collisions, hover, F5';
export const timeoutMs = 300_000;
export const host = env.host;

const WALKTHROUGH = 'Get started with KMS Secrets';
const MOVE = 'Move password to KMS secret…';
const LITERAL = 'Orders-Pr0d-2024!';
const FREE_SECRET = `${TAKEN}-2`;
const FREE_VARIABLE = 'DB_PASSWORD_2';
const DEMO_ENTRY = 'DB_PASSWORD=kms://demo/orders/db#password';

/** The ACSCurrent value of a seeded secret, or one key of its JSON value. */
function seeded(name, key) {
  const version = seed.secrets.find((s) => s.name === name).versions.find((v) => v.stages.includes('ACSCurrent'));
  return key ? version.value[key] : version.value;
}
const INJECTED = {
  API_TOKEN: seeded('demo/app/api-token'),
  DB_PASSWORD: seeded('demo/orders/db', 'password'),
  DB_USER: seeded('demo/orders/db', 'username'),
};
const NEVER = [LITERAL, ...Object.values(INJECTED)];

export async function run(ctx) {
  const { page, screenshot, until } = ctx;
  try {
    await ctx.activityItem(page, 'KMS Secrets').waitFor({ state: 'visible', timeout: 60_000 });
    await ctx.openWalkthrough(page, WALKTHROUGH);
    await ctx.signInWithDefaultChain(page);
    await ctx.openKmsView(page);
    await ctx.secretRow(page, 'demo/orders/db').waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Control+Shift+E'); // back to the file explorer

    await ctx.runCommand(page, 'KMS Secrets: Scan Workspace');
    const summary = ctx.toast(page, /Found \d+ hard-coded credential\(s\) in \d+ of \d+ files/);
    await summary.waitFor({ state: 'visible', timeout: 60_000 });
    await summary.getByRole('button', { name: 'Open Problems' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');

    await moveTheDemoPassword(ctx);
    await hoverTheDemoReference(ctx);
    await pressF5(ctx);

    await ctx.openWalkthrough(page, WALKTHROUGH);
    const steps = await until('every walkthrough step to tick', async () => {
      const now = await ctx.walkthroughSteps(page);
      return now.length === 4 && now.every((s) => s.done) ? now : undefined;
    }).catch(async (error) => {
      throw new Error(`${error.message}: ${JSON.stringify(await ctx.walkthroughSteps(page))}`);
    });
    if (steps.length !== 4) throw new Error('the walkthrough has four steps');
    // The walkthrough alone on the published image: no panel, no sidebar, the four ticked steps in view.
    await ctx.runCommand(page, 'View: Hide Panel');
    await page.keyboard.press('Control+B');
    // The last step open: the others fold to one line each, so all four check marks show.
    await page.locator('.getting-started-step').last().click();
    await page.waitForTimeout(500);
    await page.mouse.move(150, 500);
    await page.waitForTimeout(500);
    await screenshot('walkthrough', { publish: true });

    const text = await page.locator('.monaco-workbench').innerText();
    for (const value of NEVER)
      if (text.includes(value)) throw new Error(`a secret value is visible in the workbench: ${value.slice(0, 6)}…`);
  } finally {
    await env.close();
  }
}

async function moveTheDemoPassword(ctx) {
  const { page, screenshot, until, inputBox, typeInBox, waitForBoxMessage, acceptBox, pickQuickItem } = ctx;
  const editor = await openFile(ctx, 'app/db.js');
  await editor
    .locator('.squiggly-error, .squiggly-warning, .squiggly-info')
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  await ctx.goToPosition(page, 7, 18); // inside 'Orders-Pr0d-2024!'
  const menu = await ctx.openQuickFixMenu(page, MOVE);
  const items = await menu.innerText();
  for (const expected of [MOVE, 'Use existing KMS secret…'])
    if (!items.includes(expected)) throw new Error(`the quick-fix menu lacks "${expected}": ${items}`);
  await page.waitForTimeout(600);
  await screenshot('scanner-quick-fix', { publish: true });
  await menu.getByText(MOVE).first().click();

  // The secret name: the suggestion is free (its plain form is taken), a taken name is flagged while typing.
  const nameBox = await inputBox(page, /Name of the new KMS secret/);
  await until('the suggestion', async () => ((await nameBox.inputValue()) ? true : undefined));
  if ((await nameBox.inputValue()) !== FREE_SECRET)
    throw new Error(`the suggested name is "${await nameBox.inputValue()}", not the free ${FREE_SECRET}`);
  await typeInBox(page, TAKEN);
  await waitForBoxMessage(page, /already exists/);
  await typeInBox(page, FREE_SECRET);
  await until('the free name to pass', async () =>
    /already exists/.test(await ctx.boxMessage(page)) ? undefined : true,
  );
  await acceptBox(page, /Name of the new KMS secret/);

  // The variable: free by default; the demo's own DB_PASSWORD is flagged, then the user is asked what to do.
  const variableBox = await inputBox(page, /Environment variable the code will read/);
  if ((await variableBox.inputValue()) !== FREE_VARIABLE)
    throw new Error(`the suggested variable is "${await variableBox.inputValue()}", not ${FREE_VARIABLE}`);
  await typeInBox(page, 'DB_PASSWORD');
  await waitForBoxMessage(page, /already defines DB_PASSWORD/);
  await acceptBox(page, /Environment variable the code will read/);
  const choices = ctx.quickInput(page);
  await choices.getByText('Reuse DB_PASSWORD').first().waitFor({ state: 'visible', timeout: 15_000 });
  for (const expected of ['Replace DB_PASSWORD', 'Pick another name…'])
    await choices.getByText(expected).first().waitFor({ state: 'visible', timeout: 5_000 });
  await page.waitForTimeout(300);
  await screenshot('move-existing-variable', { publish: true });
  await pickQuickItem(page, 'Pick another name');
  const again = await inputBox(page, /Environment variable the code will read/);
  if ((await again.inputValue()) !== FREE_VARIABLE)
    throw new Error(`picking another name offers "${await again.inputValue()}"`);
  await acceptBox(page, /Environment variable the code will read/);

  const text = await until(
    `process.env.${FREE_VARIABLE} in the editor`,
    async () => {
      const t = await ctx.activeEditorText(page);
      return t.includes(`process.env.${FREE_VARIABLE}`) ? t : undefined;
    },
    30_000,
  );
  if (text.includes(LITERAL)) throw new Error(`the literal is still in the editor:\n${text}`);
  const created = kms.store.find(FREE_SECRET);
  if (!created || created.versions.length !== 1 || created.versions[0].data !== LITERAL)
    throw new Error(`${FREE_SECRET} does not hold the moved literal`);
  if (kms.store.find(TAKEN).versions[0].data !== 'taken-before') throw new Error(`${TAKEN} was changed`);

  // The references env file: the new entry added, the demo's entry untouched (saved with the edit, or in the editor).
  await openFile(ctx, '.env');
  const envText = await until('the new entry in .env', async () => {
    const t = await ctx.activeEditorText(page);
    return t.includes(`${FREE_VARIABLE}=kms://${FREE_SECRET}`) ? t : undefined;
  });
  if (!envText.includes(DEMO_ENTRY)) throw new Error(`the move rewrote the demo's entry:\n${envText}`);
  await page.keyboard.press('Control+S');
  await until('.env saved with both entries', () => {
    const saved = readFileSync(join(env.workspace, '.env'), 'utf8');
    return saved.includes(DEMO_ENTRY) && saved.includes(`${FREE_VARIABLE}=kms://${FREE_SECRET}`);
  });

  await openFile(ctx, 'app/db.js');
  await ctx.goToPosition(page, 18, 1); // the empty last line: no light bulb on the image
  await page.mouse.move(1000, 560);
  await page.waitForTimeout(800);
  await screenshot('after-move-to-kms', { publish: true });
}

async function hoverTheDemoReference(ctx) {
  const { page, screenshot } = ctx;
  const db = seed.secrets.find((s) => s.name === 'demo/orders/db');
  const editor = await openFile(ctx, '.env');
  await editor.locator('.view-lines', { hasText: DEMO_ENTRY }).waitFor({ state: 'visible', timeout: 15_000 });
  const hover = page.locator('.monaco-editor .monaco-hover', { hasText: db.description }).first();
  const deadline = Date.now() + 45_000;
  for (;;) {
    await ctx.goToPosition(page, 3, 22); // inside kms://demo/orders/db#password
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    try {
      await hover.waitFor({ state: 'visible', timeout: 8_000 });
      break;
    } catch {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`no hover with "${db.description}" on the reference`);
    }
  }
  await hover.getByText('Reveal in Explorer').first().waitFor({ state: 'visible', timeout: 10_000 });
  const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
  for (const needle of ['demo/orders/db', 'cn-hangzhou', "JSON key 'password'", `Type: ${db.type}`, 'ACSCurrent'])
    if (!text.includes(needle)) throw new Error(`the hover lacks "${needle}": ${text}`);
  const links = text.match(/Reveal in Explorer/g)?.length ?? 0;
  if (links !== 1) throw new Error(`the hover shows ${links} "Reveal in Explorer" links:\n${text}`);
  if (!/Created: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/.test(text))
    throw new Error(`the hover's times differ from the tree's (YYYY-MM-DD hh:mm:ss UTC):\n${text}`);
  await page.waitForTimeout(500);
  await screenshot('reference-hover', { publish: true });
  await page.keyboard.press('Escape');
}

async function pressF5(ctx) {
  const { page, screenshot } = ctx;
  await openFile(ctx, 'app/server.js');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('F5');
  const repl = page.locator('.repl');
  for (const [variable, value] of Object.entries(INJECTED)) {
    const line = `${variable}: received (${value.length} characters)`;
    await repl
      .getByText(line)
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 })
      .catch(async () => {
        const shown = (await repl.count()) ? await repl.first().innerText() : '(no Debug Console)';
        throw new Error(`the Debug Console never showed "${line}"; it shows:\n${shown}`);
      });
  }
  await page
    // Four: the three of the demo and the moved password's DB_PASSWORD_2, all from .env.
    .locator('.part.statusbar', { hasText: 'injected 4 secrets into "Run order service"' })
    .waitFor({ state: 'visible', timeout: 5_000 });
  await page.mouse.move(700, 300);
  await page.waitForTimeout(300);
  await screenshot('debug-injection', { publish: true });
  if (/: missing\b/.test(await repl.first().innerText())) throw new Error('the program reports a variable as missing');
}

/**
 * Opens a workspace file by clicking through the file explorer (folders expanded on the way), as a user does; quick
 * open ranks look-alike names (app.env next to .env) and stale results after a while.
 */
async function openFile({ page }, relativePath) {
  await page.keyboard.press('Control+Shift+E');
  const parts = relativePath.split('/');
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [i, part] of parts.entries()) {
    const row = page.locator('.part.sidebar .monaco-list-row', { hasText: new RegExp(`^${escape(part)}$`) }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    if (i < parts.length - 1) {
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    } else await row.click();
  }
  const base = parts.at(-1);
  await page
    .locator('.tabs-container .tab.active', { hasText: new RegExp(`^${escape(base)}`) })
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
  return editor;
}
