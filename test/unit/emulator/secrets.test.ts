import * as KMS from '@alicloud/kms20160120';
import * as assert from 'node:assert/strict';
import type Client from '@alicloud/kms20160120';
import { raw, rejectsWith, withEmulator, Json } from './helpers';

const create = (client: Client, secretName: string, secretData = 'v', extra: Record<string, string> = {}) =>
  client.createSecret(new KMS.CreateSecretRequest({ secretName, secretData, versionId: 'v1', ...extra }));
const put = (client: Client, secretName: string, versionId: string, secretData: string, versionStages?: string[]) =>
  client.putSecretValue(
    new KMS.PutSecretValueRequest({
      secretName,
      versionId,
      secretData,
      ...(versionStages && { versionStages: JSON.stringify(versionStages) }),
    }),
  );
const value = (client: Client, secretName: string, opts: { versionStage?: string; versionId?: string } = {}) =>
  client.getSecretValue(new KMS.GetSecretValueRequest({ secretName, ...opts }));
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('emulator secrets', () => {
  it('creates a secret with tags and describes it with the exact shapes', async () => {
    await withEmulator({}, async (emulator, client) => {
      const created = await create(client, 'app/db', 'pw', {
        description: 'db',
        tags: JSON.stringify([{ TagKey: 'env', TagValue: 'dev' }]),
      });
      assert.equal(created.arn, 'acs:kms:cn-hangzhou:1234567890123456:secret/app/db');
      assert.equal(created.versionId, 'v1');
      const described = await raw(client, 'DescribeSecret', { SecretName: 'app/db', FetchTags: 'true' });
      assert.equal(described.SecretType, 'Generic');
      assert.equal(described.Description, 'db');
      assert.match(described.CreateTime, TIME);
      assert.deepEqual(described.Tags, { Tag: [{ TagKey: 'env', TagValue: 'dev' }] });
      assert.equal(described.AutomaticRotation, undefined, 'generic secrets have no rotation fields');
      const typed = await client.describeSecret(
        new KMS.DescribeSecretRequest({ secretName: 'app/db', fetchTags: 'true' }),
      );
      assert.equal(typed.tags.tag[0].tagValue, 'dev');
      await rejectsWith(create(client, 'app/db'), 'Rejected.ResourceExist', 409);
      await rejectsWith(
        client.describeSecret(new KMS.DescribeSecretRequest({ secretName: 'nope' })),
        'Forbidden.ResourceNotFound',
        404,
      );
      assert.equal(emulator.stats().byAction.CreateSecret, 2);
    });
  });

  it('accepts every legal name character and rejects the rest, with KMS type prefix rules', async () => {
    await withEmulator({}, async (_e, client) => {
      await create(client, 'app/db+x=y.z@a-b_c');
      assert.equal((await value(client, 'app/db+x=y.z@a-b_c')).secretName, 'app/db+x=y.z@a-b_c');
      await create(client, 'x'.repeat(192));
      for (const bad of ['x'.repeat(193), 'a b', 'a*b', 'ä', 'acs/generic']) {
        await rejectsWith(create(client, bad), 'InvalidParameter', 400);
      }
      await rejectsWith(
        client.createSecret(new KMS.CreateSecretRequest({ secretName: 'no-data', versionId: 'v1' })),
        'MissingParameter',
        400,
      );
    });
  });

  it('round-trips a 30,720-byte value through a ~100 KB URL and rejects one byte more', async () => {
    await withEmulator({}, async (_e, client) => {
      const big = '€'.repeat(10240); // 3 bytes each in UTF-8, 9 URL characters each
      await create(client, 'big', big);
      assert.equal((await value(client, 'big')).secretData, big);
      await rejectsWith(put(client, 'big', 'v2', `${big}x`), 'InvalidParameter', 400);
    });
  });

  it('lists with paging, FetchTags and Filters', async () => {
    await withEmulator({}, async (_e, client) => {
      for (let i = 0; i < 12; i++) {
        await create(client, `s${String(i).padStart(2, '0')}`, 'v', {
          tags: JSON.stringify([{ TagKey: 'team', TagValue: i % 2 ? 'odd' : 'even' }]),
        });
      }
      await raw(client, 'CreateSecret', {
        SecretName: 'acs/ecs/host/root',
        SecretType: 'ECS',
        VersionId: 'v1',
        SecretData: JSON.stringify({ UserName: 'root', Password: 'p' }),
      });
      const first = await client.listSecrets(new KMS.ListSecretsRequest({}));
      assert.equal(first.pageSize, 10);
      assert.equal(first.totalCount, 13);
      assert.equal(first.secretList.secret.length, 10);
      assert.equal(first.secretList.secret[0].tags, undefined, 'tags only with FetchTags');
      const second = await client.listSecrets(
        new KMS.ListSecretsRequest({ pageNumber: 2, pageSize: 10, fetchTags: 'true' }),
      );
      assert.equal(second.secretList.secret.length, 3);
      assert.ok(second.secretList.secret[0].tags.tag.length === 1);
      await rejectsWith(client.listSecrets(new KMS.ListSecretsRequest({ pageSize: 101 })), 'InvalidParameter', 400);
      await rejectsWith(client.listSecrets(new KMS.ListSecretsRequest({ pageSize: 0 })), 'InvalidParameter', 400);

      const filter = (f: unknown) => raw(client, 'ListSecrets', { PageSize: 100, Filters: JSON.stringify(f) });
      assert.equal((await filter([{ Key: 'TagValue', Values: ['odd'] }])).TotalCount, 6);
      assert.equal((await filter([{ Key: 'SecretName', Values: ['s0', 'acs/'] }])).TotalCount, 11);
      assert.equal((await filter([{ Key: 'SecretType', Values: ['ECS'] }])).SecretList.Secret[0].SecretType, 'ECS');
      assert.equal(
        (
          await filter([
            { Key: 'TagKey', Values: ['team'] },
            { Key: 'TagValue', Values: ['even'] },
          ])
        ).TotalCount,
        6,
      );
      await rejectsWith(filter([{ Key: 'Bogus', Values: ['x'] }]), 'InvalidParameter', 400);
      await rejectsWith(raw(client, 'ListSecrets', { Filters: 'not json' }), 'InvalidParameter', 400);
    });
  });

  it('gets values by stage, by version, by both, and by ARN', async () => {
    await withEmulator({}, async (_e, client) => {
      await create(client, 'app/x', 'one');
      await put(client, 'app/x', 'v2', 'two');
      assert.equal((await value(client, 'app/x')).secretData, 'two');
      assert.equal((await value(client, 'app/x', { versionStage: 'ACSPrevious' })).secretData, 'one');
      assert.equal((await value(client, 'app/x', { versionId: 'v1' })).secretData, 'one');
      assert.equal((await value(client, 'app/x', { versionId: 'v2', versionStage: 'ACSCurrent' })).secretData, 'two');
      await rejectsWith(
        value(client, 'app/x', { versionId: 'v1', versionStage: 'ACSCurrent' }),
        'InvalidParameter',
        400,
      );
      await rejectsWith(value(client, 'app/x', { versionId: 'v9' }), 'Forbidden.ResourceNotFound', 404);
      assert.equal((await value(client, 'acs:kms:cn-hangzhou:1234567890123456:secret/app/x')).secretData, 'two');
      await rejectsWith(
        value(client, 'acs:kms:cn-shanghai:1234567890123456:secret/app/x'),
        'Forbidden.ResourceNotFound',
        404,
      );
      const got = await raw(client, 'GetSecretValue', { SecretName: 'app/x' });
      assert.deepEqual(got.VersionStages, { VersionStage: ['ACSCurrent'] });
      assert.equal(got.SecretDataType, 'text');
      assert.equal(got.SecretType, 'Generic');
    });
  });

  it('moves stages on PutSecretValue, supports custom stages, is idempotent and detects conflicts', async () => {
    await withEmulator({}, async (emulator, client) => {
      await create(client, 's', 'one');
      const p2 = await put(client, 's', 'v2', 'two');
      assert.deepEqual(p2.versionStages.versionStage, ['ACSCurrent']);
      await put(client, 's', 'v3', 'three', ['Canary']);
      assert.equal((await value(client, 's')).versionId, 'v2', 'a custom-stage put leaves ACSCurrent alone');
      assert.equal((await value(client, 's', { versionStage: 'Canary' })).secretData, 'three');
      await put(client, 's', 'v4', 'four', ['ACSCurrent', 'Canary']);
      const stages = Object.fromEntries(emulator.store.find('s')!.versions.map((v) => [v.versionId, v.stages]));
      assert.deepEqual(stages, { v1: [], v2: ['ACSPrevious'], v3: [], v4: ['ACSCurrent', 'Canary'] });

      const again = await put(client, 's', 'v4', 'four');
      assert.deepEqual(again.versionStages.versionStage, ['ACSCurrent', 'Canary']);
      await rejectsWith(put(client, 's', 'v4', 'different'), 'Rejected.ResourceExist', 409);
      await rejectsWith(put(client, 'missing', 'v1', 'x'), 'Forbidden.ResourceNotFound', 404);
    });
  });

  it('keeps at most 10 versions (oldest removed) and 8 distinct stages', async () => {
    await withEmulator({}, async (emulator, client) => {
      await create(client, 's', 'v1');
      for (let i = 2; i <= 12; i++) await put(client, 's', `v${i}`, `value ${i}`);
      const ids = emulator.store.find('s')!.versions.map((v) => v.versionId);
      assert.deepEqual(ids, ['v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10', 'v11', 'v12']);
      for (let i = 1; i <= 6; i++) await put(client, 's', `c${i}`, `custom ${i}`, [`Stage${i}`]);
      await rejectsWith(put(client, 's', 'c7', 'custom 7', ['Stage7']), 'Rejected.LimitExceeded', 400);
      const all = await raw(client, 'ListSecretVersionIds', {
        SecretName: 's',
        IncludeDeprecated: 'true',
        PageSize: 100,
      });
      assert.equal(all.TotalCount, 10);
      assert.ok(
        all.VersionIds.VersionId.some((v: Json) => v.VersionId === 'v12'),
        'ACSPrevious holder kept',
      );
    });
  });

  it('lists version ids newest first, hides stage-less versions unless IncludeDeprecated', async () => {
    await withEmulator({}, async (_e, client) => {
      await create(client, 's', 'one');
      await put(client, 's', 'v2', 'two');
      await put(client, 's', 'v3', 'three');
      const visible = await client.listSecretVersionIds(new KMS.ListSecretVersionIdsRequest({ secretName: 's' }));
      assert.equal(visible.pageSize, 20);
      assert.deepEqual(
        visible.versionIds.versionId.map((v) => [v.versionId, v.versionStages.versionStage]),
        [
          ['v3', ['ACSCurrent']],
          ['v2', ['ACSPrevious']],
        ],
      );
      const all = await client.listSecretVersionIds(
        new KMS.ListSecretVersionIdsRequest({ secretName: 's', includeDeprecated: 'true', pageSize: 2, pageNumber: 2 }),
      );
      assert.equal(all.totalCount, 3);
      assert.deepEqual(
        all.versionIds.versionId.map((v) => v.versionId),
        ['v1'],
      );
    });
  });

  it('applies the UpdateSecretVersionStage rules', async () => {
    await withEmulator({}, async (emulator, client) => {
      await create(client, 's', 'one');
      await put(client, 's', 'v2', 'two');
      await put(client, 's', 'v3', 'three');
      const stage = (p: Record<string, string>) =>
        client.updateSecretVersionStage(new KMS.UpdateSecretVersionStageRequest({ secretName: 's', ...p }));
      const stagesOf = () => Object.fromEntries(emulator.store.find('s')!.versions.map((v) => [v.versionId, v.stages]));

      await stage({ versionStage: 'Blue', moveToVersion: 'v1' }); // add
      await rejectsWith(stage({ versionStage: 'Blue', moveToVersion: 'v2' }), 'InvalidParameter', 400); // held elsewhere
      await stage({ versionStage: 'Blue', removeFromVersion: 'v1', moveToVersion: 'v2' }); // move
      assert.deepEqual(stagesOf(), { v1: [], v2: ['ACSPrevious', 'Blue'], v3: ['ACSCurrent'] });
      await stage({ versionStage: 'Blue', removeFromVersion: 'v2' }); // remove
      await rejectsWith(stage({ versionStage: 'ACSCurrent', removeFromVersion: 'v3' }), 'InvalidParameter', 400);
      await rejectsWith(stage({ versionStage: 'Blue', removeFromVersion: 'v2' }), 'InvalidParameter', 400);
      await rejectsWith(stage({ versionStage: 'Blue' }), 'MissingParameter', 400);
      await rejectsWith(stage({ versionStage: 'Blue', moveToVersion: 'v9' }), 'Forbidden.ResourceNotFound', 404);
      await stage({ versionStage: 'ACSCurrent', removeFromVersion: 'v3', moveToVersion: 'v1' }); // roll back
      assert.deepEqual(stagesOf(), { v1: ['ACSCurrent'], v2: [], v3: ['ACSPrevious'] });
      assert.equal((await value(client, 's')).secretData, 'one');
    });
  });

  it('updates the description', async () => {
    await withEmulator({}, async (_e, client) => {
      await create(client, 's', 'one');
      const updated = await client.updateSecret(
        new KMS.UpdateSecretRequest({ secretName: 's', description: 'new words' }),
      );
      assert.equal(updated.secretName, 's');
      assert.equal(
        (await client.describeSecret(new KMS.DescribeSecretRequest({ secretName: 's' }))).description,
        'new words',
      );
    });
  });
});
