import * as KMS from '@alicloud/kms20160120';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SeedFile } from '../../../src/emulator/seed';
import { startEmulator } from '../../../src/emulator/server';
import { AK, clientFor, raw, rejectsWith, withEmulator, Json } from './helpers';

const demoSeed = (): SeedFile =>
  JSON.parse(readFileSync(join(__dirname, '../../../../src/emulator/seeds/demo.json'), 'utf8'));

describe('emulator state and seeds', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kms-emulator-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('persists every change atomically and restores it all after a restart', async () => {
    const statePath = join(dir, 'state.json');
    const first = await startEmulator({ credentials: [AK], statePath });
    const client = clientFor(first);
    await client.createSecret(
      new KMS.CreateSecretRequest({
        secretName: 'p/1',
        secretData: 'one',
        versionId: 'v1',
        tags: JSON.stringify([{ TagKey: 'k', TagValue: 'v' }]),
      }),
    );
    await client.putSecretValue(
      new KMS.PutSecretValueRequest({
        secretName: 'p/1',
        versionId: 'v2',
        secretData: 'two',
        versionStages: '["ACSCurrent","Blue"]',
      }),
    );
    await raw(client, 'CreateSecret', {
      SecretName: 'p/rds',
      SecretType: 'Rds',
      SecretData: '{"AccountName":"a","AccountPassword":"b"}',
      VersionId: 'r1',
      EnableAutomaticRotation: 'true',
      RotationInterval: '1d',
    });
    await client.createSecret(new KMS.CreateSecretRequest({ secretName: 'p/gone', secretData: 'x', versionId: 'v1' }));
    const deleted = await client.deleteSecret(
      new KMS.DeleteSecretRequest({ secretName: 'p/gone', recoveryWindowInDays: '7' }),
    );
    const before = JSON.stringify([...first.store.secrets.values()]);
    await first.close();

    assert.equal(statSync(statePath).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(dir).sort(), ['state.json', 'state.json.nonces'], 'no temp files left behind');
    assert.equal(JSON.parse(readFileSync(statePath, 'utf8')).format, 'kms-emulator-state/1');

    const second = await startEmulator({ credentials: [AK], statePath, seed: { secrets: [] } });
    try {
      const again = clientFor(second);
      // Second precision in the file: compare after the same rounding.
      const round = (json: string) => json.replace(/(\d{10})\d{3}/g, '$1000');
      assert.equal(round(JSON.stringify([...second.store.secrets.values()])), round(before));
      assert.equal(
        (await again.getSecretValue(new KMS.GetSecretValueRequest({ secretName: 'p/1', versionStage: 'Blue' })))
          .secretData,
        'two',
      );
      assert.equal(
        (await again.describeSecret(new KMS.DescribeSecretRequest({ secretName: 'p/gone' }))).plannedDeleteTime,
        deleted.plannedDeleteTime,
      );
      assert.equal((await raw(again, 'DescribeSecret', { SecretName: 'p/rds' })).RotationInterval, '86400s');
    } finally {
      await second.close();
    }
  });

  it('refuses to start on a corrupt state file instead of overwriting it', async () => {
    const statePath = join(dir, 'state.json');
    writeFileSync(statePath, '{"secrets": [');
    await assert.rejects(startEmulator({ statePath }), /not valid JSON/);
    assert.equal(readFileSync(statePath, 'utf8'), '{"secrets": [');
  });

  it('loads the demo seed: types, JSON values, stages, custom stage, tags, rotation, pending deletion', async () => {
    await withEmulator({ seed: demoSeed() }, async (_e, client) => {
      const all = await raw(client, 'ListSecrets', { PageSize: 100, FetchTags: 'true' });
      const types = new Set(all.SecretList.Secret.map((s: Json) => s.SecretType));
      assert.deepEqual([...types].sort(), ['ECS', 'Generic', 'RAMCredentials', 'Rds']);
      const db = JSON.parse((await raw(client, 'GetSecretValue', { SecretName: 'demo/orders/db' })).SecretData);
      assert.deepEqual(Object.keys(db), ['host', 'port', 'username', 'password']);
      assert.equal(
        (await raw(client, 'GetSecretValue', { SecretName: 'demo/app/api-token', VersionStage: 'Canary' })).VersionId,
        'v3-canary',
      );
      assert.equal(
        (await raw(client, 'DescribeSecret', { SecretName: 'demo/rds/orders-admin' })).RotationInterval,
        '604800s',
      );
      const pending = all.SecretList.Secret.filter((s: Json) => s.PlannedDeleteTime);
      assert.deepEqual(
        pending.map((s: Json) => s.SecretName),
        ['demo/legacy/ftp-password'],
      );
      await rejectsWith(
        raw(client, 'GetSecretValue', { SecretName: 'demo/legacy/ftp-password' }),
        'Rejected.ResourceInDeleteWindow',
        409,
      );
    });
  });

  it('rejects invalid seeds with a message that names the place', async () => {
    const bad = (secrets: unknown[], pattern: RegExp) =>
      assert.rejects(startEmulator({ seed: { secrets } as SeedFile }), pattern);
    await bad(
      [{ name: 'a b', versions: [{ versionId: 'v1', value: 'x', stages: ['ACSCurrent'] }] }],
      /secrets\[0\].*name/,
    );
    await bad([{ name: 'a', versions: [{ versionId: 'v1', value: 'x' }] }], /secrets\[0\].*ACSCurrent/);
    await bad([{ name: 'a', type: 'Nope', versions: [] }], /type/);
    await bad(
      [
        {
          name: 'a',
          versions: [
            { versionId: 'v1', value: 'x', stages: ['ACSCurrent'] },
            { versionId: 'v2', value: 'y', stages: ['ACSCurrent'] },
          ],
        },
      ],
      /both/,
    );
    await bad(
      [{ name: 'a', versions: [{ versionId: 'v1', value: 'x'.repeat(30721), stages: ['ACSCurrent'] }] }],
      /versions\[0\]/,
    );
  });
});
