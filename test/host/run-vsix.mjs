// The packaged extension, as a user gets it: `npm run package` → dist/kms-secrets.vsix (size and contents checked: at
// most 300 KiB, the icon in, the CLI bundle and sourcemaps out), installed with
// `code-server --install-extension` into a throw-away extensions dir, then the workbench opens WITHOUT the development
// payload. The view container and welcome text come from the manifest alone, so the proof of activation is the
// extension's own "Activated in N ms." line in its log file — the bundle loaded and activate() ran without the
// repository beside it.
// Exit 0/1/2 (pass/fail/time-out). --no-package reuses an existing dist/kms-secrets.vsix.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, withHost } from './host.mjs';
import { expectWelcome, openKmsView, waitForWorkbench } from './workbench.mjs';

export const VSIX = join(ROOT, 'dist', 'kms-secrets.vsix');
/** Marketplace budget (issue 16): the extension bundle, manifest, README, icon and walkthrough, nothing else. */
const MAX_BYTES = 300 * 1024;
/** Must be in the package, and must not (the CLI is for npm, not loaded by the extension; maps are for development). */
const REQUIRED = [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/scanWorker.js',
  'extension/dist/maskedShell.js',
  'extension/media/icon.png',
];
const FORBIDDEN = [/^extension\/dist\/cli\.js$/, /\.map$/, /^extension\/(src|test|out|node_modules)\//];
const WORKSPACE = join(ROOT, 'test', 'fixtures', 'workspace');

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** File names in a zip, from its central directory (enough of the format for a .vsix; no dependency). */
export function zipEntries(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt central directory');
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function packageVsix() {
  console.log('[vsix] $ npm run package');
  // stdin closed: vsce must never wait for an answer in CI.
  const result = spawnSync('npm', ['run', '--silent', 'package'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`npm run package failed (exit ${result.status ?? result.signal})`);
}

/** Finds the extension's own log line in the server's log folder (logs/SESSION/exthostN/EXTENSION-ID/NAME.log). */
function activationLine(userDataDir, extensionId) {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return undefined;
  for (const file of readdirSync(logs, { recursive: true, encoding: 'utf8' })) {
    if (!file.includes(`${extensionId}/`) || !file.endsWith('.log')) continue;
    const match = /Activated in (\d+) ms/.exec(readFileSync(join(logs, file), 'utf8'));
    if (match) return Number(match[1]);
  }
  return undefined;
}

export async function checkVsix({ skipPackage = false } = {}) {
  if (!skipPackage) packageVsix();
  if (!existsSync(VSIX)) throw new Error(`${VSIX} was not produced`);
  const bytes = statSync(VSIX).size;
  const extensionJs = statSync(join(ROOT, 'dist', 'extension.js')).size;
  console.log(
    `[vsix] dist/kms-secrets.vsix: ${bytes} bytes (${kib(bytes)}); dist/extension.js (production): ${extensionJs} bytes (${kib(extensionJs)})`,
  );
  if (bytes > MAX_BYTES) {
    console.error(`[vsix] the package is ${kib(bytes)}, over the ${kib(MAX_BYTES)} budget: check .vscodeignore`);
    return 1;
  }
  const entries = zipEntries(readFileSync(VSIX));
  const missing = REQUIRED.filter((name) => !entries.includes(name));
  const unwanted = entries.filter((name) => FORBIDDEN.some((pattern) => pattern.test(name)));
  if (missing.length || unwanted.length) {
    console.error(
      `[vsix] missing: ${missing.join(', ') || 'nothing'}; must not ship: ${unwanted.join(', ') || 'nothing'}`,
    );
    return 1;
  }
  console.log(`[vsix] ${entries.length} files, within the ${kib(MAX_BYTES)} budget; no CLI bundle, no sourcemaps`);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const extensionId = `${manifest.publisher}.${manifest.name}`.toLowerCase();

  return withHost(
    { label: 'vsix', workspace: WORKSPACE, install: [VSIX] },
    async (host) => {
      const installed = readdirSync(host.extensionsDir).filter((d) => d.toLowerCase().startsWith(`${extensionId}-`));
      if (installed.length !== 1)
        throw new Error(
          `expected ${extensionId} in ${host.extensionsDir}, found: ${readdirSync(host.extensionsDir).join(', ') || 'nothing'}`,
        );
      console.log(`[vsix] installed as ${installed[0]}`);
      const { page } = await host.openWorkbench();
      await waitForWorkbench(page);
      await openKmsView(page);
      await expectWelcome(page);
      const deadline = Date.now() + 30_000;
      let ms;
      while ((ms = activationLine(host.userDataDir, extensionId)) === undefined) {
        if (Date.now() > deadline)
          throw new Error('the installed extension never logged "Activated in N ms." (did activate() run?)');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      console.log(
        `[vsix] the installed extension activated (activate() ${ms} ms, from its log); its view shows the welcome text`,
      );
      return 0;
    },
    { timeoutMs: 120_000 },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exit(await checkVsix({ skipPackage: process.argv.includes('--no-package') }));
  } catch (error) {
    console.error(`[vsix] ${error.message}`);
    process.exit(1);
  }
}
