// A signed-in user hovers a `kms://` reference in the demo's .env: the hover shows the secret's metadata (name, region,
// the JSON key it reads, type, description, versions with stages, tags) and never its value. Emulator with the demo
// seed, temporary copy of demo/workspace. Publishes reference-hover.png for the README.
import { demoEnvironment } from '../../host/workbench.mjs';

const KEYS = { accessKeyId: 'e2e-hover-key-id', accessKeySecret: 'e2e-hover-key-secret' };
const env = await demoEnvironment(KEYS);
const { seed } = env;
export const name = 'references: hovering kms://demo/orders/db#password shows metadata, not the value';
export const timeoutMs = 180_000;
export const host = env.host;

/** Every string value of every version of a seeded secret (JSON values walked), for the "never shown" check. */
function seededValues(secretName) {
  const out = [];
  const walk = (v) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const version of seed.secrets.find((s) => s.name === secretName).versions) walk(version.value);
  return out;
}

export async function run({ page, screenshot, signInWithDefaultChain, openWorkspaceFile, goToPosition }) {
  try {
    await signInWithDefaultChain(page);
    const db = seed.secrets.find((s) => s.name === 'demo/orders/db');
    const editor = await openWorkspaceFile(page, '.env');
    await editor
      .locator('.view-lines', { hasText: 'kms://demo/orders/db#password' })
      .waitFor({ state: 'visible', timeout: 15_000 });
    // Line 3: `DB_PASSWORD=kms://demo/orders/db#password` — the cursor inside the reference, then Show Hover (Ctrl+K
    // Ctrl+I).
    const hover = page.locator('.monaco-editor .monaco-hover', { hasText: db.description }).first();
    const deadline = Date.now() + 45_000;
    // Right after sign-in the hover may still say "Sign in to KMS…" (the catalog learns of the connection
    // asynchronously).
    for (;;) {
      await goToPosition(page, 3, 22);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      try {
        await hover.waitFor({ state: 'visible', timeout: 8_000 });
        break;
      } catch {
        await page.keyboard.press('Escape');
        if (Date.now() > deadline)
          throw new Error(`no hover with the description "${db.description}" on the reference`);
      }
    }
    await hover.getByText('Reveal in Explorer').first().waitFor({ state: 'visible', timeout: 10_000 }); // fully rendered
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    for (const needle of [
      'demo/orders/db',
      'cn-hangzhou',
      "JSON key 'password'",
      `Type: ${db.type}`,
      `Description: ${db.description}`,
      'ACSCurrent',
      'service=orders',
    ]) {
      if (!text.includes(needle)) throw new Error(`the hover lacks "${needle}": ${text}`);
    }
    await page.waitForTimeout(500);
    await screenshot('reference-hover', { publish: true });

    const everything = await page.locator('.monaco-workbench').innerText();
    for (const value of seededValues(db.name)) {
      if (value.length >= 8 && everything.includes(value))
        throw new Error(`a value of ${db.name} is visible in the workbench: ${value.slice(0, 6)}…`);
    }
  } finally {
    await env.close();
  }
}
