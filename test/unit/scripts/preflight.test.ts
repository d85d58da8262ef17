import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '../../../..');
const SCRIPT = join(ROOT, 'scripts/preflight.mjs');

interface Planned {
  missing: string[];
  action: 'none' | 'install' | 'stop' | 'unknown';
  message?: string;
  command?: string;
}
interface Preflight {
  SYSTEM_PACKAGES: { name: string; need: string; why: string }[];
  plan(options: Record<string, unknown>): Planned;
}

/** A fake package query: the packages it was asked about, answered from `present`. */
function fakeQuery(present: string[]) {
  const asked: string[][] = [];
  return {
    asked,
    installed: (names: string[]) => {
      asked.push(names);
      return new Set(names.filter((n) => present.includes(n)));
    },
  };
}

describe('preflight: system packages before anything slow', () => {
  let preflight: Preflight;
  before(async () => {
    // A variable specifier: the compiled CommonJS test loads the ES module as it is.
    const url = pathToFileURL(SCRIPT).href;
    preflight = (await import(url)) as Preflight;
  });
  const all = () => preflight.SYSTEM_PACKAGES.map((p) => p.name);

  it('keeps one list, with a reason for every package, that .ci/run uses', async () => {
    assert.ok(all().includes('libkrb5-dev') && all().includes('chromium') && all().includes('openssl'));
    for (const p of preflight.SYSTEM_PACKAGES) assert.ok(p.why.length > 10, `${p.name} says why`);
    const ci = (await import('node:fs')).readFileSync(join(ROOT, '.ci/run'), 'utf8');
    assert.match(ci, /node scripts\/preflight\.mjs --for test --install/);
    assert.doesNotMatch(ci, /libkrb5-dev|chromium/, 'no second list in .ci/run');
  });

  it('is silent when everything is there', () => {
    const query = fakeQuery(all());
    assert.deepEqual(preflight.plan({ purpose: 'test', installed: query.installed, isRoot: false }), {
      missing: [],
      action: 'none',
    });
  });

  it('for a non-root user: stops with one line naming the exact apt-get command (with sudo)', () => {
    const query = fakeQuery(all().filter((n) => n !== 'libkrb5-dev' && n !== 'chromium'));
    const result = preflight.plan({ purpose: 'test', installed: query.installed, isRoot: false, aptAvailable: true });
    assert.equal(result.action, 'stop');
    assert.deepEqual(result.missing, ['libkrb5-dev', 'chromium']);
    assert.equal(
      result.message,
      'Missing system packages for npm test (libkrb5-dev, chromium): run  sudo apt-get update && sudo apt-get install -y libkrb5-dev chromium',
    );
    assert.ok(!result.message?.includes('\n'), 'one line');
  });

  it('as root without a terminal and with apt-get: installs; as root at a terminal: says the command (no sudo)', () => {
    const query = fakeQuery(all().filter((n) => n !== 'chromium'));
    const ci = preflight.plan({ installed: query.installed, isRoot: true, interactive: false, aptAvailable: true });
    assert.deepEqual([ci.action, ci.missing], ['install', ['chromium']]);
    const human = preflight.plan({ installed: query.installed, isRoot: true, interactive: true, aptAvailable: true });
    assert.equal(human.action, 'stop');
    assert.match(human.message ?? '', /run {2}apt-get update && apt-get install -y chromium$/);
    const forced = preflight.plan({
      installed: query.installed,
      isRoot: true,
      interactive: true,
      aptAvailable: true,
      forceInstall: true,
    });
    assert.equal(forced.action, 'install', '.ci/run passes --install');
    const noApt = preflight.plan({ installed: query.installed, isRoot: true, interactive: false, aptAvailable: false });
    assert.equal(noApt.action, 'stop');
  });

  it('asks only for what the entry point needs: build packages until the host is installed, no browser for npm start', () => {
    const query = fakeQuery([]);
    assert.deepEqual(preflight.plan({ purpose: 'start', installed: query.installed, isRoot: false }).missing, [
      'g++',
      'make',
      'python3',
      'libkrb5-dev',
    ]);
    assert.deepEqual(
      preflight.plan({ purpose: 'start', hostInstalled: true, installed: query.installed, isRoot: false }),
      { missing: [], action: 'none' },
    );
    const test = preflight.plan({ purpose: 'test', hostInstalled: true, installed: query.installed, isRoot: false });
    assert.ok(!test.missing.includes('libkrb5-dev') && test.missing.includes('chromium'));
    assert.match(
      preflight.plan({ purpose: 'host', installed: query.installed, isRoot: false }).message ?? '',
      /for the VS Code test host/,
    );
  });

  it('does not guess where dpkg cannot tell (not Debian)', () => {
    assert.equal(preflight.plan({ installed: () => undefined, isRoot: false }).action, 'unknown');
  });

  it('as a script: exits 1 within seconds with the one line, when dpkg reports a package missing', () => {
    // PATH holds only a fake dpkg-query (every package but chromium) and no apt-get, so even as root nothing installs.
    const bin = mkdtempSync(join(tmpdir(), 'kms-preflight-'));
    try {
      writeFileSync(
        join(bin, 'dpkg-query'),
        '#!/bin/sh\nshift 2\nfor p in "$@"; do [ "$p" = chromium ] || printf "%s\\tinstall ok installed\\n" "$p"; done\n',
      );
      chmodSync(join(bin, 'dpkg-query'), 0o755);
      const started = Date.now();
      const result = spawnSync(process.execPath, [SCRIPT, '--for', 'test'], {
        env: { PATH: bin },
        encoding: 'utf8',
        input: '',
      });
      assert.ok(Date.now() - started < 5000, 'within seconds');
      assert.equal(result.status, 1);
      const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
      assert.equal(
        result.stderr.trim(),
        `Missing system packages for npm test (chromium): run  ${sudo}apt-get update && ${sudo}apt-get install -y chromium`,
      );
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
