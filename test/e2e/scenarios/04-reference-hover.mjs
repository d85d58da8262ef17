// A signed-in user hovers a `kms://` reference in the demo's .env: the hover shows the secret's metadata (name, region,
// the JSON key it reads, type, description, versions with stages, tags) and never its value. Emulator with the demo seed,
// temporary copy of demo/workspace. Publishes reference-hover.png for the README.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../../host/install-host.mjs';
import { copyDemoWorkspace } from '../../host/workbench.mjs';

const require = createRequire(import.meta.url);
const KEYS = { accessKeyId: 'e2e-hover-key-id', accessKeySecret: 'e2e-hover-key-secret' };
const seed = JSON.parse(readFileSync(join(ROOT, 'src/emulator/seeds/demo.json'), 'utf8'));
const { startEmulator } = require(join(ROOT, 'out/src/emulator/server.js'));
const kms = await startEmulator({ port: 0, credentials: [KEYS], seed });
const demo = await copyDemoWorkspace();

export const name = 'references: hovering kms://demo/orders/db#password shows metadata, not the value';
export const timeoutMs = 180_000;
export const host = {
  workspace: demo.workspace,
  env: { ALIBABA_CLOUD_ACCESS_KEY_ID: KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEYS.accessKeySecret, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' },
  settings: { 'kmsSecrets.endpoint': kms.url, 'kmsSecrets.region': 'cn-hangzhou' },
};

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
    await editor.locator('.view-lines', { hasText: 'kms://demo/orders/db#password' }).waitFor({ state: 'visible', timeout: 15_000 });
    // Line 3: `DB_PASSWORD=kms://demo/orders/db#password` — the cursor inside the reference, then Show Hover (Ctrl+K Ctrl+I).
    const hover = page.locator('.monaco-editor .monaco-hover', { hasText: db.description }).first();
    const deadline = Date.now() + 45_000;
    // Right after sign-in the hover may still say "Sign in to KMS…" (the catalog learns of the connection asynchronously).
    for (;;) {
      await goToPosition(page, 3, 22);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      try {
        await hover.waitFor({ state: 'visible', timeout: 8_000 });
        break;
      } catch {
        await page.keyboard.press('Escape');
        if (Date.now() > deadline) throw new Error(`no hover with the description "${db.description}" on the reference`);
      }
    }
    await hover.getByText('Reveal in Explorer').first().waitFor({ state: 'visible', timeout: 10_000 }); // fully rendered
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    for (const needle of ['demo/orders/db', 'cn-hangzhou', "JSON key 'password'", `Type: ${db.type}`, `Description: ${db.description}`, 'ACSCurrent', 'service=orders']) {
      if (!text.includes(needle)) throw new Error(`the hover lacks "${needle}": ${text}`);
    }
    await page.waitForTimeout(500);
    await screenshot('reference-hover', { publish: true });

    const everything = await page.locator('.monaco-workbench').innerText();
    for (const value of seededValues(db.name)) {
      if (value.length >= 8 && everything.includes(value)) throw new Error(`a value of ${db.name} is visible in the workbench: ${value.slice(0, 6)}…`);
    }
  } finally {
    await kms.close();
    demo.remove();
  }
}
