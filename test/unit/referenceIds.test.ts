import * as assert from 'node:assert/strict';
import { parseSecretArn, secretId, tryParseReference } from '../../src/core/reference';

describe('Secret ids from references', () => {
  it('reads a secret ARN with the reference grammar', () => {
    assert.deepEqual(parseSecretArn('acs:kms:cn-hangzhou:123:secret/app/db'), {
      region: 'cn-hangzhou',
      accountId: '123',
      name: 'app/db',
    });
    for (const notAnArn of [
      'app/db',
      'kms://app/db',
      'acs:kms:cn-hangzhou:123:secret/app/*',
      'acs:kms:cn-hangzhou:123:key/abc',
      'acs:kms:cn-hangzhou:123:secret/app/db#password',
      'acs:kms:cn-hangzhou:123:secret/bad name',
    ])
      assert.equal(parseSecretArn(notAnArn), undefined, notAnArn);
  });

  it('asks KMS by ARN when the reference was written as one (cross-account), else by name', () => {
    assert.equal(secretId(tryParseReference('kms://app/db?stage=Beta#password')!), 'app/db');
    assert.equal(
      secretId(tryParseReference('acs:kms:cn-shanghai:1234567890:secret/app/db?stage=Beta#password')!),
      'acs:kms:cn-shanghai:1234567890:secret/app/db',
    );
  });
});
