import * as assert from 'node:assert/strict';
import { checkSecretUse } from '../../../src/core/check';
import { createKmsLookup } from '../../../src/core/check/kmsLookup';
import { AK, count, fastRetry, withEmulator } from '../kms/helpers';

// The CLI's lookup over the real SDK and the emulator's signature checks.
describe('KMS lookup for the reference rules (emulator)', function () {
  this.timeout(20_000);

  it('answers metadata with DescribeSecret and ListSecretVersionIds, and only key names from GetSecretValue', () =>
    withEmulator({}, async (emulator) => {
      const lookup = await createKmsLookup(
        { source: { kind: 'static', ...AK }, region: 'cn-hangzhou', endpoint: emulator.url },
        fastRetry,
      );
      assert.equal(lookup.activeRegion, 'cn-hangzhou');
      assert.equal((await lookup.describe('cn-hangzhou', 'app/db')).plannedDeleteTime, undefined);
      assert.ok((await lookup.describe('cn-hangzhou', 'old/gone')).plannedDeleteTime);
      const versions = await lookup.versions('cn-hangzhou', 'app/db');
      assert.deepEqual(
        versions.map((v) => [v.versionId, v.stages]),
        [
          ['v2', ['ACSCurrent', 'Canary']],
          ['v1', ['ACSPrevious']],
        ],
      );
      await lookup.versions('cn-hangzhou', 'app/db');
      assert.equal(count(emulator, 'ListSecretVersionIds'), 1, 'each secret is listed once per run');
      assert.equal(count(emulator, 'GetSecretValue'), 0);
      const keys = await lookup.jsonKeys({ name: 'app/db' });
      assert.deepEqual(keys, ['user', 'password']);
      assert.equal(await lookup.jsonKeys({ name: 'app/db', stage: 'ACSPrevious' }), undefined);
      assert.equal(count(emulator, 'GetSecretValue'), 2);
    }));

  it('lets the rules tell unknown, pending-deletion and broken stage/version/key apart over the wire', () =>
    withEmulator({}, async (emulator) => {
      const lookup = await createKmsLookup(
        { source: { kind: 'static', ...AK }, region: 'cn-hangzhou', endpoint: emulator.url },
        fastRetry,
      );
      const codes = async (use: Parameters<typeof checkSecretUse>[0]) =>
        (await checkSecretUse(use, lookup, { readValues: true })).problems.map((p) => p.code);
      assert.deepEqual(await codes({ name: 'app/db', stage: 'Canary', jsonKeys: ['password'] }), []);
      assert.deepEqual(await codes({ name: 'app/none' }), ['unknown-secret']);
      assert.deepEqual(await codes({ name: 'old/gone' }), ['pending-deletion']);
      assert.deepEqual(await codes({ name: 'app/db', stage: 'Blue' }), ['unknown-stage']);
      assert.deepEqual(await codes({ name: 'app/db', versionId: 'v7' }), ['unknown-version']);
      assert.deepEqual(await codes({ name: 'app/db', jsonKeys: ['host'] }), ['json-key-absent']);
      assert.deepEqual(await codes({ name: 'app/api-key', jsonKeys: ['host'] }), ['not-json']);
    }));

  it('reports a use as unverified when the credentials are refused', () =>
    withEmulator({}, async (emulator) => {
      const lookup = await createKmsLookup(
        {
          source: { kind: 'static', accessKeyId: 'unknown-id', accessKeySecret: 'x' },
          region: 'cn-hangzhou',
          endpoint: emulator.url,
        },
        fastRetry,
      );
      const result = await checkSecretUse({ name: 'app/db' }, lookup, { readValues: true });
      assert.deepEqual(result.problems, []);
      assert.ok(result.unverified);
    }));
});
