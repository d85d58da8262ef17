/** The pure parts of the SSH flow: the credential in an ECS secret, the target, the exact ssh invocation. */
import * as assert from 'node:assert/strict';
import {
  buildSshInvocation,
  ecsCredentialFrom,
  formatRemoteSshHost,
  remoteSshAlias,
  requireTools,
  resolveTarget,
  SshError,
} from '../../../src/core/ssh';
import type { SecretValue } from '../../../src/core/kms';

const KEY = '-----BEGIN EC PRIVATE KEY-----\r\nMHcCAQEEIcanarykeylinecanarykeyline\r\n-----END EC PRIVATE KEY-----';
const PASSWORD = 'ecs-canary-password-Zr8';

const secret = (value: unknown, extra: Partial<SecretValue> = {}): SecretValue => ({
  name: 'acs/ecs/web/root',
  value: typeof value === 'string' ? value : JSON.stringify(value),
  dataType: 'text',
  versionId: 'v1',
  stages: ['ACSCurrent'],
  type: 'ECS',
  ...extra,
});

const isSsh = (kind: string, pattern?: RegExp) => (e: unknown) =>
  e instanceof SshError &&
  e.kind === kind &&
  (!pattern || pattern.test(e.message)) &&
  !e.message.includes(PASSWORD) &&
  !e.message.includes('canarykeyline');

describe('ssh core: ECS credential', () => {
  it('reads the key (LF line ends, final newline) or the password, by sub-type or by shape', () => {
    const key = ecsCredentialFrom(secret({ UserName: 'ecs-user', PublicKey: 'ssh-x', PrivateKey: KEY }));
    assert.deepEqual(key, {
      subType: 'SSHKey',
      userName: 'ecs-user',
      privateKey: KEY.replace(/\r\n/g, '\n') + '\n',
    });
    const password = ecsCredentialFrom(
      secret({ UserName: 'root', Password: PASSWORD }, { extended: { secretSubType: 'Password', customData: {} } }),
    );
    assert.deepEqual(password, { subType: 'Password', userName: 'root', password: PASSWORD });
  });

  it('refuses other secret types and values that are not an ECS credential, without quoting them', () => {
    assert.throws(() => ecsCredentialFrom(secret(PASSWORD, { type: 'Generic' })), isSsh('not-ecs', /Generic secret/));
    assert.throws(() => ecsCredentialFrom(secret(`x${PASSWORD}`)), isSsh('bad-value'));
    assert.throws(() => ecsCredentialFrom(secret({ Password: PASSWORD })), isSsh('bad-value'));
    assert.throws(() => ecsCredentialFrom(secret({ UserName: 'u' })), isSsh('bad-value', /without a Password/));
    assert.throws(
      () =>
        ecsCredentialFrom(
          secret({ UserName: 'u', Password: PASSWORD }, { extended: { secretSubType: 'SSHKey', customData: {} } }),
        ),
      isSsh('bad-value', /without a PrivateKey/),
    );
    assert.throws(() => ecsCredentialFrom(secret('AAAA', { dataType: 'binary' })), isSsh('bad-value', /binary/));
  });
});

describe('ssh core: target', () => {
  const credential = { subType: 'Password' as const, userName: 'root', password: PASSWORD };
  const extended = { customData: { host: 'web.example', port: '2222' } };

  it('takes host, port and user from the caller, else from CustomData and the secret', () => {
    assert.deepEqual(resolveTarget(credential, extended), { host: 'web.example', port: 2222, user: 'root' });
    assert.deepEqual(resolveTarget(credential, extended, { host: '10.0.0.1', port: '22', user: 'admin' }), {
      host: '10.0.0.1',
      port: 22,
      user: 'admin',
    });
    assert.deepEqual(resolveTarget(credential, undefined, { host: 'fe80::1%eth0' }), {
      host: 'fe80::1%eth0',
      user: 'root',
    });
  });

  it('says when there is no host, and refuses what ssh would read as an option', () => {
    assert.throws(() => resolveTarget(credential, { customData: {} }), isSsh('no-host'));
    assert.throws(
      () => resolveTarget(credential, undefined, { host: '-oProxyCommand=touch /tmp/x' }),
      isSsh('bad-input'),
    );
    assert.throws(() => resolveTarget(credential, undefined, { host: 'a b' }), isSsh('bad-input'));
    assert.throws(() => resolveTarget(credential, undefined, { host: 'h', user: '-lroot' }), isSsh('bad-input'));
    for (const port of ['0', '65536', '22x', '-1'])
      assert.throws(() => resolveTarget(credential, undefined, { host: 'h', port }), isSsh('bad-input'));
  });
});

describe('ssh core: invocation', () => {
  const target = { host: 'web.example', port: 2222, user: 'ecs-user' };
  const env = { PATH: '/usr/bin', HOME: '/home/u', SSH_AUTH_SOCK: '/other/agent', SSHPASS: 'stale', LANG: 'C' };

  it('uses only the private agent and the public half for a key session, our options first', () => {
    const invocation = buildSshInvocation({
      target,
      ssh: '/usr/bin/ssh',
      auth: { kind: 'agent', socketPath: '/tmp/kms-ssh-1/agent.sock', identityFile: '/tmp/kms-ssh-1/identity.pub' },
      options: ['StrictHostKeyChecking=accept-new', 'IdentityAgent=/elsewhere'],
      remoteCommand: ['uname', '-a'],
      env,
    });
    assert.equal(invocation.file, '/usr/bin/ssh');
    assert.deepEqual(invocation.args, [
      ...['-o', 'IdentityAgent=/tmp/kms-ssh-1/agent.sock'],
      ...['-o', 'IdentityFile=/tmp/kms-ssh-1/identity.pub'],
      ...['-o', 'IdentitiesOnly=yes'],
      ...['-o', 'StrictHostKeyChecking=accept-new'],
      ...['-o', 'IdentityAgent=/elsewhere'],
      ...['-l', 'ecs-user', '-p', '2222', 'web.example', '--', 'uname', '-a'],
    ]);
    assert.deepEqual(invocation.env, { PATH: '/usr/bin', HOME: '/home/u', LANG: 'C' }, 'no other agent or password');
  });

  it('runs ssh through sshpass -e with the password only in the environment for a password session', () => {
    const invocation = buildSshInvocation({
      target: { host: 'h', user: 'root' },
      ssh: '/usr/bin/ssh',
      auth: { kind: 'password', password: PASSWORD, sshpass: '/usr/bin/sshpass' },
      env,
    });
    assert.equal(invocation.file, '/usr/bin/sshpass');
    assert.deepEqual(invocation.args.slice(0, 2), ['-e', '/usr/bin/ssh']);
    assert.ok(!invocation.args.some((a) => a.includes(PASSWORD)), 'never on the command line (no -p)');
    assert.ok(invocation.args.includes('PubkeyAuthentication=no') && invocation.args.includes('IdentityAgent=none'));
    assert.deepEqual(invocation.args.slice(-3), ['-l', 'root', 'h']);
    assert.equal(invocation.env.SSHPASS, PASSWORD);
    assert.equal(invocation.env.SSH_AUTH_SOCK, undefined);
  });

  it('quotes and escapes folder paths for ssh_config, and refuses what it cannot quote', () => {
    const build = (dir: string) =>
      buildSshInvocation({
        target,
        ssh: 'ssh',
        auth: { kind: 'agent', socketPath: `${dir}/agent.sock`, identityFile: `${dir}/identity.pub` },
        env: {},
      }).args[1];
    assert.equal(build('/tmp/my dir'), 'IdentityAgent="/tmp/my dir/agent.sock"');
    assert.equal(build('/tmp/100%'), 'IdentityAgent=/tmp/100%%/agent.sock');
    for (const bad of ['/tmp/a"b', '/tmp/$HOME', '~/x']) assert.throws(() => build(bad), isSsh('bad-input', /TMPDIR/));
  });

  it('refuses pass-through options that are not Name=value', () => {
    const auth = { kind: 'agent' as const, socketPath: '/s', identityFile: '/i' };
    for (const option of ['-v', '', '=x', 'ProxyCommand'])
      assert.throws(
        () => buildSshInvocation({ target, ssh: 'ssh', auth, options: [option], env: {} }),
        isSsh('bad-input'),
      );
    buildSshInvocation({ target, ssh: 'ssh', auth, options: ['ProxyJump bastion'], env: {} });
  });
});

describe('ssh core: tools and Remote-SSH', () => {
  it('names the package to install when a tool is missing', function () {
    if (process.platform === 'win32') this.skip();
    assert.throws(() => requireTools(['ssh'], { PATH: '' }), isSsh('tool-missing', /openssh-client/));
    assert.throws(
      () => requireTools(['sshpass'], { PATH: '.:relative/bin' }),
      isSsh('tool-missing', /sshpass package/),
    );
  });

  it('writes a Remote-SSH Host entry that points at the live agent and holds no secret', () => {
    const alias = remoteSshAlias('acs/ecs/web 01/root');
    assert.equal(alias, 'kms-acs-ecs-web-01-root');
    assert.equal(
      formatRemoteSshHost({
        alias,
        target: { host: '10.0.0.5', port: 2222, user: 'ecs-user' },
        socketPath: '/run/user/1000/kms-ssh-x/agent.sock',
        identityFile: '/run/user/1000/kms-ssh-x/identity.pub',
      }),
      [
        'Host kms-acs-ecs-web-01-root',
        '  HostName 10.0.0.5',
        '  User ecs-user',
        '  Port 2222',
        '  IdentityAgent "/run/user/1000/kms-ssh-x/agent.sock"',
        '  IdentityFile "/run/user/1000/kms-ssh-x/identity.pub"',
        '  IdentitiesOnly yes',
        '',
      ].join('\n'),
    );
  });
});
