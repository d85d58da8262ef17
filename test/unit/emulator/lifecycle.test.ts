import * as KMS from '@alicloud/kms20160120';
import * as assert from 'node:assert/strict';
import { raw, rejectsWith, withEmulator } from './helpers';

const DAY = 24 * 3600 * 1000;
const RDS_VALUE = JSON.stringify({ AccountName: 'app', AccountPassword: 'old-password-1234' });

describe('emulator deletion, restore and rotation', () => {
  it('schedules deletion (default 30 days), blocks reads in the window, restores, and validates the window', async () => {
    let clock = Date.parse('2026-03-01T00:00:00Z');
    await withEmulator({ now: () => new Date(clock) }, async (emulator, client) => {
      // The SDK's own timestamps must stay inside the emulator's 15-minute window, so move the clock only in small
      // steps.
      clock = Date.now();
      await client.createSecret(new KMS.CreateSecretRequest({ secretName: 's', secretData: 'x', versionId: 'v1' }));
      const del = await client.deleteSecret(new KMS.DeleteSecretRequest({ secretName: 's' }));
      assert.equal(Date.parse(del.plannedDeleteTime) - Math.floor(clock / 1000) * 1000 >= 30 * DAY - 1000, true);
      const described = await client.describeSecret(new KMS.DescribeSecretRequest({ secretName: 's' }));
      assert.equal(described.plannedDeleteTime, del.plannedDeleteTime);
      const listed = await client.listSecrets(new KMS.ListSecretsRequest({}));
      assert.equal(listed.secretList.secret[0].plannedDeleteTime, del.plannedDeleteTime);
      await rejectsWith(
        client.getSecretValue(new KMS.GetSecretValueRequest({ secretName: 's' })),
        'Rejected.ResourceInDeleteWindow',
        409,
      );
      await rejectsWith(
        client.putSecretValue(new KMS.PutSecretValueRequest({ secretName: 's', versionId: 'v2', secretData: 'y' })),
        'Rejected.ResourceInDeleteWindow',
        409,
      );
      await rejectsWith(
        client.createSecret(new KMS.CreateSecretRequest({ secretName: 's', secretData: 'x', versionId: 'v1' })),
        'Rejected.ResourceInDeleteWindow',
        409,
      );
      await client.restoreSecret(new KMS.RestoreSecretRequest({ secretName: 's' }));
      assert.equal((await client.getSecretValue(new KMS.GetSecretValueRequest({ secretName: 's' }))).secretData, 'x');
      await rejectsWith(
        client.restoreSecret(new KMS.RestoreSecretRequest({ secretName: 's' })),
        'InvalidParameter',
        400,
      );

      for (const days of ['6', '31', 'abc']) {
        await rejectsWith(
          client.deleteSecret(new KMS.DeleteSecretRequest({ secretName: 's', recoveryWindowInDays: days })),
          'InvalidParameter',
          400,
        );
      }
      await rejectsWith(
        client.deleteSecret(
          new KMS.DeleteSecretRequest({
            secretName: 's',
            forceDeleteWithoutRecovery: 'true',
            recoveryWindowInDays: '7',
          }),
        ),
        'InvalidParameter',
        400,
      );
      const seven = await client.deleteSecret(
        new KMS.DeleteSecretRequest({ secretName: 's', recoveryWindowInDays: '7' }),
      );
      assert.equal(Date.parse(seven.plannedDeleteTime), Math.floor(clock / 1000) * 1000 + 7 * DAY);
      assert.ok(emulator.store.find('s'));
      // After the window the secret is gone for good.
      emulator.store.find('s')!.plannedDeleteTime = clock - 1;
      await rejectsWith(
        client.describeSecret(new KMS.DescribeSecretRequest({ secretName: 's' })),
        'Forbidden.ResourceNotFound',
        404,
      );
    });
  });

  it('force-deletes immediately, also a secret already pending deletion', async () => {
    await withEmulator({}, async (emulator, client) => {
      for (const name of ['a', 'b'])
        await client.createSecret(new KMS.CreateSecretRequest({ secretName: name, secretData: 'x', versionId: 'v1' }));
      await client.deleteSecret(new KMS.DeleteSecretRequest({ secretName: 'a', forceDeleteWithoutRecovery: 'true' }));
      assert.equal(emulator.store.find('a'), undefined);
      await client.deleteSecret(new KMS.DeleteSecretRequest({ secretName: 'b' }));
      await client.deleteSecret(new KMS.DeleteSecretRequest({ secretName: 'b', forceDeleteWithoutRecovery: 'true' }));
      await rejectsWith(
        client.restoreSecret(new KMS.RestoreSecretRequest({ secretName: 'b' })),
        'Forbidden.ResourceNotFound',
        404,
      );
      await client.createSecret(new KMS.CreateSecretRequest({ secretName: 'b', secretData: 'again', versionId: 'v1' }));
    });
  });

  it('creates managed secrets with rotation fields and rotates only them', async () => {
    await withEmulator({}, async (_e, client) => {
      const created = await raw(client, 'CreateSecret', {
        SecretName: 'rds/app',
        SecretType: 'Rds',
        SecretData: RDS_VALUE,
        VersionId: 'r1',
        EnableAutomaticRotation: 'true',
        RotationInterval: '7d',
        ExtendedConfig: JSON.stringify({ SecretSubType: 'SingleUser' }),
      });
      assert.deepEqual(
        [created.SecretType, created.AutomaticRotation, created.RotationInterval],
        ['Rds', 'Enabled', '604800s'],
      );
      assert.ok(created.NextRotationDate);
      const described = await raw(client, 'DescribeSecret', { SecretName: 'rds/app' });
      assert.equal(described.AutomaticRotation, 'Enabled');
      assert.equal(described.ExtendedConfig, JSON.stringify({ SecretSubType: 'SingleUser' }));

      const rotated = await raw(client, 'RotateSecret', { SecretName: 'rds/app', VersionId: 'r2' });
      assert.deepEqual(
        [rotated.SecretName, rotated.VersionId, rotated.Arn],
        ['rds/app', 'r2', 'acs:kms:cn-hangzhou:1234567890123456:secret/rds/app'],
      );
      const current = await raw(client, 'GetSecretValue', { SecretName: 'rds/app' });
      const parsed = JSON.parse(current.SecretData);
      assert.equal(parsed.AccountName, 'app');
      assert.notEqual(parsed.AccountPassword, 'old-password-1234');
      assert.ok(current.LastRotationDate);
      const previous = await raw(client, 'GetSecretValue', { SecretName: 'rds/app', VersionStage: 'ACSPrevious' });
      assert.equal(previous.SecretData, RDS_VALUE);
      await rejectsWith(
        raw(client, 'GetSecretValue', { SecretName: 'rds/app', VersionStage: 'Custom' }),
        'InvalidParameter',
        400,
      );
      // Same VersionId again: idempotent, nothing new.
      await raw(client, 'RotateSecret', { SecretName: 'rds/app', VersionId: 'r2' });
      assert.equal(
        (await raw(client, 'GetSecretValue', { SecretName: 'rds/app', VersionStage: 'ACSPrevious' })).VersionId,
        'r1',
      );
      await rejectsWith(
        client.putSecretValue(
          new KMS.PutSecretValueRequest({ secretName: 'rds/app', versionId: 'x', secretData: '{}' }),
        ),
        'UnsupportedOperation',
        409,
      );

      await client.createSecret(new KMS.CreateSecretRequest({ secretName: 'plain', secretData: 'x', versionId: 'v1' }));
      await rejectsWith(
        raw(client, 'RotateSecret', { SecretName: 'plain', VersionId: 'v2' }),
        'UnsupportedOperation',
        409,
      );
      await rejectsWith(
        raw(client, 'CreateSecret', {
          SecretName: 'g2',
          SecretData: 'x',
          VersionId: 'v1',
          EnableAutomaticRotation: 'true',
          RotationInterval: '7d',
        }),
        'InvalidParameter',
        400,
      );
    });
  });

  it('updates the rotation policy within 6h–8760h', async () => {
    await withEmulator({}, async (_e, client) => {
      await raw(client, 'CreateSecret', {
        SecretName: 'acs/ram/user/bot',
        SecretType: 'RAMCredentials',
        VersionId: 'k1',
        SecretData: JSON.stringify({ AccessKeys: [{ AccessKeyId: 'FAKEID', AccessKeySecret: 'fake' }] }),
      });
      assert.equal(
        (await raw(client, 'DescribeSecret', { SecretName: 'acs/ram/user/bot' })).AutomaticRotation,
        'Disabled',
      );
      const policy = (p: Record<string, string>) =>
        raw(client, 'UpdateSecretRotationPolicy', { SecretName: 'acs/ram/user/bot', ...p });
      assert.equal(
        (await policy({ EnableAutomaticRotation: 'true', RotationInterval: '12h' })).SecretName,
        'acs/ram/user/bot',
      );
      const described = await raw(client, 'DescribeSecret', { SecretName: 'acs/ram/user/bot' });
      assert.deepEqual([described.AutomaticRotation, described.RotationInterval], ['Enabled', '43200s']);
      await rejectsWith(policy({ EnableAutomaticRotation: 'true', RotationInterval: '5h' }), 'InvalidParameter', 400);
      await rejectsWith(
        policy({ EnableAutomaticRotation: 'true', RotationInterval: '8761h' }),
        'InvalidParameter',
        400,
      );
      await rejectsWith(policy({}), 'MissingParameter', 400);
      await policy({ EnableAutomaticRotation: 'false' });
      const off = await raw(client, 'DescribeSecret', { SecretName: 'acs/ram/user/bot' });
      assert.deepEqual([off.AutomaticRotation, off.NextRotationDate], ['Disabled', undefined]);
      const viaAuto = await raw(client, 'CreateSecret', {
        SecretName: '$Auto',
        SecretType: 'RAMCredentials',
        VersionId: 'k1',
        ExtendedConfig: JSON.stringify({ UserName: 'ci' }),
        SecretData: JSON.stringify({ AccessKeys: [] }),
      });
      assert.equal(viaAuto.SecretName, 'acs/ram/user/ci');
    });
  });
});
