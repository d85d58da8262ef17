/**
 * The private ssh-agent with the real ssh-agent and ssh-add: a 0700 folder, the key only through stdin, a lifetime,
 * and an end that leaves nothing, including when its owner is killed outright.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable, PrivateAgent, SshError } from '../../../src/core/ssh';
import { generateSshKeyPair } from '../../../src/emulator/sshKeyPair';
import { filesContaining, keyNeedles, processes } from './scan';
import { skipUnless, sshdUnavailable } from './sshd';

/** A zombie (ended, not yet reaped) counts as gone. */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !processes().some((p) => p.pid === pid && p.state === 'Z');
};

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

/** ssh-add -l against the agent's socket: the fingerprints it holds ('' when none). */
function listed(socket: string): string {
  try {
    return execFileSync('ssh-add', ['-l'], { env: { PATH: process.env.PATH, SSH_AUTH_SOCK: socket } }).toString();
  } catch (error) {
    return String((error as { stdout?: Buffer }).stdout ?? '');
  }
}

describe('ssh core: private agent (real ssh-agent)', function () {
  this.timeout(30_000);
  let base: string;
  let tools: { sshAgent: string; sshAdd: string };

  before(function () {
    skipUnless(this, sshdUnavailable());
    tools = { sshAgent: findExecutable('ssh-agent')!, sshAdd: findExecutable('ssh-add')! };
  });
  beforeEach(() => (base = mkdtempSync(join(tmpdir(), 'kms-agent-test-'))));
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('holds the key from stdin in a 0700 folder, names its public half, and leaves nothing when stopped', async () => {
    const pair = generateSshKeyPair('agent-test');
    const agent = await PrivateAgent.start({ ...tools, baseDir: base });
    assert.equal(statSync(agent.dir).mode & 0o777, 0o700);
    assert.equal(statSync(agent.socketPath).mode & 0o777, 0o600);
    await agent.addKey(pair.privateKey, 60);
    assert.match(listed(agent.socketPath), /ECDSA/);
    assert.equal(readFileSync(agent.identityFile, 'utf8').split(' ')[1], pair.publicKey.split(' ')[1]);
    assert.deepEqual(filesContaining(base, keyNeedles(pair.privateKey)), [], 'no file holds the private key');

    await agent.stop();
    assert.equal(existsSync(agent.dir), false);
    assert.equal(alive(agent.pid), false, 'the agent process is gone');
    await agent.stop(); // idempotent
    await assert.rejects(agent.addKey(pair.privateKey), (e: unknown) => e instanceof SshError);
  });

  it('forgets the key when its lifetime is over', async () => {
    const agent = await PrivateAgent.start({ ...tools, baseDir: base });
    try {
      // 3 s, not 1: addKey lists the agent's keys after adding, which on a loaded machine can take over a second.
      await agent.addKey(generateSshKeyPair('short').privateKey, 3);
      assert.match(listed(agent.socketPath), /ECDSA/);
      assert.ok(await until(() => !/ECDSA/.test(listed(agent.socketPath)), 10_000), 'the key expired');
    } finally {
      await agent.stop();
    }
  });

  it('refuses an unreadable or passphrase-protected key in one sentence that quotes none of it', async () => {
    const agent = await PrivateAgent.start({ ...tools, baseDir: base });
    try {
      const garbage =
        '-----BEGIN EC PRIVATE KEY-----\nnot-a-key-canary-line-1234567890\n-----END EC PRIVATE KEY-----\n';
      await assert.rejects(agent.addKey(garbage), (e: unknown) => {
        return (
          e instanceof SshError &&
          e.kind === 'key-rejected' &&
          /not in a format OpenSSH reads/.test(e.message) &&
          !`${e.message}${e.detail}`.includes('canary-line')
        );
      });
      const encrypted = createPrivateKey(generateSshKeyPair('enc').privateKey).export({
        type: 'sec1',
        format: 'pem',
        cipher: 'aes-256-cbc',
        passphrase: 'pass-phrase',
      }) as string;
      await assert.rejects(
        agent.addKey(encrypted),
        (e: unknown) => e instanceof SshError && /protected by a passphrase/.test(e.message),
      );
      assert.equal(listed(agent.socketPath).includes('ECDSA'), false);
    } finally {
      await agent.stop();
    }
  });

  /** A separate Node process that starts an agent, prints its pid and folder, then does what `then` says. */
  function owner(then: 'wait' | 'exit'): Promise<{ child: ReturnType<typeof spawn>; pid: number; dir: string }> {
    const agentModule = join(__dirname, '../../../src/core/ssh/agent.js');
    const script = `
      const { PrivateAgent } = require(${JSON.stringify(agentModule)});
      PrivateAgent.start(${JSON.stringify({ ...tools, baseDir: base })}).then((agent) => {
        console.log(JSON.stringify({ pid: agent.pid, dir: agent.dir }));
        if (${JSON.stringify(then)} === 'exit') process.exit(0);
        setInterval(() => undefined, 1000);
      });`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('\n')) resolve({ child, ...(JSON.parse(out) as { pid: number; dir: string }) });
      });
      child.on('exit', (code) => (out.includes('\n') ? undefined : reject(new Error(`owner exited ${code}`))));
    });
  }

  it('ends with its owner even when the owner is killed with SIGKILL', async () => {
    const { child, pid } = await owner('wait');
    assert.ok(alive(pid));
    child.kill('SIGKILL');
    assert.ok(await until(() => !alive(pid), 5_000), 'the supervisor ended the agent');
  });

  it('is ended and its folder removed when the owner exits without stopping it', async () => {
    const { child, pid, dir } = await owner('exit');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    assert.ok(await until(() => !alive(pid), 5_000));
    assert.equal(existsSync(dir), false);
  });
});
