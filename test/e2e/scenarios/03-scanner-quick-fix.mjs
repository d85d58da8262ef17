// A hard-coded password in code: the live scanner underlines it as soon as the file opens, and Ctrl+. on it offers to
// move it into KMS. No sign-in needed to see the finding. Works on a temporary copy of demo/workspace. Publishes
// scanner-quick-fix.png for the README.
import { copyDemoWorkspace } from '../../host/workbench.mjs';

const demo = await copyDemoWorkspace();

export const name =
  'scanner: a hard-coded password is underlined and its quick fix offers "Move password to KMS secret…"';
export const timeoutMs = 150_000;
export const host = { workspace: demo.workspace };

const MOVE = 'Move password to KMS secret…';

export async function run({ page, screenshot, openWorkspaceFile, goToPosition, openQuickFixMenu }) {
  try {
    const editor = await openWorkspaceFile(page, 'app/db.js');
    // The live scanner's diagnostics render as squiggles (severity per rule) over the literals.
    await editor
      .locator('.squiggly-error, .squiggly-warning, .squiggly-info')
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    // Line 7: `  password: 'Orders-Pr0d-2024!',` — the cursor inside the literal.
    await goToPosition(page, 7, 18);
    const menu = await openQuickFixMenu(page, MOVE);
    const items = await menu.innerText();
    for (const expected of [MOVE, 'Use existing KMS secret…']) {
      if (!items.includes(expected)) throw new Error(`the quick-fix menu lacks "${expected}": ${items}`);
    }
    // The Problems status-bar item counts the findings; the diagnostics carry the extension's source.
    await page.waitForTimeout(600);
    await screenshot('scanner-quick-fix', { publish: true });
    await page.keyboard.press('Escape');
  } finally {
    demo.remove();
  }
}
