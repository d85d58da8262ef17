// The system packages the project needs beyond Node and npm, in one list, checked before anything slow starts.
// `npm start`, `npm test`, the test-host installer and `.ci/run` all go through here:
//   - everything present: silent;
//   - missing, and root without a terminal (CI, a container build) with apt-get: installs them, as CI always did;
//   - otherwise: stops with one line naming the exact apt-get command, instead of failing minutes later in a native
//     build (`gssapi/gssapi.h: No such file or directory`).
// Node builtins only: it runs before `npm ci` in CI, and on a fresh clone.
//   node scripts/preflight.mjs [--for start|test] [--install]   (--install: install whenever root and apt allow it)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Debian package → why it is needed and for what. `build`: compiling the test host's native add-ons (only until the
 * host is installed in .vscode-test/); `browser`: the workbench the tests drive; `tests`: servers and tools tests use.
 */
export const SYSTEM_PACKAGES = [
  { name: 'g++', need: 'build', why: "compiles code-server's native add-ons" },
  { name: 'make', need: 'build', why: "compiles code-server's native add-ons" },
  { name: 'python3', need: 'build', why: 'node-gyp runs it to build native add-ons' },
  { name: 'libkrb5-dev', need: 'build', why: "headers for code-server's kerberos add-on (gssapi/gssapi.h)" },
  { name: 'chromium', need: 'browser', why: 'loads the VS Code workbench for the host and end-to-end tests' },
  { name: 'openssl', need: 'tests', why: 'throw-away TLS certificates for the HTTPS emulator (proxy and STS tests)' },
  { name: 'openssh-server', need: 'tests', why: 'the sshd the SSH session tests connect to' },
  { name: 'sshpass', need: 'tests', why: 'password logins in the SSH session tests' },
  {
    name: 'fonts-wqy-microhei',
    need: 'tests',
    why: 'Chinese glyphs in the zh-cn screenshots (the workbench renders boxes without it)',
  },
];

/** What each entry point needs. The build packages only matter while the test host is not installed yet. */
const NEEDS = { start: ['build'], host: ['build'], test: ['build', 'browser', 'tests'] };

/** Installed packages among `names`, from dpkg; undefined when dpkg-query is not there (not Debian: cannot tell). */
export function dpkgInstalled(names) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package}\t${Status}\n', ...names], { encoding: 'utf8' });
  if (result.error) return undefined;
  const installed = new Set();
  for (const line of result.stdout.split('\n')) {
    const [name, status] = line.split('\t');
    if (status?.endsWith('install ok installed')) installed.add(name.replace(/:.*$/, ''));
  }
  return installed;
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

/**
 * Decides what to do; pure apart from the injected functions, so tests can fake the package query and the machine.
 * Returns { missing, action: 'none' | 'install' | 'stop' | 'unknown', message?, command? }.
 */
export function plan({
  purpose = 'test',
  hostInstalled = false,
  installed = dpkgInstalled,
  isRoot = process.getuid?.() === 0,
  interactive = Boolean(process.stdin.isTTY),
  aptAvailable = onPath('apt-get'),
  forceInstall = false,
} = {}) {
  const needs = new Set(NEEDS[purpose] ?? NEEDS.test);
  if (hostInstalled) needs.delete('build');
  const wanted = SYSTEM_PACKAGES.filter((p) => needs.has(p.need)).map((p) => p.name);
  if (wanted.length === 0) return { missing: [], action: 'none' };
  const present = installed(wanted);
  if (!present) return { missing: [], action: 'unknown' };
  const missing = wanted.filter((name) => !present.has(name));
  if (missing.length === 0) return { missing, action: 'none' };
  const sudo = isRoot ? '' : 'sudo ';
  const command = `${sudo}apt-get update && ${sudo}apt-get install -y ${missing.join(' ')}`;
  if (isRoot && aptAvailable && (!interactive || forceInstall)) return { missing, action: 'install', command };
  const what = purpose === 'start' ? 'npm start' : purpose === 'host' ? 'the VS Code test host' : 'npm test';
  return {
    missing,
    action: 'stop',
    command,
    message: `Missing system packages for ${what} (${missing.join(', ')}): run  ${command}`,
  };
}

/** Runs the plan: installs with apt-get like .ci/run, or throws the one-line message. */
export function ensureSystemPackages(options = {}) {
  const decided = plan(options);
  if (decided.action === 'stop') throw Object.assign(new Error(decided.message), { preflight: true });
  if (decided.action === 'install') {
    console.log(`== apt-get install ${decided.missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', ...decided.missing],
    ]) {
      const result = spawnSync('apt-get', args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
      if (result.status !== 0) throw new Error(`apt-get ${args[0]} failed (exit ${result.status ?? result.signal})`);
    }
  }
  return decided;
}

/** For the npm scripts: on a stop, print the one line and exit 1 (no stack trace). */
export function preflightOrExit(options) {
  try {
    return ensureSystemPackages(options);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const purpose = args.includes('--for') ? args[args.indexOf('--for') + 1] : 'test';
  preflightOrExit({ purpose, forceInstall: args.includes('--install') });
}
