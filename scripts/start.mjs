// `npm start`: the whole product without an Alibaba Cloud account. Builds, starts the local KMS emulator with the demo
// seed (state in a temporary file), copies the demo workspace to a temporary folder (quick fixes edit the copy, never
// the repository), and serves VS Code with the extension through the test host's code-server: a normal workbench (no
// smoke-test driver, so notifications show as toasts). Ctrl-C stops everything and removes every folder it made.
//   npm start                      → prints "Open http://127.0.0.1:<port>/?folder=…"
//   npm start -- --port-file F     → also writes the URL to F (for scripts)
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from '../test/host/build.mjs';
import { onInterrupt, ROOT, startHost } from '../test/host/host.mjs';
import { hostIsInstalled } from '../test/host/install-host.mjs';
import { preflightOrExit } from './preflight.mjs';

preflightOrExit({ purpose: 'start', hostInstalled: hostIsInstalled() });

const KEY_ID = 'emulator-access-key-id';
const KEY_SECRET = 'emulator-access-key-secret';
const urlFile = process.argv.includes('--port-file')
  ? process.argv[process.argv.indexOf('--port-file') + 1]
  : undefined;

const work = mkdtempSync(join(tmpdir(), 'kms-demo-'));
const workspace = join(work, 'order-service');
cpSync(join(ROOT, 'demo/workspace'), workspace, { recursive: true });
let emulator;

// Ctrl-C: the host's handler stops code-server (and removes its run folder, VS Code's local history of the demo files
// included), then runs this; the emulator must be gone before its folder goes, or its last state save recreates it.
async function cleanUp() {
  if (emulator && emulator.exitCode === null && emulator.signalCode === null) {
    const exited = new Promise((resolve) => emulator.once('exit', resolve));
    emulator.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    emulator.kill('SIGKILL');
  }
  rmSync(work, { recursive: true, force: true, maxRetries: 3 });
}
onInterrupt(cleanUp);
// Any other end (a failed start) still takes the emulator and the copy with it.
process.on('exit', () => {
  emulator?.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

await build();
emulator = spawn(
  process.execPath,
  [
    join(ROOT, 'dist/cli.js'),
    'emulator',
    '--port',
    '0',
    '--seed',
    join(ROOT, 'src/emulator/seeds/demo.json'),
    '--state',
    join(work, 'kms-state.json'),
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, KMS_EMULATOR_CREDENTIALS: `${KEY_ID}:${KEY_SECRET}` },
  },
);
const endpoint = await new Promise((resolve, reject) => {
  createInterface({ input: emulator.stdout }).once('line', (line) =>
    resolve(line.replace(/^KMS emulator listening on /, '')),
  );
  emulator.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it was ready`)));
});

const host = await startHost({
  label: 'start',
  workspace,
  keepOnInterrupt: false,
  extension: ROOT,

  // The default credential chain of the extension finds these: "Sign In → Default credential chain" just works.
  env: {
    ALIBABA_CLOUD_ACCESS_KEY_ID: KEY_ID,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY_SECRET,
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
  },
  settings: {
    'kmsSecrets.endpoint': endpoint,
    // The emulator also answers ActionTrail's LookupEvents (secret usage).
    'kmsSecrets.usage.trailEndpoint': endpoint,
    'kmsSecrets.region': 'cn-hangzhou',
    // The Welcome page lists the walkthrough, and keeps VS Code's walkthrough service alive from the start: steps only
    // tick for what happens while that service runs.
    'workbench.startupEditor': 'welcomePage',
  },
});
const url = host.workbenchUrl({ folder: workspace });
if (urlFile) writeFileSync(urlFile, url);
console.log(`\nKMS emulator: ${endpoint} (demo secrets; state in ${work})`);
console.log(`Open ${url}\n`);
console.log('Press Ctrl-C to stop.');
