/** Every KmsClient method through the real SDK over HTTP against the project's emulator. */
import * as assert from 'node:assert/strict';
import { Redactor } from '../../../src/core/redaction';
import { KmsClient, KmsError } from '../../../src/core/kms';
import { RunningEmulator, startEmulator } from '../../../src/emulator/server';
import { AK, clientFor, count, SEED, STS, withEmulator } from './helpers';

const kind = (k: string) => (e: unknown) => e instanceof KmsError && e.kind === k;

describe('KmsClient against the emulator', function () {
  let emulator: RunningEmulator;
  let client: KmsClient;
  let redactor: Redactor;

  beforeEach(async () => {
    emulator = await startEmulator({ credentials: [AK, STS], seed: SEED });
    redactor = new Redactor();
    client = clientFor(emulator, { redactor });
  });
  afterEach(() => emulator.close());

  it('lists secrets in pages, with tags and filters', async () => {
    const all = await client.listSecrets({ fetchTags: true });
    assert.deepEqual(all.map((s) => s.name).sort(), ['app/api-key', 'app/db', 'old/gone', 'rds/orders']);
    const db = all.find((s) => s.name === 'app/db')!;
    assert.deepEqual(db.tags, [
      { key: 'env', value: 'dev' },
      { key: 'team', value: 'orders' },
    ]);
    assert.equal(db.type, 'Generic');
    assert.ok(all.find((s) => s.name === 'old/gone')!.plannedDeleteTime);
    assert.equal(all.find((s) => s.name === 'rds/orders')!.type, 'Rds');

    const pages = [];
    for await (const page of client.listSecretPages({ pageSize: 3 })) pages.push(page);
    assert.deepEqual(
      pages.map((p) => [p.pageNumber, p.secrets.length, p.totalCount]),
      [
        [1, 3, 4],
        [2, 1, 4],
      ],
    );

    assert.deepEqual((await client.listSecrets({ filter: { name: 'app/' } })).map((s) => s.name).sort(), [
      'app/api-key',
      'app/db',
    ]);
    assert.deepEqual(
      (await client.listSecrets({ filter: { tagKey: 'team' } })).map((s) => s.name),
      ['app/db'],
    );
    assert.deepEqual(
      (await client.listSecrets({ filter: { tagValue: 'prod' } })).map((s) => s.name),
      ['app/api-key'],
    );
    assert.deepEqual(
      (await client.listSecrets({ filter: { type: 'Rds' } })).map((s) => s.name),
      ['rds/orders'],
    );
    assert.deepEqual(
      (await client.listSecrets({ filter: { description: 'orders' } })).map((s) => s.name),
      ['app/db'],
    );
    assert.equal((await client.listSecrets())[0].tags.length, 0, 'no tags unless fetchTags');
  });

  it('describes all metadata, including fields the 1.2.0 models drop (type, rotation, extended config)', async () => {
    const db = await client.describeSecret('app/db');
    assert.equal(db.arn, 'acs:kms:cn-hangzhou:1234567890123456:secret/app/db');
    assert.equal(db.description, 'orders database');
    assert.equal(db.type, 'Generic');
    assert.ok(db.encryptionKeyId && db.createTime && db.updateTime);
    assert.equal(db.tags.length, 2);
    assert.equal(db.rotation, undefined);
    const rds = await client.describeSecret('rds/orders');
    assert.equal(rds.type, 'Rds');
    assert.equal(rds.rotation?.enabled, true);
    assert.equal(rds.rotation?.interval, '604800s');
    assert.ok(rds.rotation?.nextRotationDate);
    assert.deepEqual(JSON.parse(rds.extendedConfig!), { SecretSubType: 'SingleUser' });
    assert.ok((await client.describeSecret('old/gone')).plannedDeleteTime);
  });

  it('reads values by name, ARN, stage and version id, and registers them with the redactor', async () => {
    const current = await client.getSecretValue('app/db');
    assert.deepEqual(JSON.parse(current.value), { user: 'app', password: 'p€ 😀' });
    assert.equal(current.versionId, 'v2');
    assert.deepEqual(current.stages.sort(), ['ACSCurrent', 'Canary']);
    assert.equal(current.dataType, 'text');
    assert.equal((await client.getSecretValue('app/db', { stage: 'ACSPrevious' })).value, 'old-password');
    assert.equal((await client.getSecretValue('app/db', { versionId: 'v1' })).value, 'old-password');
    assert.equal(
      (await client.getSecretValue('acs:kms:cn-hangzhou:1234567890123456:secret/app/api-key')).value,
      'api-key-value',
    );
    const rds = await client.getSecretValue('rds/orders', { fetchExtendedConfig: true });
    assert.equal(rds.type, 'Rds');
    assert.equal(rds.rotation?.status, 'Enabled');
    assert.ok(rds.extendedConfig);
    assert.equal(redactor.redact('x old-password y p€ 😀 z'), 'x ****** y ****** z');
  });

  it('reads many values with bounded concurrency; one failure fails only itself', async () => {
    const results = await client.getSecretValues(
      ['app/db', { name: 'app/db', stage: 'ACSPrevious' }, 'missing/one', 'app/api-key'],
      { concurrency: 2 },
    );
    assert.equal(results[1].value?.value, 'old-password');
    assert.equal(results[2].error?.kind, 'notFound');
    assert.equal(results[3].value?.value, 'api-key-value');
  });

  it('lists versions', async () => {
    const versions = await client.listSecretVersions('app/db');
    assert.deepEqual(versions.map((v) => v.versionId).sort(), ['v1', 'v2']);
    assert.deepEqual(versions.find((v) => v.versionId === 'v1')!.stages, ['ACSPrevious']);
  });

  it('creates a secret with description and tags, and a managed one with rotation', async () => {
    const created = await client.createSecret({
      name: 'new/secret',
      value: 'first',
      description: 'd',
      tags: [{ key: 'k', value: 'v' }],
    });
    assert.equal(created.name, 'new/secret');
    assert.ok(created.versionId.length > 8, 'a version id is generated');
    assert.equal(created.arn, 'acs:kms:cn-hangzhou:1234567890123456:secret/new/secret');
    const meta = await client.describeSecret('new/secret');
    assert.deepEqual([meta.description, meta.tags], ['d', [{ key: 'k', value: 'v' }]]);
    assert.equal((await client.getSecretValue('new/secret')).value, 'first');

    await client.createSecret({
      name: 'rds/new',
      type: 'Rds',
      value: JSON.stringify({ Accounts: [{ AccountName: 'a', AccountPassword: 'pw-123456' }] }),
      rotation: { enabled: true, interval: '30d' },
      extendedConfig: JSON.stringify({ SecretSubType: 'SingleUser', DBInstanceId: 'rm-1', CustomData: {} }),
    });
    const rds = await client.describeSecret('rds/new');
    assert.equal(rds.type, 'Rds');
    assert.equal(rds.rotation?.interval, '2592000s');
  });

  it('puts values (generated or given version id, custom stages) and invalidates the cache', async () => {
    assert.equal((await client.getSecretValue('app/api-key')).value, 'api-key-value');
    const put = await client.putSecretValue('app/api-key', { value: 'rotated-key' });
    assert.deepEqual(put.stages, ['ACSCurrent']);
    assert.equal(
      (await client.getSecretValue('app/api-key')).value,
      'rotated-key',
      'the write dropped the cached value',
    );
    assert.equal((await client.getSecretValue('app/api-key', { stage: 'ACSPrevious' })).value, 'api-key-value');
    const again = await client.putSecretValue('app/api-key', { value: 'staged', versionId: 'my-v', stages: ['Next'] });
    assert.equal(again.versionId, 'my-v');
    assert.deepEqual(again.stages, ['Next']);
    assert.equal((await client.getSecretValue('app/api-key')).value, 'rotated-key');
    assert.equal((await client.getSecretValue('app/api-key', { stage: 'Next' })).value, 'staged');
  });

  it('updates the description and moves version stages', async () => {
    await client.describeSecret('app/db');
    await client.updateSecretDescription('app/db', 'new words');
    assert.equal((await client.describeSecret('app/db')).description, 'new words');
    await client.updateVersionStage('app/db', { stage: 'Canary', removeFromVersion: 'v2', moveToVersion: 'v1' });
    assert.deepEqual((await client.getSecretValue('app/db', { versionId: 'v1' })).stages.sort(), [
      'ACSPrevious',
      'Canary',
    ]);
  });

  it('deletes with a recovery window, restores, and force-deletes', async () => {
    const scheduled = await client.deleteSecret('app/api-key', { recoveryWindowDays: 7 });
    const days = (Date.parse(scheduled.plannedDeleteTime!) - Date.now()) / 86_400_000;
    assert.ok(days > 6.9 && days < 7.1, String(days));
    await assert.rejects(client.getSecretValue('app/api-key'), kind('inDeletionWindow'));
    await client.restoreSecret('app/api-key');
    assert.equal((await client.getSecretValue('app/api-key')).value, 'api-key-value');
    await client.deleteSecret('app/api-key', { force: true });
    await assert.rejects(client.describeSecret('app/api-key'), kind('notFound'));
  });

  it('rotates a managed secret and updates its rotation policy (actions missing from SDK 1.2.0)', async () => {
    const before = await client.getSecretValue('rds/orders');
    const rotated = await client.rotateSecret('rds/orders');
    const after = await client.getSecretValue('rds/orders');
    assert.equal(after.versionId, rotated.versionId);
    assert.notEqual(after.value, before.value);
    await client.updateRotationPolicy('rds/orders', { enabled: false });
    assert.equal((await client.describeSecret('rds/orders')).rotation?.enabled, false);
    await client.updateRotationPolicy('rds/orders', { enabled: true, interval: '1d' });
    assert.equal((await client.describeSecret('rds/orders')).rotation?.interval, '86400s');
    await assert.rejects(client.rotateSecret('app/db'), kind('invalidInput'));
  });

  it('tags and untags', async () => {
    await client.tagSecret('app/db', [{ key: 'owner', value: 'me' }]);
    assert.ok((await client.describeSecret('app/db')).tags.some((t) => t.key === 'owner'));
    await client.untagSecret('app/db', ['owner', 'team']);
    assert.deepEqual((await client.describeSecret('app/db')).tags, [{ key: 'env', value: 'dev' }]);
  });

  it('generates random passwords and registers them', async () => {
    const password = await client.getRandomPassword({ length: 24, excludePunctuation: true });
    assert.equal(password.length, 24);
    assert.match(password, /^[A-Za-z0-9]+$/);
    assert.equal(redactor.redact(password), '******');
  });

  it('checks access', async () => {
    const access = await client.checkAccess();
    assert.equal(access.totalCount, 4);
    assert.match(access.providerName ?? '', /static_ak/);
  });

  it('signs with STS credentials (SecurityToken)', async () => {
    const sts = clientFor(emulator, {}, STS);
    assert.equal((await sts.getSecretValue('app/api-key')).value, 'api-key-value');
    const noToken = clientFor(emulator, {}, { accessKeyId: STS.accessKeyId, accessKeySecret: STS.accessKeySecret });
    await assert.rejects(
      noToken.getSecretValue('app/api-key'),
      (e: KmsError) => e.kind === 'credentials' && e.code === 'MissingSecurityToken',
    );
  });
});

describe('KmsClient cache', () => {
  it('serves repeated reads from memory, shares in-flight reads, honours fresh, TTL and invalidation', async () => {
    await withEmulator({}, async (emulator) => {
      let now = 0;
      const client = clientFor(emulator, { now: () => now, cache: { ttlMs: 1000 } });
      await Promise.all([
        client.getSecretValue('app/db'),
        client.getSecretValue('app/db'),
        client.describeSecret('app/db'),
      ]);
      await client.getSecretValue('app/db');
      await client.describeSecret('app/db');
      assert.equal(count(emulator, 'GetSecretValue'), 1);
      assert.equal(count(emulator, 'DescribeSecret'), 1);
      await client.getSecretValue('app/db', { fresh: true });
      assert.equal(count(emulator, 'GetSecretValue'), 2);
      await client.getSecretValue('app/db', { stage: 'ACSPrevious' });
      assert.equal(count(emulator, 'GetSecretValue'), 3, 'another stage is another entry');
      client.invalidate('app/db');
      await client.getSecretValue('app/db');
      assert.equal(count(emulator, 'GetSecretValue'), 4);
      now = 1000;
      await client.getSecretValue('app/db');
      assert.equal(count(emulator, 'GetSecretValue'), 5, 'expired');
      client.invalidate();
      await client.describeSecret('app/db');
      assert.equal(count(emulator, 'DescribeSecret'), 2);
    });
  });

  it('a write by name drops reads cached by ARN; cache: false never caches', async () => {
    await withEmulator({}, async (emulator) => {
      const client = clientFor(emulator);
      const arn = 'acs:kms:cn-hangzhou:1234567890123456:secret/app/api-key';
      await client.getSecretValue(arn);
      await client.putSecretValue('app/api-key', { value: 'new-value' });
      assert.equal((await client.getSecretValue(arn)).value, 'new-value');
      const uncached = clientFor(emulator, { cache: false });
      await uncached.describeSecret('app/db');
      await uncached.describeSecret('app/db');
      assert.equal(count(emulator, 'DescribeSecret'), 2);
    });
  });
});
