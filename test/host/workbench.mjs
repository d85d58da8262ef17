// Page-level helpers for driving the VS Code workbench in Chromium: what e2e scenarios and the .vsix check have in
// common.
// Selectors go by role and aria-label (what a screen reader sees), which survives VS Code's DOM reshuffles better than
// classes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './install-host.mjs';

/**
 * package.json as the workbench shows it: every `%key%` replaced from package.nls.json, or from
 * package.nls.<locale>.json when the workbench runs in that display language.
 */
export function manifest(locale) {
  const read = (file) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
  const nls = { ...read('package.nls.json'), ...(locale ? read(`package.nls.${locale}.json`) : {}) };
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'), (_key, value) =>
    typeof value === 'string' && /^%[^%]+%$/.test(value) ? (nls[value.slice(1, -1)] ?? value) : value,
  );
}

/** Resolves when the workbench has rendered its activity bar; contributed containers appear there once extensions are scanned. */
export async function waitForWorkbench(page, { timeoutMs = 60_000 } = {}) {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The activity-bar entry of a view container, found by its aria-label (its title, possibly followed by a keybinding). */
export function activityItem(page, title) {
  return page
    .locator(`.part.activitybar a.action-label:is([aria-label="${title}"], [aria-label^="${title} ("])`)
    .first();
}

/** Clicks the KMS Secrets activity-bar item (unless its container is already showing) and waits for the Secrets view. */
export async function openKmsView(page, { timeoutMs = 30_000, locale } = {}) {
  const { contributes } = manifest(locale);
  const container = contributes.viewsContainers.activitybar.find((c) => c.id === 'kmsSecrets');
  const view = contributes.views.kmsSecrets.find((v) => v.id === 'kmsSecrets.secrets');
  const item = activityItem(page, container.title);
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  // Clicking the item of the container already showing would close the sidebar; its tab (the parent) says which.
  if ((await item.locator('xpath=..').getAttribute('aria-selected')) !== 'true') await item.click();
  // The sidebar title reads "<container>: <view>" when the container has a single view.
  const sidebar = page.locator('.part.sidebar');
  await sidebar.waitFor({ state: 'visible', timeout: timeoutMs });
  await sidebar
    .getByText(new RegExp(`${container.title}|${view.name}`, 'i'))
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
  return sidebar;
}

/** Waits until the Secrets view shows its welcome content (no connection yet) and returns the text that matched. */
export async function expectWelcome(page, { timeoutMs = 30_000, locale } = {}) {
  const entries = manifest(locale).contributes.viewsWelcome.filter((w) => w.view === 'kmsSecrets.secrets');
  if (entries.length === 0) throw new Error('package.json has no welcome content for kmsSecrets.secrets');
  const firstLines = entries.map((w) =>
    w.contents
      .split('\n')[0]
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .slice(0, 60),
  );
  const sidebar = page.locator('.part.sidebar');
  await Promise.any(
    firstLines.map((text) =>
      sidebar.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: timeoutMs }),
    ),
  ).catch(() => {
    throw new Error(
      `the Secrets view shows none of its welcome texts: ${firstLines.map((t) => JSON.stringify(t)).join(', ')}`,
    );
  });
  return firstLines;
}

/** The quick-input widget (command palette, quick open, input boxes, quick picks). */
export function quickInput(page) {
  return page.locator('.quick-input-widget');
}

/** Runs a command from the command palette by its full title ("Category: Title") and waits for the palette to close. */
export async function runCommand(page, title, { timeoutMs = 15_000 } = {}) {
  const widget = quickInput(page);
  const input = widget.locator('input');
  const deadline = Date.now() + timeoutMs;
  // An extension's commands appear in the palette only once its host has started, and something opening at startup
  // (the walkthrough's editor) can close the palette between F1 and typing: until the command is listed, open it again.
  for (;;) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(`>${title}`, { timeout: 5_000 });
      // Enter on a stale list would run whatever was first before the filter applied.
      await widget
        .locator('.monaco-list-row', { hasText: title })
        .first()
        .waitFor({ state: 'visible', timeout: 3_000 });
      break;
    } catch {
      // Escape only where the palette is open: anywhere else it goes to the editor that took the focus.
      if (await input.isVisible().catch(() => false)) await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`the command palette never listed "${title}"`);
      await page.waitForTimeout(1_000);
    }
  }
  await page.keyboard.press('Enter');
  // Done when the palette closed or a quick pick of the command replaced it (the widget stays, its input no longer says
  // so).
  /* global document -- runs in the page */
  await page.waitForFunction(
    (typed) => {
      const widget = document.querySelector('.quick-input-widget');
      const input = widget?.querySelector('input');
      return !widget || widget.style.display === 'none' || !widget.offsetParent || input?.value !== typed;
    },
    `>${title}`,
    { timeout: timeoutMs },
  );
}

/** Picks the row of the open quick pick whose text contains `text`, by filtering and Enter. */
export async function pickQuickItem(page, text, { timeoutMs = 15_000 } = {}) {
  const widget = quickInput(page);
  const input = widget.locator('input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(text);
  await widget.locator('.monaco-list-row', { hasText: text }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.press('Enter');
}

/**
 * Signs in with the default credential chain (the host's environment variables) through the Sign In command, and
 * leaves the Secrets view open.
 */
export async function signInWithDefaultChain(page, { timeoutMs = 60_000 } = {}) {
  // Now and then the workbench leaves the just-opened picker inert for good, or drops the Enter that accepts it (no
  // dialog, no notification in the page, nothing in the extension's log): close it and ask again, as a user would.
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, 'KMS Secrets: Sign In', { timeoutMs });
    let problem;
    try {
      await pickQuickItem(page, 'Default credential chain', { timeoutMs: 10_000 });
      await quickInput(page)
        .waitFor({ state: 'hidden', timeout: 10_000 })
        .catch(() => {});
      await openKmsView(page, { timeoutMs });
      if (!(await signedIn(page))) problem = 'the sign-in was not accepted';
    } catch (error) {
      problem = `the sign-in picker did not take input (${error?.message?.split('\n')[0]})`;
    }
    if (!problem) return;
    if (attempt === 3) throw new Error(`${problem} three times`);
    console.log(`[e2e]   ${problem} (attempt ${attempt}); asking again`);
    await page.keyboard.press('Escape');
  }
}

/**
 * Whether the Secrets view (open) shows a connection: its rows appear once one exists, while the welcome content
 * offers Sign In until then. With no rows yet when time is up, only a visible Sign In button says no (in another
 * display language there is nothing to tell by, and the sign-in counts as done).
 */
async function signedIn(page, { timeoutMs = 15_000 } = {}) {
  const sidebar = page.locator('.part.sidebar');
  const row = sidebar.locator('.monaco-list-row').first();
  const button = sidebar.locator('.welcome-view-content .monaco-button', { hasText: /^Sign In$/ }).first();
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await page.waitForTimeout(250))
    if (await row.isVisible().catch(() => false)) return true;
  return !(await button.isVisible().catch(() => false));
}

/** Opens a workspace file by quick open (Ctrl+P) and waits until its editor is the active one. */
export async function openWorkspaceFile(page, relativePath, { timeoutMs = 30_000 } = {}) {
  const base = relativePath.split('/').pop();
  const widget = quickInput(page);
  const input = widget.locator('input');
  // The file search needs the workspace indexed; retry the quick open until the file is listed.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(relativePath);
    const row = widget.locator('.monaco-list-row', { hasText: base }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 5_000 });
      await page.keyboard.press('Enter');
      break;
    } catch {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`quick open did not list ${relativePath}`);
    }
  }
  const tab = page.locator('.tabs-container .tab.active', { hasText: base }).first();
  await tab.waitFor({ state: 'visible', timeout: timeoutMs });
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.waitFor({ state: 'visible', timeout: timeoutMs });
  await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } }); // focus the text
  return editor;
}

/** Moves the cursor of the focused editor to a 1-based line and column with Go to Line (Ctrl+G). */
export async function goToPosition(page, line, column, { timeoutMs = 15_000 } = {}) {
  await page.keyboard.press('Control+G');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`:${line}:${column}`);
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** The text the active editor renders (visible lines only; non-breaking spaces as spaces). */
export async function activeEditorText(page) {
  const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Opens the quick-fix menu (Ctrl+.) at the cursor and returns its locator once it lists `expected` (string or RegExp). */
export async function openQuickFixMenu(page, expected, { timeoutMs = 20_000 } = {}) {
  const menu = page.locator('.action-widget').first();
  const deadline = Date.now() + timeoutMs;
  // Code actions are computed asynchronously; the first Ctrl+. can come before the diagnostics are in.
  for (;;) {
    await page.keyboard.press('Control+.');
    try {
      await menu.getByText(expected).first().waitFor({ state: 'visible', timeout: 5_000 });
      return menu;
    } catch {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`the quick-fix menu never listed ${expected}`);
    }
  }
}

/**
 * Copies demo/workspace to a fresh temporary `order-service` folder (quick fixes edit the copy, never the repository)
 * and returns its path with a remove() for the scenario's clean-up.
 */
export async function copyDemoWorkspace() {
  const { cpSync, mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const parent = mkdtempSync(join(tmpdir().length <= 20 ? tmpdir() : '/tmp', 'kms-demo-'));
  const workspace = join(parent, 'order-service');
  cpSync(join(ROOT, 'demo', 'workspace'), workspace, { recursive: true });
  return { workspace, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/** The demo seed (src/emulator/seeds/demo.json), parsed. */
export const demoSeed = () => JSON.parse(readFileSync(join(ROOT, 'src/emulator/seeds/demo.json'), 'utf8'));

/**
 * What scenarios on the demo share: a copy of the demo workspace, the emulator (transpiled, from out/) with the demo
 * seed and its own keys, and the host options that point the extension at both (default credential chain fed by
 * environment variables; the workspace trusted, since the trust feature stays off). `secrets` adds seed entries (a
 * scenario's own collisions). `close()` stops the emulator and removes the copy.
 */
export async function demoEnvironment(keys, { secrets = [] } = {}) {
  const { createRequire } = await import('node:module');
  const { startEmulator } = createRequire(import.meta.url)(join(ROOT, 'out/src/emulator/server.js'));
  const seed = demoSeed();
  seed.secrets.push(...secrets);
  const kms = await startEmulator({ port: 0, credentials: [keys], seed });
  const demo = await copyDemoWorkspace();
  return {
    seed,
    kms,
    workspace: demo.workspace,
    host: {
      workspace: demo.workspace,
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: keys.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: keys.accessKeySecret,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
      },
      settings: { 'kmsSecrets.endpoint': kms.url, 'kmsSecrets.region': 'cn-hangzhou' },
    },
    async close() {
      await kms.close();
      demo.remove();
    },
  };
}

/**
 * Waits for the open input box to show `title` or `prompt` text (a RegExp or string) and returns its input, so a
 * scenario proves which box appeared before typing into it.
 */
export async function inputBox(page, text, { timeoutMs = 20_000 } = {}) {
  const widget = quickInput(page);
  await widget.getByText(text).first().waitFor({ state: 'visible', timeout: timeoutMs });
  return widget.locator('input');
}

/** Types into the open input box (replacing its value) and waits until the box checked it: a validation runs on input. */
export async function typeInBox(page, text) {
  const input = quickInput(page).locator('input');
  await input.fill(text);
  await page.waitForTimeout(400);
}

/** The text under the open input box: a validation message (error, warning, info) or else the prompt. */
export async function boxMessage(page) {
  const message = quickInput(page).locator('.quick-input-message');
  if (!(await message.count()) || !(await message.first().isVisible())) return '';
  return (await message.first().innerText()).trim();
}

/** Waits until the message under the open input box matches `pattern` (the check behind it may ask KMS first). */
export async function waitForBoxMessage(page, pattern, { timeoutMs = 10_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await boxMessage(page);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`the input box never said ${pattern}; it says "${text}"`);
    await page.waitForTimeout(200);
  }
}

/** Presses Enter in the open box and waits until that box is gone or replaced (its title or prompt no longer shows). */
export async function acceptBox(page, shown, { timeoutMs = 20_000 } = {}) {
  await page.keyboard.press('Enter');
  await quickInput(page).getByText(shown).first().waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** A visible notification toast holding `text` (toasts are what a user sees without opening the bell). */
export function toast(page, text) {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
}

/** The open modal dialog (the workbench's own, in the browser), once it shows `text`. */
export async function dialog(page, text, { timeoutMs = 15_000 } = {}) {
  const box = page.locator('.monaco-dialog-box', { hasText: text }).first();
  await box.waitFor({ state: 'visible', timeout: timeoutMs });
  return box;
}

/** Right-clicks `row` and clicks the context-menu item whose label starts with `label`. */
export async function contextMenu(page, row, label, { timeoutMs = 15_000 } = {}) {
  // A click can be lost either way: the right-click while the tree re-renders the row (no menu opens), or the click on
  // the item (the menu stays open). A user clicks again, and so does this.
  for (let attempt = 1; ; attempt++) {
    await row.click({ button: 'right' });
    const item = page.locator('.monaco-menu .action-item', { hasText: label }).first();
    const shown = await item
      .waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : timeoutMs })
      .then(() => true)
      .catch(() => false);
    if (!shown) {
      if (attempt === 3) throw new Error(`no context menu with "${label}" opened after ${attempt} right-clicks`);
      await page.keyboard.press('Escape'); // whatever opened instead (a hover, a menu without the item)
      continue;
    }
    // The workbench ignores a click on a menu it has only just opened (so releasing the right button cannot pick an
    // item): give it the moment a person's hand takes.
    await page.waitForTimeout(400);
    await item.click();
    const menu = page.locator('.monaco-menu').first();
    const closed = await menu
      .waitFor({ state: 'hidden', timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (closed) return;
    if (attempt === 3) throw new Error(`the context menu item "${label}" did not run after ${attempt} clicks`);
    await page.keyboard.press('Escape');
  }
}

/** The Secrets view's row of a secret (its accessibility label starts with the name). */
export function secretRow(page, name) {
  return page.locator(`.part.sidebar .monaco-list-row[aria-label^="${name},"]`).first();
}

/** Opens a walkthrough by its title through "Welcome: Open Walkthrough..." once its extension is loaded. */
export async function openWalkthrough(page, title, { timeoutMs = 30_000 } = {}) {
  await runCommand(page, 'Welcome: Open Walkthrough...', { timeoutMs });
  await pickQuickItem(page, title, { timeoutMs });
  await page.locator('.getting-started-step').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The steps of the open walkthrough: title and whether its check mark is on. */
export async function walkthroughSteps(page) {
  return page.locator('.getting-started-step').evaluateAll((steps) =>
    steps.map((step) => ({
      title: (step.querySelector('.step-title')?.textContent ?? step.textContent ?? '').trim(),
      done: Boolean(step.querySelector('.codicon-getting-started-step-checked')),
    })),
  );
}

/** Polls `predicate` (sync or async) until it returns a truthy value. */
export async function until(what, predicate, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await predicate();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A wider sidebar, so rows read in full on the README images: drags the sash at the sidebar's right edge until the
 * sidebar is at least `width` pixels wide.
 */
export async function widenSidebar(page, sidebar, width = 440) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const box = await sidebar.boundingBox();
    if (!box || box.width >= width) return;
    const x = box.x + box.width + 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.waitForTimeout(300); // the sash shows under the pointer before it can be dragged
    await page.mouse.down();
    await page.mouse.move(x + Math.max(width - box.width, 40), y, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
  }
}
