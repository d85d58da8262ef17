// The one launcher for a real VS Code: code-server (VS Code 1.139.1 server + web workbench, on Node 24) plus Debian's
// Chromium driven by playwright-core. Integration runs, end-to-end scenarios, the packaged-.vsix check and the
// interactive `npm start` all go through here, so the isolation, the settings and the clean-up rules live in one place.
//
//   const host = await startHost({ label: 'e2e', workspace, env: { ... } });   // server up, nothing open yet
//   const wb = await host.openWorkbench({ payload: devPayload(host, { tests: '/abs/out/test/integration/index.js' })
// });
//   const code = await wb.exited;                                               // codeAutomationExit(code) from the
// workbench
//   await host.stop();                                                          // or host.fail('why') to keep the
// evidence
//
// Without a test index (`npm start`, end-to-end scenarios) there is no driver, and the extension comes in through
// startHost({ extension: ROOT }) instead of the development payload. An interactive server uses
// startHost({ keepOnInterrupt: false }) and host.workbenchUrl(), runs until SIGINT, and registers its own clean-up
// with onInterrupt(): the host stops first, then every handler runs, then the process exits.
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { CODE_SERVER_ENTRY, NODE24, ROOT, ensureHost } from './install-host.mjs';

export { ROOT };
export const CHROMIUM = process.env.KMS_CHROMIUM || '/usr/bin/chromium';
export const VERBOSE = /^(1|true)$/i.test(process.env.KMS_HOST_VERBOSE ?? '');

export const CHROMIUM_ARGS = [
  '--no-sandbox', // root in CI; the page is our own localhost workbench
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage', // small /dev/shm in containers crashes the renderer
];

/** Workbench user settings for every run: nothing starts in the background, updates, phones home or asks to save. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'git.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  // Built-in extensions fetch JSON schemas and npm package facts through http.proxy: noise in the proxy tests.
  'json.schemaDownload.enable': false,
  'npm.fetchOnlinePackageInfo': false,
  'debug.saveBeforeStart': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  // The (empty, AI-less) secondary sidebar would otherwise take a third of every screenshot.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const live = new Set();
const interruptHandlers = new Set();

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every process that runs with the run folder's isolated HOME, whatever its process group: a debuggee that js-debug
 * started detached, a language server, a watcher. Linux only (the host runs nowhere else): reads /proc/<pid>/environ.
 */
export function processesOf(dir) {
  const marker = Buffer.from(`HOME=${join(dir, 'home')}\0`);
  const pids = [];
  let entries = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`).includes(marker)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

function killStragglers(dir) {
  for (const pid of processesOf(dir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * Runs `handler` (may be async) when SIGINT or SIGTERM ends the process, after every live host has stopped: how a
 * script that owns more than the host (the demo's emulator and workspace copy) cleans up on Ctrl-C. Returns an undo.
 */
export function onInterrupt(handler) {
  interruptHandlers.add(handler);
  return () => interruptHandlers.delete(handler);
}

// A run interrupted by Ctrl-C or a CI cancel must not leave a code-server (and its extension hosts) behind. Test runs
// keep their folder as evidence; interactive hosts (`keepOnInterrupt: false`) remove it. The process exits only after
// every clean-up ran, so nothing is cut short by an early exit.
process.on('exit', () => {
  for (const host of live) {
    killGroup(host.pid, 'SIGKILL');
    killStragglers(host.dir);
  }
});
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, async () => {
    // A second Ctrl-C while cleaning up ends at once (the exit handler above still kills the servers).
    process.once(signal, () => process.exit(code));
    await Promise.all(
      [...live].map(async (host) => {
        const keep = host.keepOnInterrupt;
        await host.stop({ keep, quiet: true }).catch(() => {});
        if (keep) console.error(`[host] interrupted; run folder kept: ${host.dir}`);
      }),
    );
    for (const handler of interruptHandlers) {
      try {
        await handler();
      } catch (error) {
        console.error(`[host] clean-up failed: ${error?.message ?? error}`);
      }
    }
    process.exit(code);
  });
}

/** A short folder for the run: VS Code puts unix sockets under $TMPDIR and the user-data dir, and those paths max out ~107. */
function runFolder(label) {
  const base = tmpdir().length <= 20 ? tmpdir() : '/tmp';
  return mkdtempSync(join(base, `kms-${label.replace(/[^a-z0-9]/gi, '').slice(0, 8)}-`));
}

/**
 * `--locale zh-cn` alone leaves VS Code in English: the server resolves the display language only through a language
 * pack listed in `<user-data>/languagepacks.json` (what installing Microsoft's language-pack extension writes; that
 * extension comes from the Marketplace, out of reach here). Registering an empty pack for the locale — its translations
 * of the workbench's own strings are none, so the workbench chrome stays English — makes VS Code resolve the language
 * exactly as with the real pack: the workbench and every extension host get `vscode.env.language === locale`, and
 * extensions get their `package.nls.<locale>.json` and `l10n/bundle.l10n.<locale>.json`.
 */
function registerLanguagePack(dir, userDataDir, locale) {
  const translations = join(dir, 'language-pack', 'main.i18n.json');
  mkdirSync(join(dir, 'language-pack'), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = {
    hash: `test-${locale}`,
    extensions: [{ extensionIdentifier: { id: `kms-secrets-tests.language-pack-${locale}` }, version: '0.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/** The environment of an outer `npm test` or desktop VS Code must not leak into the server or its extension hosts. */
function cleanEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|VSCODE_|ELECTRON_|NODE_OPTIONS$|CODE_SERVER_)/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

function isolatedEnv(dir) {
  const env = cleanEnv();
  const paths = {
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'home', '.config'),
    XDG_DATA_HOME: join(dir, 'home', '.local', 'share'),
    XDG_CACHE_HOME: join(dir, 'home', '.cache'),
    XDG_STATE_HOME: join(dir, 'home', '.local', 'state'),
    XDG_RUNTIME_DIR: join(dir, 'run'),
    TMPDIR: join(dir, 'tmp'),
  };
  for (const path of Object.values(paths)) mkdirSync(path, { recursive: true, mode: 0o700 });
  return { ...env, ...paths };
}

function timeout(ms, what) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`${what} timed out after ${ms / 1000} s`), { timedOut: true })),
      ms,
    );
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/**
 * Starts code-server on 127.0.0.1 (a port the OS picks) in a fresh run folder.
 * options: label, workspace (folder to open; default none), trust (default false = --disable-workspace-trust),
 * env (extra variables for the server and so for every extension host), settings (merged over BASE_SETTINGS),
 * install (.vsix files installed into the throw-away extensions dir first), locale (VS Code's display language, e.g.
 * 'zh-cn': see registerLanguagePack), startTimeoutMs,
 * driver (default false: the smoke-test driver, which runs a test payload and calls codeAutomationExit but also hides
 * notification toasts and cancels every modal dialog; only runs of an extension-host test index need it),
 * keepOnInterrupt (default true: Ctrl-C keeps the run folder as evidence; the interactive demo removes it),
 * extension (a folder linked into the extensions dir as an installed extension: how a workbench without the driver
 * loads this repository, since a built workbench honours the development payload only together with the driver).
 */
export async function startHost({
  label = 'host',
  workspace,
  trust = false,
  env = {},
  settings = {},
  install = [],
  locale,
  startTimeoutMs = 60_000,
  driver = false,
  keepOnInterrupt = true,
  extension,
} = {}) {
  ensureHost();
  const dir = runFolder(label);
  const userDataDir = join(dir, 'data');
  const extensionsDir = join(dir, 'ext');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  if (extension) {
    const { publisher, name, version } = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
    symlinkSync(extension, join(extensionsDir, `${publisher}.${name}-${version}`), 'dir');
  }
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  if (locale && !locale.startsWith('en')) registerLanguagePack(dir, userDataDir, locale);
  const logFile = join(dir, 'server.log');
  const reportFile = join(dir, 'report.txt');
  // Extension hosts inherit the server's environment: that is how the in-host test runner learns where to write its
  // report.
  const serverEnv = { ...isolatedEnv(dir), KMS_TEST_REPORT: reportFile, ...env };
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  for (const vsix of install) {
    const result = spawnSync(NODE24, [CODE_SERVER_ENTRY, ...common, '--install-extension', vsix], {
      env: serverEnv,
      encoding: 'utf8',
      timeout: 120_000,
    });
    appendFileSync(logFile, `$ code-server --install-extension ${vsix}\n${result.stdout}${result.stderr}\n`);
    if (result.status !== 0)
      throw new Error(
        `installing ${vsix} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
      );
  }

  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr',
    '127.0.0.1:0', // the OS picks a free port; read back from the "listening" line, so no race
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(trust ? [] : ['--disable-workspace-trust']),
    ...(locale ? ['--locale', locale] : []),
    ...common,
    // Without it the workbench ignores extensionTestsPath and never calls codeAutomationExit.
    ...(driver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const child = spawn(NODE24, args, { cwd: dir, env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const host = { pid: child.pid, dir, keepOnInterrupt };
  live.add(host);

  let output = '';
  const port = await new Promise((resolve, reject) => {
    const limit = setTimeout(
      () => reject(new Error(`code-server did not listen within ${startTimeoutMs / 1000} s`)),
      startTimeoutMs,
    );
    const onData = (chunk) => {
      const text = chunk.toString();
      appendFileSync(logFile, text);
      if (VERBOSE) process.stderr.write(`[code-server] ${text}`);
      output += text;
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(limit);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(limit);
      reject(
        new Error(`code-server exited before listening (${code ?? signal}); log: ${logFile}\n${output.slice(-2000)}`),
      );
    });
  }).catch(async (error) => {
    killGroup(child.pid, 'SIGKILL');
    live.delete(host);
    throw Object.assign(error, { runFolder: dir });
  });

  const origin = `http://127.0.0.1:${port}`;
  let context;
  let stopped = false;

  Object.assign(host, {
    port,
    origin,
    userDataDir,
    extensionsDir,
    logFile,
    reportFile,
    workspace,
    /** A path on the server as the workbench names it. */
    remoteUri: (absPath) => `vscode-remote://127.0.0.1:${port}${absPath}`,
    /** The address to open: the workspace folder plus, for development runs, the payload from devPayload(). */
    workbenchUrl({ folder = workspace, payload } = {}) {
      const query = [];
      if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
      if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `${origin}/${query.length ? `?${query.join('&')}` : ''}`;
    },

    /**
     * Opens the workbench in headless Chromium. `exited` settles with the code the workbench hands to
     * codeAutomationExit (only when a test payload ran). onLog receives the workbench's codeAutomationLog lines.
     */
    async openWorkbench({
      folder,
      payload,
      viewport = { width: 1280, height: 800 },
      onLog,
      loadTimeoutMs = 60_000,
    } = {}) {
      const { chromium } = await import('playwright-core');
      // A persistent context keeps Chromium's profile inside the run folder, and Playwright takes its artifacts folder
      // from this process's TMPDIR at launch: both stay out of the machine's /tmp and go away with the run folder.
      const outerTmp = process.env.TMPDIR;
      process.env.TMPDIR = serverEnv.TMPDIR;
      try {
        context = await chromium.launchPersistentContext(join(dir, 'chromium'), {
          executablePath: CHROMIUM,
          headless: true,
          args: CHROMIUM_ARGS,
          env: serverEnv,
          viewport,
        });
      } finally {
        if (outerTmp === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = outerTmp;
      }
      const page = context.pages()[0] ?? (await context.newPage());
      let resolveExit;
      const exited = new Promise((resolve) => (resolveExit = resolve));
      const workbenchLog = join(dir, 'workbench.log');
      await page.exposeFunction('codeAutomationLog', (type, args) => {
        const line = `[${type}] ${(Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}\n`;
        appendFileSync(workbenchLog, line);
        if (VERBOSE) process.stderr.write(`[workbench] ${line}`);
        onLog?.(type, args);
      });
      await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
      page.on('pageerror', (error) => appendFileSync(workbenchLog, `[pageerror] ${error.stack ?? error}\n`));
      page.on('console', (message) => {
        if (message.type() === 'error') appendFileSync(workbenchLog, `[console.error] ${message.text()}\n`);
      });
      await page.goto(this.workbenchUrl({ folder, payload }), {
        waitUntil: 'domcontentloaded',
        timeout: loadTimeoutMs,
      });
      return { page, context, exited };
    },

    /** Saves a screenshot of the open workbench into the run folder (or `file`); never throws. */
    async screenshot(file = join(dir, 'screenshot.png')) {
      const page = context?.pages()[0];
      if (!page) return undefined;
      try {
        await page.screenshot({ path: file, timeout: 10_000 });
        return file;
      } catch {
        return undefined;
      }
    },

    /** Stops the browser and the server's whole process group; removes the run folder unless kept. */
    async stop({ keep = false, quiet = false } = {}) {
      if (stopped) return;
      stopped = true;
      if (context) await context.close().catch(() => {});
      killGroup(child.pid, 'SIGTERM');
      const gone = await new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
        const limit = setTimeout(() => resolve(false), 5_000);
        child.once('exit', () => {
          clearTimeout(limit);
          resolve(true);
        });
      });
      // Extension hosts and watchers are in the group too; the server exiting does not mean they did.
      killGroup(child.pid, 'SIGKILL');
      if (!gone) child.kill('SIGKILL');
      // What left the group (a detached debuggee) still runs with the run folder as its HOME.
      killStragglers(dir);
      live.delete(host);
      if (!keep) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      else if (!quiet) console.error(`[host] run folder kept: ${dir}`);
    },

    /** Keeps the evidence of a failed or timed-out run: a screenshot and the whole run folder. */
    async fail(reason) {
      const shot = await this.screenshot(join(dir, 'failure.png'));
      console.error(
        `[host] ${reason}${shot ? `; screenshot: ${shot}` : ''}; logs: ${logFile}, ${join(dir, 'workbench.log')}`,
      );
      await this.stop({ keep: true });
    },
  });
  return host;
}

/**
 * The workbench payload for the extension in development mode (this repository), optionally with a test index to run.
 * The test index must live inside the extension folder: the workbench runs it in that extension's host. A built
 * workbench reads this payload only with the smoke-test driver on (startHost({ driver: true })).
 */
export function devPayload(host, { extensionPath = ROOT, tests } = {}) {
  const payload = [['extensionDevelopmentPath', host.remoteUri(extensionPath)]];
  if (tests) payload.push(['extensionTestsPath', host.remoteUri(tests)]);
  return payload;
}

/**
 * Runs `body(host)` on a fresh host with a deadline, and turns the outcome into the exit code convention of every
 * runner here: 0 passed, 1 failed, 2 timed out. The run folder is removed on success and kept (with a screenshot)
 * otherwise.
 */
export async function withHost(options, body, { timeoutMs = 180_000 } = {}) {
  let host;
  const deadline = timeout(timeoutMs, options.label ?? 'run');
  try {
    host = await Promise.race([startHost(options), deadline.promise]);
    const running = Promise.resolve().then(() => body(host));
    // After a time-out the body keeps going against a closing browser; its late rejection must not crash the runner.
    running.catch(() => {});
    const code = await Promise.race([running, deadline.promise]);
    deadline.clear();
    if (code === 0) await host.stop();
    else await host.fail(`${options.label ?? 'run'} failed (exit ${code})`);
    return code;
  } catch (error) {
    deadline.clear();
    const timedOut = Boolean(error?.timedOut);
    console.error(`[host] ${timedOut ? '' : 'error: '}${error?.stack ?? error}`);
    if (host) await host.fail(timedOut ? 'timed out' : 'failed');
    else if (error?.runFolder) console.error(`[host] run folder kept: ${error.runFolder}`);
    return timedOut ? 2 : 1;
  }
}

/** Reads a file from an offset while another process appends to it, and forwards what is new; stop() flushes the rest. */
export function tailFile(file, write = (text) => process.stdout.write(text)) {
  let offset = 0;
  const decoder = new StringDecoder('utf8'); // a read may end inside a multi-byte character
  const flush = async () => {
    const { open } = await import('node:fs/promises');
    if (!existsSync(file)) return;
    const handle = await open(file, 'r');
    try {
      for (;;) {
        const buffer = Buffer.alloc(64 * 1024);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
        write(decoder.write(buffer.subarray(0, bytesRead)));
      }
    } finally {
      await handle.close();
    }
  };
  let busy = Promise.resolve();
  const timer = setInterval(() => (busy = busy.then(flush).catch(() => {})), 250);
  return {
    async stop() {
      clearInterval(timer);
      await busy;
      await flush().catch(() => {});
    },
  };
}
