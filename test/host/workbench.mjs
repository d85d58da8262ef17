// Page-level helpers for driving the VS Code workbench in Chromium: what e2e scenarios and the .vsix check have in common.
// Selectors go by role and aria-label (what a screen reader sees), which survives VS Code's DOM reshuffles better than classes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './install-host.mjs';

export const manifest = () => JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Resolves when the workbench has rendered its activity bar; contributed containers appear there once extensions are scanned. */
export async function waitForWorkbench(page, { timeoutMs = 60_000 } = {}) {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The activity-bar entry of a view container, found by its aria-label (its title, possibly followed by a keybinding). */
export function activityItem(page, title) {
  return page.locator(`.part.activitybar a.action-label:is([aria-label="${title}"], [aria-label^="${title} ("])`).first();
}

/** Clicks the KMS Secrets activity-bar item (unless its container is already showing) and waits for the Secrets view. */
export async function openKmsView(page, { timeoutMs = 30_000 } = {}) {
  const { contributes } = manifest();
  const container = contributes.viewsContainers.activitybar.find((c) => c.id === 'kmsSecrets');
  const view = contributes.views.kmsSecrets.find((v) => v.id === 'kmsSecrets.secrets');
  const item = activityItem(page, container.title);
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  // Clicking the item of the container already showing would close the sidebar; its tab (the parent) says which.
  if ((await item.locator('xpath=..').getAttribute('aria-selected')) !== 'true') await item.click();
  // The sidebar title reads "<container>: <view>" when the container has a single view.
  const sidebar = page.locator('.part.sidebar');
  await sidebar.waitFor({ state: 'visible', timeout: timeoutMs });
  await sidebar.getByText(new RegExp(`${container.title}|${view.name}`, 'i')).first().waitFor({ state: 'visible', timeout: timeoutMs });
  return sidebar;
}

/** Waits until the Secrets view shows its welcome content (no connection yet) and returns the text that matched. */
export async function expectWelcome(page, { timeoutMs = 30_000 } = {}) {
  const entries = manifest().contributes.viewsWelcome.filter((w) => w.view === 'kmsSecrets.secrets');
  if (entries.length === 0) throw new Error('package.json has no welcome content for kmsSecrets.secrets');
  const firstLines = entries.map((w) => w.contents.split('\n')[0].replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').slice(0, 60));
  const sidebar = page.locator('.part.sidebar');
  await Promise.any(
    firstLines.map((text) => sidebar.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: timeoutMs })),
  ).catch(() => {
    throw new Error(`the Secrets view shows none of its welcome texts: ${firstLines.map((t) => JSON.stringify(t)).join(', ')}`);
  });
  return firstLines;
}
