/** KmsClient and ECS secrets: fields SDK 1.2.0 does not model, sent and read through the same signed transport. */
import * as assert from 'node:assert/strict';
import { KmsError } from '../../../src/core/kms';
import { generateSshKeyPair } from '../../../src/emulator/sshKeyPair';
import { clientFor, count, withEmulator } from './helpers';

const PASSWORD = 'ecs-client-password-canary';

describe('KmsClient: ECS secrets', () => {
  it('creates an SSHKey secret and reads its sub-type, instance, region, CustomData and rotation back', async () => {
    await withEmulator({}, async (emulator) => {
      const client = clientFor(emulator);
      const pair = generateSshKeyPair('client-test');
      const created = await client.createEcsSecret({
        name: 'acs/ecs/web-01/ecs-user',
        credential: { userName: 'ecs-user', ...pair },
        instanceId: 'i-web01',
        regionId: 'cn-shanghai',
        customData: { host: '10.0.0.5', port: '2222' },
        rotation: { enabled: true, interval: '30d' },
        description: 'web 01',
      });
      assert.equal(created.type, 'ECS');

      const metadata = await client.describeSecret('acs/ecs/web-01/ecs-user');
      assert.equal(metadata.type, 'ECS');
      assert.deepEqual(metadata.extended, {
        secretSubType: 'SSHKey',
        regionId: 'cn-shanghai',
        instanceId: 'i-web01',
        customData: { host: '10.0.0.5', port: '2222' },
      });
      assert.equal(metadata.rotation?.enabled, true);
      assert.equal(metadata.rotation?.interval, '2592000s');

      const plain = await client.getSecretValue('acs/ecs/web-01/ecs-user');
      assert.equal(plain.extended, undefined, 'ExtendedConfig only when asked for');
      const full = await client.getSecretValue('acs/ecs/web-01/ecs-user', { fetchExtendedConfig: true });
      assert.equal(full.type, 'ECS');
      assert.equal(full.extended?.secretSubType, 'SSHKey');
      assert.deepEqual(JSON.parse(full.value), {
        UserName: 'ecs-user',
        PublicKey: pair.publicKey,
        PrivateKey: pair.privateKey,
      });
    });
  });

  it('creates a Password secret; checks the name prefix and the fields before sending anything', async () => {
    await withEmulator({}, async (emulator) => {
      const client = clientFor(emulator);
      await client.createEcsSecret({
        name: 'acs/ecs/db-01/root',
        credential: { userName: 'root', password: PASSWORD },
        instanceId: 'i-db01',
        regionId: 'cn-hangzhou',
      });
      assert.equal((await client.describeSecret('acs/ecs/db-01/root')).extended?.secretSubType, 'Password');
      const before = count(emulator, 'CreateSecret');
      const base = { credential: { userName: 'root', password: PASSWORD }, instanceId: 'i-1', regionId: 'cn-hangzhou' };
      const refusals = [
        client.createEcsSecret({ ...base, name: 'ecs/db-01/root' }),
        client.createEcsSecret({ ...base, name: 'acs/ecs/x', credential: { userName: '', password: PASSWORD } }),
        client.createEcsSecret({ ...base, name: 'acs/ecs/x', instanceId: ' ' }),
        client.createEcsSecret({
          ...base,
          name: 'acs/ecs/x',
          customData: Object.fromEntries([...Array(11).keys()].map((i) => [`k${i}`, 'v'])),
        }),
      ];
      for (const refusal of refusals) {
        await assert.rejects(refusal, (e: unknown) => e instanceof KmsError && e.kind === 'invalidInput');
        await refusal.catch((e: Error) => assert.ok(!e.message.includes(PASSWORD)));
      }
      assert.equal(count(emulator, 'CreateSecret'), before, 'nothing was sent');
    });
  });

  it('leaves ExtendedConfig text that is not a JSON object unparsed instead of failing the read', async () => {
    await withEmulator(
      {
        seed: {
          secrets: [
            {
              name: 'rds/odd',
              type: 'Rds',
              extendedConfig: '"just a string"',
              versions: [
                { versionId: 'r1', value: { AccountName: 'a', AccountPassword: 'b' }, stages: ['ACSCurrent'] },
              ],
            },
          ],
        },
      },
      async (emulator) => {
        const metadata = await clientFor(emulator).describeSecret('rds/odd');
        assert.equal(metadata.extendedConfig, '"just a string"');
        assert.equal(metadata.extended, undefined);
      },
    );
  });
});
