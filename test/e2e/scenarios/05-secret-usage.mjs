// A signed-in user with the unused marks on opens Show Usage on demo/orders/db from the explorer's context menu: the
// Usage view lists who read it (a role session 2 hours ago, alice yesterday, a failed attempt by intern-bob), newest
// first, from the emulator's ActionTrail; the secrets nobody read in 7 days carry the mark. No value is visible.
// Publishes secret-usage.png for the README.
import { demoEnvironment } from '../../host/workbench.mjs';

const KEYS = { accessKeyId: 'e2e-usage-key-id', accessKeySecret: 'e2e-usage-key-secret' };
const env = await demoEnvironment(KEYS);
const { seed, kms } = env;
export const name = 'usage: Show Usage on demo/orders/db lists its readers from ActionTrail; unused secrets are marked';
export const timeoutMs = 180_000;
export const host = {
  ...env.host,
  settings: { ...env.host.settings, 'kmsSecrets.usage.trailEndpoint': kms.url, 'kmsSecrets.usage.markUnused': true },
};

/** Every string value of every seeded secret (JSON values walked), for the "never shown" check. */
function seededValues() {
  const out = [];
  const walk = (v) => {
    if (typeof v === 'string') out.push(v);
    // An ECS secret's UserName is the login the explorer shows on purpose (and part of the demo secret's name).
    else if (v && typeof v === 'object') Object.entries(v).forEach(([key, value]) => key !== 'UserName' && walk(value));
  };
  for (const secret of seed.secrets) for (const version of secret.versions ?? []) walk(version.value);
  return out.filter((v) => v.length >= 8);
}

export async function run({ page, screenshot, signInWithDefaultChain, openKmsView, widenSidebar, contextMenu }) {
  try {
    await signInWithDefaultChain(page);
    const sidebar = await openKmsView(page);
    await widenSidebar(page, sidebar, 540); // the usage rows read in full on the README image
    const secretRow = sidebar.locator('.monaco-list-row[aria-label^="demo/orders/db,"]').first();
    await secretRow.waitFor({ state: 'visible', timeout: 30_000 });
    await contextMenu(page, secretRow, 'Show Usage');

    const usageRow = (label) => sidebar.locator(`.monaco-list-row[aria-label^="${label}"]`).first();
    await usageRow('GetSecretValue by orders-app-role:orders-7f9c (role session), 2 hours ago').waitFor({
      state: 'visible',
      timeout: 45_000,
    });
    await usageRow('GetSecretValue by alice (RAM user), yesterday').waitFor({ state: 'visible', timeout: 10_000 });
    const failed = usageRow('GetSecretValue by intern-bob (RAM user), 3 days ago');
    await failed.waitFor({ state: 'visible', timeout: 10_000 });
    const label = await failed.getAttribute('aria-label');
    if (!label.includes('failed with Forbidden.NoPermission')) throw new Error(`the failed read says: ${label}`);
    // PutSecretValue 10 days ago lies outside the default 7 days.
    if ((await sidebar.locator('.monaco-list-row[aria-label^="PutSecretValue"]').count()) !== 0)
      throw new Error('an event older than the window is listed');

    await page.mouse.move(900, 560);
    await page.waitForTimeout(1500); // the unused marks arrive after their ActionTrail scan
    await screenshot('secret-usage', { publish: true });

    const text = await page.locator('.monaco-workbench').innerText();
    for (const value of seededValues())
      if (text.includes(value)) throw new Error(`a secret value is visible in the workbench: ${value.slice(0, 6)}…`);
  } finally {
    await env.close();
  }
}
