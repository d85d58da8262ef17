// What the extension-host suites share: the extension's test hooks, settings pointed at a local emulator, a sign-in
// with typed-in keys, and `useEmulator`, which does all of it (and undoes it) as mocha hooks of the calling suite.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEmulator, type EmulatorOptions, type RunningEmulator, type SeedFile } from '../../src/emulator/server';
import type { ExtensionTestApi } from '../../src/extension';
import { scripted } from '../../src/platform/automation';

export const EXTENSION_ID = 'kms-secrets.kms-secrets';
/** The keys the emulator accepts; typed in at sign-in, so they must stay in SecretStorage (tests check settings). */
export const ACCESS_KEY = { accessKeyId: 'explorer-test-key-id', accessKeySecret: 'explorer-test-key-secret' };

export type TestApi = Required<ExtensionTestApi>;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Activates the extension and returns its test hooks (the host runs in test mode: src/platform/automation.ts). */
export async function api(): Promise<TestApi> {
  const ext = vscode.extensions.getExtension<ExtensionTestApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const exports = await ext.activate();
  assert.ok(exports?.explorer, 'activate() returns the test hooks in the test host');
  return exports as TestApi;
}

/** Points the user settings at `endpoint` ('' = back to the defaults), in cn-hangzhou, listing `regions`. */
export async function configure(endpoint: string, regions: string[] = []): Promise<void> {
  const config = vscode.workspace.getConfiguration('kmsSecrets');
  await config.update('endpoint', endpoint || undefined, vscode.ConfigurationTarget.Global);
  await config.update('region', endpoint ? 'cn-hangzhou' : undefined, vscode.ConfigurationTarget.Global);
  await config.update('explorer.regions', regions.length ? regions : undefined, vscode.ConfigurationTarget.Global);
}

export async function signInWithKeys(name = 'explorer-test', keys = ACCESS_KEY): Promise<void> {
  await vscode.commands.executeCommand(
    'kmsSecrets.signIn',
    scripted({ source: 'stored', name, credentials: { mode: 'AK', ...keys } }),
  );
}

export async function signOut(): Promise<void> {
  await vscode.commands.executeCommand('kmsSecrets.signOut', scripted({ forgetCredentials: true }));
}

/** Polls until `probe` returns something other than undefined. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Text of the extension's log files (the LogOutputChannel writes `<logUri>/<name>.log`). */
export async function logText(a: TestApi): Promise<string> {
  await sleep(500); // the log service writes asynchronously
  let text = '';
  for (const [name, type] of await vscode.workspace.fs.readDirectory(a.logUri)) {
    if (type === vscode.FileType.File && name.endsWith('.log')) {
      text += new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(a.logUri, name)));
    }
  }
  return text;
}

export interface EmulatorFixture {
  readonly kms: RunningEmulator;
  readonly api: TestApi;
  /** Where the extension sends its requests: the emulator, or what `through` put in front of it. */
  readonly endpoint: string;
}

/**
 * Registers the calling suite's before/after hooks: an emulator with `seed` (accepting ACCESS_KEY), the user settings
 * pointed at it (or at `through(emulatorUrl)`, e.g. a proxy), and a sign-in with the keys; afterwards sign-out, the
 * settings back to their defaults, everything closed. The fixture's fields are valid inside the suite's tests.
 */
export function useEmulator(options: {
  seed: SeedFile;
  latencyMs?: EmulatorOptions['latencyMs'];
  through?: (emulatorUrl: string) => Promise<{ url: string; close: () => Promise<void> }>;
}): EmulatorFixture {
  let kms: RunningEmulator | undefined;
  let a: TestApi | undefined;
  let front: { url: string; close: () => Promise<void> } | undefined;
  before(async () => {
    kms = await startEmulator({ port: 0, credentials: [ACCESS_KEY], seed: options.seed, latencyMs: options.latencyMs });
    front = options.through ? await options.through(kms.url) : undefined;
    a = await api();
    await configure(front?.url ?? kms.url);
    await signInWithKeys();
  });
  after(async () => {
    await signOut();
    await configure('');
    await front?.close();
    await kms?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    assert.ok(value !== undefined, `${what} is set up in before()`);
    return value;
  };
  return {
    get kms() {
      return ready(kms, 'the emulator');
    },
    get api() {
      return ready(a, 'the extension');
    },
    get endpoint() {
      return front?.url ?? ready(kms, 'the emulator').url;
    },
  };
}
