/**
 * openSshSession, the API the CLI and the editor share: the real SDK against the emulator, the real ssh-agent. What a
 * caller gets to run, and that every way out (dispose, a refused key, a missing tool) leaves no agent and no folder.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KmsClient } from '../../../src/core/kms';
import { Redactor } from '../../../src/core/redaction';
import { ecsSecretReader, findExecutable, openSshSession, SshError } from '../../../src/core/ssh';
import { RunningEmulator, startEmulator } from '../../../src/emulator/server';
import { generateSshKeyPair } from '../../../src/emulator/sshKeyPair';
import { keyNeedles, liveAgents } from './scan';
import { skipUnless, sshdUnavailable } from './sshd';

const KEY = { accessKeyId: 'session-test-id', accessKeySecret: 'session-test-secret' };
const PASSWORD = 'session-password-canary-41';
const EXTENDED = {
  RegionId: 'cn-hangzhou',
  InstanceId: 'i-session',
  CustomData: { host: 'web.invalid', port: '2200' },
};
const BAD_KEY = '-----BEGIN EC PRIVATE KEY-----\nbad-key-canary-0123456789abcdef\n-----END EC PRIVATE KEY-----\n';

describe('ssh core: openSshSession (emulator + real ssh-agent)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let client: KmsClient;
  let base: string;
  const pair = generateSshKeyPair('session-test');

  before(async function () {
    skipUnless(this, sshdUnavailable());
    emulator = await startEmulator({
      credentials: [KEY],
      seed: {
        secrets: [
          {
            name: 'acs/ecs/web/key',
            type: 'ECS',
            extendedConfig: { ...EXTENDED, SecretSubType: 'SSHKey' },
            versions: [
              {
                versionId: 'v1',
                value: { UserName: 'ecs-user', PublicKey: pair.publicKey, PrivateKey: pair.privateKey },
                stages: ['ACSCurrent'],
              },
            ],
          },
          {
            name: 'acs/ecs/web/password',
            type: 'ECS',
            extendedConfig: { ...EXTENDED, SecretSubType: 'Password' },
            versions: [{ versionId: 'v1', value: { UserName: 'root', Password: PASSWORD }, stages: ['ACSCurrent'] }],
          },
          {
            name: 'acs/ecs/web/bad-key',
            type: 'ECS',
            extendedConfig: { ...EXTENDED, SecretSubType: 'SSHKey' },
            versions: [
              {
                versionId: 'v1',
                value: { UserName: 'u', PublicKey: 'ecdsa-sha2-nistp256 AAAA', PrivateKey: BAD_KEY },
                stages: ['ACSCurrent'],
              },
            ],
          },
        ],
      },
    });
    client = new KmsClient(
      { source: { kind: 'static', ...KEY }, region: 'cn-hangzhou', endpoint: emulator.url },
      { redactor: new Redactor() },
    );
  });
  after(async () => emulator?.close());
  beforeEach(() => (base = mkdtempSync(join(tmpdir(), 'kms-session-test-'))));
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const nothingLeft = () => {
    assert.deepEqual(readdirSync(base), [], 'no agent folder is left');
    assert.deepEqual(liveAgents(base), [], 'no agent is left');
  };

  it('gives a key session its invocation and live agent, and dispose ends both', async () => {
    const session = await openSshSession(ecsSecretReader(client), {
      secretName: 'acs/ecs/web/key',
      agentBaseDir: base,
      remoteCommand: ['true'],
    });
    assert.equal(session.subType, 'SSHKey');
    assert.deepEqual(session.target, { host: 'web.invalid', port: 2200, user: 'ecs-user' });
    assert.equal(session.instanceId, 'i-session');
    assert.ok(session.agent && session.invocation.args.includes(`IdentityAgent=${session.agent.socketPath}`));
    const everything = JSON.stringify(session.invocation);
    for (const needle of keyNeedles(pair.privateKey))
      assert.ok(!everything.includes(needle), 'no key in the invocation');
    await session.dispose();
    await session.dispose();
    nothingLeft();
  });

  it('gives a password session sshpass with the password in its environment only, and no agent', async () => {
    const session = await openSshSession(ecsSecretReader(client), {
      secretName: 'acs/ecs/web/password',
      agentBaseDir: base,
      host: '127.0.0.1',
    });
    assert.equal(session.subType, 'Password');
    assert.equal(session.agent, undefined);
    assert.match(session.invocation.file, /sshpass$/);
    assert.equal(session.invocation.env.SSHPASS, PASSWORD);
    assert.ok(!session.invocation.args.join(' ').includes(PASSWORD));
    nothingLeft();
  });

  it('ends the agent when the key is refused, and names the problem without the key', async () => {
    await assert.rejects(
      openSshSession(ecsSecretReader(client), { secretName: 'acs/ecs/web/bad-key', agentBaseDir: base }),
      (e: unknown) => e instanceof SshError && e.kind === 'key-rejected' && !String(e.detail).includes('canary'),
    );
    nothingLeft();
  });

  it('reads no secret when ssh is missing, and says which package to install for sshpass', async () => {
    const reads = () => emulator.stats().byAction.GetSecretValue ?? 0;
    const before = reads();
    await assert.rejects(
      openSshSession(ecsSecretReader(client), { secretName: 'acs/ecs/web/key', env: { PATH: '' } }),
      (e: unknown) => e instanceof SshError && e.kind === 'tool-missing' && /openssh-client/.test(e.message),
    );
    assert.equal(reads(), before, 'the secret was not read');
    const onlySsh = mkdtempSync(join(base, 'bin-'));
    symlinkSync(findExecutable('ssh')!, join(onlySsh, 'ssh'));
    await assert.rejects(
      openSshSession(ecsSecretReader(client), {
        secretName: 'acs/ecs/web/password',
        env: { PATH: onlySsh },
      }),
      (e: unknown) => e instanceof SshError && /sshpass package/.test(e.message),
    );
  });
});
