/** ECS secrets in the emulator: value shapes per sub-type, ExtendedConfig on Describe/Get, and seed-generated key pairs. */
import * as assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeedError, SeedFile, loadSeed } from '../../../src/emulator/seed';
import { SecretStore } from '../../../src/emulator/store';
import { generateSshKeyPair } from '../../../src/emulator/sshKeyPair';
import { Json, raw, rejectsWith, withEmulator } from './helpers';

const CANARY = 'ecs-password-canary-7Hq2';
const EXTENDED = { SecretSubType: 'Password', RegionId: 'cn-hangzhou', InstanceId: 'i-abc', CustomData: { host: 'h' } };

/** The OpenSSH public line of a PEM private key, computed independently of sshKeyPair.ts's own encoder. */
function publicBlobOf(privatePem: string): string {
  const jwk = createPublicKey(privatePem).export({ format: 'jwk' });
  const point = Buffer.concat([
    Buffer.from([4]),
    Buffer.from(jwk.x as string, 'base64url'),
    Buffer.from(jwk.y as string, 'base64url'),
  ]);
  const s = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  return Buffer.concat([s(Buffer.from('ecdsa-sha2-nistp256')), s(Buffer.from('nistp256')), s(point)]).toString(
    'base64',
  );
}

describe('emulator: ECS secrets', () => {
  it('creates Password and SSHKey secrets and returns ExtendedConfig from Describe and from Get on request', async () => {
    await withEmulator({}, async (_e, client) => {
      await raw(client, 'CreateSecret', {
        SecretName: 'acs/ecs/web/root',
        SecretType: 'ECS',
        VersionId: 'v1',
        SecretData: JSON.stringify({ UserName: 'root', Password: CANARY }),
        ExtendedConfig: JSON.stringify(EXTENDED),
      });
      const pair = generateSshKeyPair('t');
      await raw(client, 'CreateSecret', {
        SecretName: 'acs/ecs/web/key',
        SecretType: 'ECS',
        VersionId: 'v1',
        SecretData: JSON.stringify({ UserName: 'ecs-user', PublicKey: pair.publicKey, PrivateKey: pair.privateKey }),
        ExtendedConfig: JSON.stringify({ ...EXTENDED, SecretSubType: 'SSHKey' }),
      });
      const described = await raw(client, 'DescribeSecret', { SecretName: 'acs/ecs/web/root' });
      assert.equal(described.SecretType, 'ECS');
      assert.deepEqual(JSON.parse(described.ExtendedConfig), EXTENDED);
      const plain = await raw(client, 'GetSecretValue', { SecretName: 'acs/ecs/web/key' });
      assert.equal(plain.ExtendedConfig, undefined, 'only with FetchExtendedConfig');
      const full = await raw(client, 'GetSecretValue', { SecretName: 'acs/ecs/web/key', FetchExtendedConfig: true });
      assert.equal(JSON.parse(full.ExtendedConfig).SecretSubType, 'SSHKey');
      assert.equal(JSON.parse(full.SecretData).PrivateKey, pair.privateKey);
    });
  });

  it('refuses values that do not fit the ECS shapes or the declared sub-type, never echoing them', async () => {
    await withEmulator({}, async (_e, client) => {
      const create = (data: Json, extended: Json = EXTENDED, name = 'acs/ecs/web/x') =>
        raw(client, 'CreateSecret', {
          SecretName: name,
          SecretType: 'ECS',
          VersionId: 'v1',
          SecretData: typeof data === 'string' ? data : JSON.stringify(data),
          ...(extended && { ExtendedConfig: JSON.stringify(extended) }),
        });
      const pair = generateSshKeyPair('t');
      const cases: Array<[Json, Json, string?]> = [
        [{ UserName: 'root', Password: CANARY }, EXTENDED, 'web/no-prefix'],
        [`not json ${CANARY}`, EXTENDED],
        [{ Password: CANARY }, EXTENDED],
        [{ UserName: 'root' }, EXTENDED],
        [
          { UserName: 'root', Password: CANARY },
          { ...EXTENDED, SecretSubType: 'SSHKey' },
        ],
        [{ UserName: 'root', PublicKey: pair.publicKey, PrivateKey: pair.privateKey }, EXTENDED],
        [
          { UserName: 'root', PrivateKey: pair.privateKey },
          { ...EXTENDED, SecretSubType: 'SSHKey' },
        ],
        [
          { UserName: 'root', PublicKey: 'ssh-x', PrivateKey: CANARY },
          { ...EXTENDED, SecretSubType: 'SSHKey' },
        ],
        [
          { UserName: 'root', Password: CANARY },
          { ...EXTENDED, SecretSubType: 'Bogus' },
        ],
        [
          { UserName: 'root', Password: CANARY },
          { ...EXTENDED, InstanceId: '' },
        ],
        [
          { UserName: 'root', Password: CANARY },
          { ...EXTENDED, CustomData: Object.fromEntries([...Array(11).keys()].map((i) => [`k${i}`, 'v'])) },
        ],
      ];
      for (const [data, extended, name] of cases) {
        const body = await rejectsWith(create(data, extended, name), 'InvalidParameter', 400);
        assert.ok(!JSON.stringify(body).includes(CANARY), 'the error does not echo the value');
      }
      // Without ExtendedConfig the value's shape alone decides, as before.
      await create({ UserName: 'root', Password: CANARY }, undefined);
    });
  });

  it('seeds ECS secrets with a key pair generated at load time, never the same twice', () => {
    const seed = {
      secrets: [
        {
          name: 'acs/ecs/seeded/key',
          type: 'ECS',
          extendedConfig: { ...EXTENDED, SecretSubType: 'SSHKey' },
          versions: [
            { versionId: 'v1', value: { UserName: 'ecs-user' }, generateSshKeyPair: true, stages: ['ACSCurrent'] },
          ],
        },
      ],
    } as SeedFile;
    const values = [0, 1].map(() => {
      const store = new SecretStore('cn-hangzhou', '1234567890123456');
      loadSeed(store, seed, Date.now());
      return JSON.parse(store.find('acs/ecs/seeded/key')!.versions[0].data) as Record<string, string>;
    });
    for (const value of values) {
      assert.equal(value.UserName, 'ecs-user');
      assert.match(value.PrivateKey, /^-----BEGIN EC PRIVATE KEY-----\n/);
      assert.equal(value.PublicKey.split(' ')[1], publicBlobOf(value.PrivateKey), 'the two halves belong together');
    }
    assert.notEqual(values[0].PrivateKey, values[1].PrivateKey);
  });

  it('rejects seeds whose ECS secrets the API would refuse, naming the place', () => {
    const load = (secret: Json) => loadSeed(new SecretStore('cn-hangzhou', '1'), { secrets: [secret] }, Date.now());
    assert.throws(
      () =>
        load({
          name: 'acs/ecs/a/b',
          type: 'ECS',
          extendedConfig: { ...EXTENDED, SecretSubType: 'SSHKey' },
          versions: [{ versionId: 'v1', value: { UserName: 'u', Password: 'p' }, stages: ['ACSCurrent'] }],
        }),
      (e: unknown) => e instanceof SeedError && /secrets\[0\]\.versions\[0\].*sub-type/.test(e.message),
    );
    assert.throws(
      () =>
        load({
          name: 'demo/generic',
          versions: [{ versionId: 'v1', value: { UserName: 'u' }, generateSshKeyPair: true, stages: ['ACSCurrent'] }],
        }),
      (e: unknown) => e instanceof SeedError && /only to ECS/.test(e.message),
    );
  });

  it('gives the demo seed an SSHKey secret with a generated pair and a host in CustomData', () => {
    const seed = JSON.parse(
      readFileSync(join(__dirname, '../../../../src/emulator/seeds/demo.json'), 'utf8'),
    ) as SeedFile;
    assert.ok(!JSON.stringify(seed).includes('PRIVATE KEY'), 'no private key is committed');
    const store = new SecretStore('cn-hangzhou', '1');
    loadSeed(store, seed, Date.now());
    const secret = store.find('acs/ecs/demo-web-01/ecs-user')!;
    const extended = JSON.parse(secret.extendedConfig!);
    assert.equal(extended.SecretSubType, 'SSHKey');
    assert.ok(extended.CustomData.host);
    const value = JSON.parse(secret.versions[0].data);
    assert.equal(value.PublicKey.split(' ')[1], publicBlobOf(value.PrivateKey));
  });
});
