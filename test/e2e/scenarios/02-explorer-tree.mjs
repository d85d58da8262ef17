// A signed-in user: Sign In from the welcome view (default credential chain, fed by environment variables) against the
// local emulator with the demo secrets; the tree lists them with types and tags, versions with their stages and the key
// names of a
// JSON value; a managed secret's tooltip shows its metadata; a declined Reveal Value shows nothing. No value is visible
// anywhere. Publishes explorer.png and explorer-tooltip.png for the README.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../../host/install-host.mjs';

const require = createRequire(import.meta.url);
const KEYS = { accessKeyId: 'e2e-explorer-key-id', accessKeySecret: 'e2e-explorer-key-secret' };
// The transpiled emulator (the runner builds out/ first); started when this scenario is selected, stopped by run().
const { startEmulator } = require(join(ROOT, 'out/src/emulator/server.js'));
const kms = await startEmulator({
  port: 0,
  credentials: [KEYS],
  seed: JSON.parse(readFileSync(join(ROOT, 'src/emulator/seeds/demo.json'), 'utf8')),
});

export const name = 'explorer: sign in, browse the demo secrets, a tooltip, and a declined reveal';
export const timeoutMs = 180_000;
export const host = {
  env: { ALIBABA_CLOUD_ACCESS_KEY_ID: KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEYS.accessKeySecret },
  settings: { 'kmsSecrets.endpoint': kms.url, 'kmsSecrets.region': 'cn-hangzhou' },
};

const VALUES = ['demo-password-not-real', 'demo-api-token-v2-NOT-A-REAL-TOKEN', 'demo-rds-password-not-real'];

export async function run({ page, screenshot, openKmsView }) {
  try {
    const sidebar = await openKmsView(page);
    await sidebar
      .getByRole('button', { name: /sign in/i })
      .first()
      .click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('Default credential chain');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');

    // A wider sidebar, so names and tags read in full on the README image: drag the sash at the sidebar's right edge.
    const sidebarBox = await sidebar.boundingBox();
    if (sidebarBox) {
      const x = sidebarBox.x + sidebarBox.width + 2;
      const y = sidebarBox.y + sidebarBox.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 170, y, { steps: 8 });
      await page.mouse.up();
    }

    const row = (label) => sidebar.locator(`.monaco-list-row[aria-label^="${label},"]`).first();
    const rowWith = (text) => sidebar.locator('.monaco-list-row', { hasText: text }).first();
    await row('demo/orders/db').waitFor({ state: 'visible', timeout: 30_000 });

    // Expand by keyboard once the row is really the selected one (rows move while children load).
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
    await expand(row('demo/app/api-token')); // versions with their stages
    await rowWith('ACSPrevious').waitFor({ state: 'visible', timeout: 15_000 });
    await expand(row('demo/orders/db'));
    await expand(rowWith('2024-06')); // the key names of the JSON value
    await rowWith('password').waitFor({ state: 'visible', timeout: 15_000 });
    await page.mouse.move(900, 500);
    await page.waitForTimeout(800);
    await screenshot('explorer', { publish: true });

    await row('demo/rds/orders-admin').hover();
    const hover = page.locator('.monaco-hover, .workbench-hover', { hasText: 'Rotation' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(500);
    await screenshot('explorer-tooltip', { publish: true });
    const tooltip = await hover.innerText();
    for (const needle of ['acs:kms:cn-hangzhou', 'every 7 days', 'service=orders']) {
      if (!tooltip.includes(needle)) throw new Error(`the tooltip lacks "${needle}": ${tooltip}`);
    }

    // Reveal asks first. The smoke-test driver (which the harness enables) answers every modal dialog with Cancel, so
    // this proves the declined path end to end: no value appears (consent itself is covered by the host tests).
    await page.mouse.move(900, 500);
    await row('demo/app/api-token').hover();
    await row('demo/app/api-token').locator('.action-label[aria-label^="Reveal Value"]').click();
    await page.waitForTimeout(1500);
    if ((await page.locator('.editor-instance .view-lines', { hasText: 'NOT-A-REAL' }).count()) !== 0)
      throw new Error('a value showed without consent');

    const text = await page.locator('.monaco-workbench').innerText();
    for (const value of VALUES)
      if (text.includes(value)) throw new Error(`a secret value is visible in the workbench: ${value.slice(0, 8)}…`);
  } finally {
    await kms.close();
  }
}
