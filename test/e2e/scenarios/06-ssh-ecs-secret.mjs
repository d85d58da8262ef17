// ECS secrets as the user sees them: the row names the login's sub-type, instance, region and rotation; hovering
// it shows the tooltip with the ExtendedConfig details and the inline Open SSH Terminal action. No value (password or
// key) is visible. Publishes ssh-ecs-tooltip.png for the README.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../../host/install-host.mjs';

const require = createRequire(import.meta.url);
const KEYS = { accessKeyId: 'e2e-ssh-key-id', accessKeySecret: 'e2e-ssh-key-secret' };
const { startEmulator } = require(join(ROOT, 'out/src/emulator/server.js'));
const kms = await startEmulator({
  port: 0,
  credentials: [KEYS],
  seed: JSON.parse(readFileSync(join(ROOT, 'src/emulator/seeds/demo.json'), 'utf8')),
});

export const name = 'ssh: an ECS secret’s row, tooltip and Open SSH Terminal action';
export const timeoutMs = 180_000;
export const host = {
  env: { ALIBABA_CLOUD_ACCESS_KEY_ID: KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEYS.accessKeySecret },
  settings: { 'kmsSecrets.endpoint': kms.url, 'kmsSecrets.region': 'cn-hangzhou' },
};

export async function run({ page, screenshot, openKmsView, widenSidebar }) {
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

    await widenSidebar(page, sidebar, 520); // the rows' descriptions read in full

    const row = (label) => sidebar.locator(`.monaco-list-row[aria-label^="${label},"]`).first();
    const web = row('acs/ecs/demo-web-01/ecs-user');
    await web.waitFor({ state: 'visible', timeout: 30_000 });
    // The row's description arrives with the background DescribeSecret.
    await web.getByText('SSH key · i-demo0000000000001').waitFor({ state: 'visible', timeout: 15_000 });
    await row('acs/ecs/demo-bastion/root')
      .getByText('Password · i-demo0000000000000')
      .waitFor({ state: 'visible', timeout: 15_000 });

    await web.hover();
    await web.locator('.action-label[aria-label^="Open SSH Terminal"]').waitFor({ state: 'visible', timeout: 10_000 });
    const hover = page.locator('.monaco-hover, .workbench-hover', { hasText: 'Instance region' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(500);
    await screenshot('ssh-ecs-tooltip', { publish: true });
    const tooltip = await hover.innerText();
    for (const needle of ['SSH key', 'i-demo0000000000001', 'host=web-01.demo.invalid', 'Rotation']) {
      if (!tooltip.includes(needle)) throw new Error(`the tooltip lacks "${needle}": ${tooltip}`);
    }
    const text = await page.locator('.monaco-workbench').innerText();
    for (const value of ['demo-ecs-password-not-real', 'PRIVATE KEY'])
      if (text.includes(value)) throw new Error(`a secret value is visible in the workbench: ${value.slice(0, 8)}…`);
  } finally {
    await kms.close();
  }
}
