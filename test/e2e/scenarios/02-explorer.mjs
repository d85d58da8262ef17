// The Secrets view, clicked and typed through as a user does it, on one server with the demo secrets:
// - the walkthrough is open from the start; signing in with the picker and opening the view tick its first two steps;
// - the tree: versions with stages, the key names of a JSON value, no expand arrow on a plain-text version, a tooltip;
// - Reveal asks in a modal dialog (declined: nothing shows);
// - the + button with a row selected asks for the value, then the name (a taken name is flagged before any request),
//   then the description; "Created …" shows as a toast with Copy Reference;
// - Put New Value, Edit Tags, Rotate (managed secret) and Delete go through their boxes, pickers and dialogs.
// No value is visible anywhere. Publishes explorer.png, explorer-tooltip.png, create-secret-taken.png and
// create-secret-toast.png for the README.
import { demoEnvironment } from '../../host/workbench.mjs';

const KEYS = { accessKeyId: 'e2e-explorer-key-id', accessKeySecret: 'e2e-explorer-key-secret' };
const env = await demoEnvironment(KEYS);
const { kms } = env;

export const name = 'explorer: walkthrough ticks, sign-in picker, tree, + with a row selected, every manage box';
export const timeoutMs = 240_000;
export const host = env.host;

const WALKTHROUGH = 'Get started with KMS Secrets';
const NEW_SECRET = 'demo/e2e/new-token';
const NEW_VALUE = 'e2e-typed-value-' + 'c0ffee';
const SECOND_VALUE = 'e2e-second-value-' + 'beef';
const SEEDED = ['demo-password-not-real', 'demo-api-token-v2-NOT-A-REAL-TOKEN', 'demo-rds-password-not-real'];

export async function run(ctx) {
  const { page, screenshot, openKmsView, pickQuickItem, secretRow, until } = ctx;
  try {
    await ctx.activityItem(page, 'KMS Secrets').waitFor({ state: 'visible', timeout: 60_000 });
    await ctx.openWalkthrough(page, WALKTHROUGH);
    const steps = await ctx.walkthroughSteps(page);
    if (steps.length !== 4 || steps.some((s) => s.done))
      throw new Error(`a fresh walkthrough has 4 open steps: ${JSON.stringify(steps)}`);

    // Sign in from the view's welcome content: the picker lists the credential sources.
    const sidebar = await openKmsView(page);
    await ctx.widenSidebar(page, sidebar);
    await sidebar
      .getByRole('button', { name: /sign in/i })
      .first()
      .click();
    await pickQuickItem(page, 'Default credential chain');
    await secretRow(page, 'demo/orders/db').waitFor({ state: 'visible', timeout: 30_000 });

    // The walkthrough noticed both: signed in (a context key) and the Secrets view shown.
    await page.locator('.editor-group-container .getting-started-step').first().waitFor({ state: 'visible' });
    const ticked = await until('the walkthrough to tick "Connect" and "Browse"', async () => {
      const now = await ctx.walkthroughSteps(page);
      return now[0]?.done && now[1]?.done ? now : undefined;
    });
    if (ticked[2].done || ticked[3].done) throw new Error(`steps ticked too early: ${JSON.stringify(ticked)}`);
    await page.keyboard.press('Control+W'); // close the walkthrough: the published images show the view

    const rowWith = (text) => sidebar.locator('.monaco-list-row', { hasText: text }).first();
    const expand = async (locator) => {
      await locator.click();
      await page.waitForFunction((el) => el.getAttribute('aria-selected') === 'true', await locator.elementHandle(), {
        timeout: 10_000,
      });
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', await locator.elementHandle(), {
        timeout: 10_000,
      });
    };
    await expand(secretRow(page, 'demo/app/api-token')); // plain-text versions with their stages
    const previous = rowWith('ACSPrevious');
    await previous.waitFor({ state: 'visible', timeout: 15_000 });
    // Plain text: once the extension has read the versions, their rows are leaves (no arrow to open to nothing).
    await until('plain-text versions without an expand arrow', async () =>
      (await previous.getAttribute('aria-expanded')) === null ? true : undefined,
    );
    await expand(secretRow(page, 'demo/orders/db'));
    const jsonVersion = rowWith('2024-06');
    await until('a JSON version with an expand arrow', async () =>
      (await jsonVersion.getAttribute('aria-expanded')) === 'false' ? true : undefined,
    );
    await expand(jsonVersion); // the key names of the JSON value
    await rowWith('password').waitFor({ state: 'visible', timeout: 15_000 });
    await page.mouse.move(900, 500);
    await page.waitForTimeout(800);
    await screenshot('explorer', { publish: true });

    await secretRow(page, 'demo/rds/orders-admin').hover();
    const hover = page.locator('.monaco-hover, .workbench-hover', { hasText: 'Rotation' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(500);
    await screenshot('explorer-tooltip', { publish: true });
    const tooltip = await hover.innerText();
    for (const needle of ['acs:kms:cn-hangzhou', 'every 7 days', 'service=orders', 'Next rotation'])
      if (!tooltip.includes(needle)) throw new Error(`the tooltip lacks "${needle}": ${tooltip}`);

    // Reveal asks first, in a modal dialog; Cancel shows nothing.
    await page.mouse.move(900, 500);
    await secretRow(page, 'demo/app/api-token').hover();
    await secretRow(page, 'demo/app/api-token').locator('.action-label[aria-label^="Reveal Value"]').click();
    const reveal = await ctx.dialog(page, 'demo/app/api-token');
    await reveal.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForTimeout(800);
    if ((await page.locator('.editor-instance .view-lines', { hasText: 'NOT-A-REAL' }).count()) !== 0)
      throw new Error('a value showed without consent');

    await createWithRowSelected(ctx);
    await manageBoxes(ctx);

    const text = await page.locator('.monaco-workbench').innerText();
    for (const value of [...SEEDED, NEW_VALUE, SECOND_VALUE])
      if (text.includes(value)) throw new Error(`a secret value is visible in the workbench: ${value.slice(0, 8)}…`);
  } finally {
    await env.close();
  }
}

/** The + button of the view title with a row selected: value, then name (a taken one flagged), then description. */
async function createWithRowSelected(ctx) {
  const { page, screenshot, secretRow, inputBox, typeInBox, waitForBoxMessage, acceptBox, toast } = ctx;
  const row = secretRow(page, 'demo/staging/redis-password');
  await row.click();
  await page.locator('.part.sidebar .action-label[aria-label^="Create Secret"]').first().click();

  await inputBox(page, /Secret value/);
  await typeInBox(page, NEW_VALUE);
  await acceptBox(page, /Secret value/);

  const nameBox = await inputBox(page, /Name of the new secret in cn-hangzhou/);
  if ((await nameBox.inputValue()) !== '') throw new Error('the name box is pre-filled from the selected row');
  await typeInBox(page, 'demo/orders/db');
  const taken = await waitForBoxMessage(page, /already exists/);
  if (!taken.includes('demo/orders/db')) throw new Error(`the taken name is not named: ${taken}`);
  await screenshot('create-secret-taken', { publish: true });
  const creates = () => kms.stats().byAction.CreateSecret ?? 0;
  if (creates() !== 0) throw new Error('a request was made for a name the box flags');
  await page.keyboard.press('Enter'); // refused while flagged
  await page.waitForTimeout(500);
  if (!(await ctx.boxMessage(page)).includes('already exists')) throw new Error('Enter accepted a taken name');

  await typeInBox(page, NEW_SECRET);
  await ctx.until('the new name to pass the check', async () =>
    /already exists/.test(await ctx.boxMessage(page)) ? undefined : true,
  );
  await acceptBox(page, /Name of the new secret/);
  await inputBox(page, /Description \(optional\)/);
  await typeInBox(page, 'Typed in the e2e test');
  await acceptBox(page, /Description \(optional\)/);

  const created = toast(page, `Created "${NEW_SECRET}"`);
  await created.waitFor({ state: 'visible', timeout: 20_000 });
  await created.getByRole('button', { name: 'Copy Reference' }).waitFor({ state: 'visible' });
  await page.mouse.move(700, 250); // no button tooltip over the tree
  await page.waitForTimeout(500);
  await screenshot('create-secret-toast', { publish: true });
  const stored = kms.store.find(NEW_SECRET);
  if (!stored || stored.versions[0].data !== NEW_VALUE || stored.description !== 'Typed in the e2e test')
    throw new Error(`${NEW_SECRET} was not created with the typed value and description`);
  if (kms.store.find('demo/staging/redis-password').versions.length !== 1)
    throw new Error('the selected row was changed');
  await created.getByRole('button', { name: 'Copy Reference' }).click();
}

/** Put New Value, Edit Tags, Rotate and Delete through the context menu, their boxes, pickers and dialogs. */
async function manageBoxes(ctx) {
  const { page, secretRow, contextMenu, inputBox, typeInBox, acceptBox, pickQuickItem, dialog } = ctx;
  const row = secretRow(page, NEW_SECRET);
  await row.waitFor({ state: 'visible', timeout: 20_000 });

  await contextMenu(page, row, 'Put New Value');
  await inputBox(page, /Secret value/);
  await typeInBox(page, SECOND_VALUE);
  await acceptBox(page, /Secret value/);
  const stages = await inputBox(page, /Stages of the new version/);
  if ((await stages.inputValue()) !== 'ACSCurrent') throw new Error('the stages box does not start at ACSCurrent');
  await acceptBox(page, /Stages of the new version/);
  await ctx.until('the new version', () =>
    kms.store.find(NEW_SECRET)?.versions.some((v) => v.data === SECOND_VALUE && v.stages.includes('ACSCurrent')),
  );

  await contextMenu(page, secretRow(page, NEW_SECRET), 'Edit Tags');
  await inputBox(page, /key=value pairs/);
  await typeInBox(page, 'env=e2e, owner=flows');
  await acceptBox(page, /key=value pairs/);
  await ctx.until('the tags', () => {
    const tags = kms.store.find(NEW_SECRET)?.tags ?? [];
    return tags.some((t) => t.key === 'env' && t.value === 'e2e') && tags.some((t) => t.key === 'owner');
  });

  // Rotate is offered for managed secrets only; its interval box starts from the current interval as one types it.
  await contextMenu(page, secretRow(page, 'demo/rds/orders-admin'), 'Rotate');
  await pickQuickItem(page, 'Change the rotation interval');
  const interval = await inputBox(page, /6 hours to 365 days/);
  if ((await interval.inputValue()) !== '7d')
    throw new Error(`the interval box reads "${await interval.inputValue()}"`);
  await typeInBox(page, '14d');
  await acceptBox(page, /6 hours to 365 days/);
  await ctx.until(
    'the new interval',
    () => kms.store.find('demo/rds/orders-admin')?.rotation?.intervalSeconds === 14 * 86_400,
  );

  await contextMenu(page, secretRow(page, NEW_SECRET), 'Delete');
  await pickQuickItem(page, 'Schedule deletion');
  const days = await inputBox(page, /Recovery window in days/);
  if ((await days.inputValue()) !== '30') throw new Error('the recovery window does not start at 30');
  await typeInBox(page, '7');
  await acceptBox(page, /Recovery window in days/);
  const confirm = await dialog(page, `Delete "${NEW_SECRET}" after 7 days?`);
  await confirm.getByRole('button', { name: 'Schedule Deletion' }).click();
  await ctx.until('the planned deletion', () => kms.store.find(NEW_SECRET)?.plannedDeleteTime !== undefined);
}
