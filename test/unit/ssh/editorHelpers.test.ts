/** The pure helpers behind the editor's SSH commands: the host prompt's syntax and the ssh config's Include line. */
import * as assert from 'node:assert/strict';
import {
  formatDestination,
  includesPattern,
  parseDestination,
  SshError,
  sshConfigIncludeLine,
  withIncludeLine,
} from '../../../src/core/ssh';

const badInput = (pattern: RegExp) => (e: unknown) =>
  e instanceof SshError && e.kind === 'bad-input' && pattern.test(e.message);

describe('ssh core: the host prompt ([user@]host[:port])', () => {
  it('reads host, user and port, and writes them back the same way', () => {
    const cases: [string, ReturnType<typeof parseDestination>][] = [
      ['10.0.0.5', { host: '10.0.0.5' }],
      ['  web-01.example.com  ', { host: 'web-01.example.com' }],
      ['ecs-user@web-01', { host: 'web-01', user: 'ecs-user' }],
      ['root@10.0.0.5:2222', { host: '10.0.0.5', user: 'root', port: 2222 }],
      ['admin@corp.example@10.0.0.5', { host: '10.0.0.5', user: 'admin@corp.example' }],
      ['fe80::1%eth0', { host: 'fe80::1%eth0' }],
      ['ecs-user@[2001:db8::5]:22', { host: '2001:db8::5', user: 'ecs-user', port: 22 }],
    ];
    for (const [text, expected] of cases) {
      assert.deepEqual(parseDestination(text), expected, text);
      assert.deepEqual(parseDestination(formatDestination(expected)), expected, `round trip of ${text}`);
    }
    assert.equal(formatDestination({ host: '2001:db8::5', port: 2200 }), '[2001:db8::5]:2200');
  });

  it('refuses what ssh would read as an option, bad ports and empty input, in one sentence', () => {
    assert.throws(() => parseDestination(''), badInput(/Type a host/));
    assert.throws(() => parseDestination('-oProxyCommand=sh'), badInput(/not starting with "-"/));
    assert.throws(() => parseDestination('-l@host'), badInput(/User names/));
    assert.throws(() => parseDestination('host:0'), badInput(/Ports are whole numbers/));
    assert.throws(() => parseDestination('host:ssh'), badInput(/Ports are whole numbers/));
    assert.throws(() => parseDestination('host name'), badInput(/Host names/));
  });
});

describe('ssh core: the Include line for Remote-SSH', () => {
  const pattern = '/home/u/.config/Code/User/globalStorage/kms-secrets.kms-secrets/remote-ssh/*.conf';

  it('is found only at the top level, quoted or not, also written with ~/', () => {
    assert.ok(includesPattern(`Include "${pattern}"\nHost a\n  User b\n`, pattern));
    assert.ok(includesPattern(`# mine\ninclude ${pattern} other/*.conf\n`, pattern));
    assert.ok(includesPattern(`Include=${pattern}\n`, pattern));
    assert.ok(
      includesPattern(
        'Include ~/.config/Code/User/globalStorage/kms-secrets.kms-secrets/remote-ssh/*.conf',
        pattern,
        '/home/u',
      ),
    );
    assert.ok(!includesPattern(`Host a\n  Include "${pattern}"\n`, pattern), 'inside a Host block it is conditional');
    assert.ok(!includesPattern(`# Include "${pattern}"\n`, pattern), 'a comment is no Include');
    assert.ok(!includesPattern('', pattern));
  });

  it('goes to the top of the config with a comment, keeping every line of the user', () => {
    const config = 'Host *\n  ServerAliveInterval 30\n';
    const updated = withIncludeLine(config, pattern);
    assert.ok(updated.endsWith(config));
    assert.ok(updated.startsWith('# KMS Secrets'));
    assert.ok(includesPattern(updated, pattern));
    assert.ok(includesPattern(withIncludeLine('', pattern), pattern));
    assert.throws(() => sshConfigIncludeLine('/a"b/*.conf'), badInput(/cannot name/));
  });
});
