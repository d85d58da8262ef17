import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHandoff, HANDOFF_VARIABLE, removeHandoff } from '../../../src/injection/handoff';

// The hand-off of a terminal debug launch: values go from the extension host to the program over a one-shot socket.
const CANARY = 'CANARY-handoff-9b2e';
const VALUES = { DB_PASSWORD: `${CANARY}-db`, MULTI: `line-1\n"${CANARY}"-2` };

/** Runs Node with the preload, as js-debug does in the terminal; returns what the program saw. */
function runWithPreload(
  preloadUrl: string,
  spec: string,
): Promise<{ code: number | null; env: Record<string, string | undefined>; stderr: string }> {
  const program = `console.log(JSON.stringify({ DB_PASSWORD: process.env.DB_PASSWORD, MULTI: process.env.MULTI, SPEC: process.env.${HANDOFF_VARIABLE} }))`;
  const child = spawn(process.execPath, ['--import', preloadUrl, '-e', program], {
    env: { PATH: process.env.PATH, [HANDOFF_VARIABLE]: spec },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((done) => child.on('close', (code) => done({ code, env: JSON.parse(stdout || '{}'), stderr })));
}

/** A client that presents `token` and returns whatever the socket sends before closing. */
function present(address: string, token: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(address, () => socket.write(`${token}\n`));
    let text = '';
    socket.on('data', (d) => (text += d));
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
  });
}

describe('debug hand-off over a one-shot local socket (injection/handoff)', function () {
  this.timeout(20_000);
  let root: string;
  beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'kms-handoff-test-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('delivers the values to the program before it starts, once, with nothing on disk or in the spec', async () => {
    const handoff = await createHandoff(VALUES, { root });
    assert.ok(!handoff.spec.includes(CANARY), 'no value in the variable on the command line');
    if (process.platform !== 'win32') {
      assert.equal(statSync(handoff.dir).mode & 0o777, 0o700);
      const [token, address] = [handoff.spec.slice(0, 64), handoff.spec.slice(65)];
      assert.match(token, /^[0-9a-f]{64}$/);
      assert.equal(statSync(address).mode & 0o777, 0o600);
    }
    for (const name of readdirSync(handoff.dir)) {
      const file = path.join(handoff.dir, name);
      if (statSync(file).isFile()) assert.ok(!readFileSync(file, 'latin1').includes(CANARY), `no value in ${name}`);
    }

    // The preload goes with its folder after the first read; a copy lets a second program try again.
    const copy = path.join(root, 'preload-copy.mjs');
    copyFileSync(new URL(handoff.preloadUrl), copy);

    const first = await runWithPreload(handoff.preloadUrl, handoff.spec);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.env.DB_PASSWORD, VALUES.DB_PASSWORD);
    assert.equal(first.env.MULTI, VALUES.MULTI);
    assert.equal(first.env.SPEC, undefined, 'the program does not see the hand-off variable');
    assert.equal(await handoff.delivered, true);
    assert.equal(existsSync(handoff.dir), false, 'the folder goes after the read');

    const second = await runWithPreload(pathToFileURL(copy).href, handoff.spec);
    assert.equal(second.env.DB_PASSWORD, undefined, 'a second read gets nothing');
    assert.match(second.stderr, /hand-off is gone/);
  });

  it('answers nobody without the token, and stays open for the one who has it', async () => {
    const handoff = await createHandoff(VALUES, { root });
    const address = handoff.spec.slice(handoff.spec.indexOf(':') + 1);
    assert.equal(await present(address, 'f'.repeat(64)), '', 'wrong token: nothing');
    assert.equal(await present(address, ''), '', 'no token: nothing');
    const right = await present(address, handoff.spec.slice(0, handoff.spec.indexOf(':')));
    assert.deepEqual(JSON.parse(right), VALUES);
    assert.equal(await handoff.delivered, true);
  });

  it('closes unread after its time, and when removed', async () => {
    const expiring = await createHandoff(VALUES, { root, ttlMs: 50 });
    assert.equal(await expiring.delivered, false);
    assert.equal(existsSync(expiring.dir), false);
    const removed = await createHandoff(VALUES, { root });
    removeHandoff(removed.dir);
    assert.equal(await removed.delivered, false);
    const address = removed.spec.slice(removed.spec.indexOf(':') + 1);
    assert.equal(await present(address, removed.spec.slice(0, removed.spec.indexOf(':'))), '');
  });
});
