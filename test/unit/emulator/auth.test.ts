import * as KMS from '@alicloud/kms20160120';
import * as assert from 'node:assert/strict';
import { startEmulator } from '../../../src/emulator/server';
import { AK, clientFor, handSign, raw, rejectsWith, rpcParams, sendRaw, withEmulator } from './helpers';

const get = (name: string) => new KMS.GetSecretValueRequest({ secretName: name });
const STS = { accessKeyId: 'STS.test', accessKeySecret: 'sts-secret', securityToken: 'CAIS-token+/=abc' };

describe('emulator authentication', () => {
  it('rejects a wrong AccessKeySecret with SignatureDoesNotMatch 400, without echoing the string to sign', async () => {
    await withEmulator({}, async (emulator) => {
      const data = await rejectsWith(
        clientFor(emulator, { ...AK, accessKeySecret: 'wrong' }).listSecrets(new KMS.ListSecretsRequest({})),
        'SignatureDoesNotMatch',
        400,
      );
      assert.deepEqual(Object.keys(data).sort(), ['Code', 'HostId', 'HttpStatus', 'Message', 'Recommend', 'RequestId']);
      assert.doesNotMatch(data.Message, /ListSecrets|POST&/);
    });
  });

  it('rejects an unknown AccessKeyId with InvalidAccessKeyId.NotFound 404', async () => {
    await withEmulator({}, async (emulator) => {
      await rejectsWith(
        clientFor(emulator, { accessKeyId: 'nobody', accessKeySecret: 'x' }).listSecrets(
          new KMS.ListSecretsRequest({}),
        ),
        'InvalidAccessKeyId.NotFound',
        404,
      );
    });
  });

  it('uses documented default credentials when none are configured', async () => {
    const emulator = await startEmulator();
    try {
      const client = clientFor(emulator, {
        accessKeyId: 'emulator-access-key-id',
        accessKeySecret: 'emulator-access-key-secret',
      });
      assert.equal((await client.listSecrets(new KMS.ListSecretsRequest({}))).totalCount, 0);
    } finally {
      await emulator.close();
    }
  });

  describe('STS credentials', () => {
    const options = {
      credentials: [AK, STS, { ...STS, accessKeyId: 'STS.old', expiration: new Date(Date.now() - 1000) }],
    };

    it('accepts the matching SecurityToken (with + / = intact)', async () => {
      await withEmulator(options, async (emulator) => {
        const list = await clientFor(emulator, STS).listSecrets(new KMS.ListSecretsRequest({}));
        assert.equal(list.totalCount, 0);
      });
    });

    it('requires the token, rejects a different one, and an expired one', async () => {
      await withEmulator(options, async (emulator) => {
        const { securityToken: _t, ...noToken } = STS;
        await rejectsWith(
          clientFor(emulator, noToken).listSecrets(new KMS.ListSecretsRequest({})),
          'MissingSecurityToken',
          400,
        );
        await rejectsWith(
          clientFor(emulator, { ...STS, securityToken: 'CAIS-other' }).listSecrets(new KMS.ListSecretsRequest({})),
          'InvalidSecurityToken.MismatchWithAccessKey',
          400,
        );
        await rejectsWith(
          clientFor(emulator, { ...STS, accessKeyId: 'STS.old' }).listSecrets(new KMS.ListSecretsRequest({})),
          'InvalidSecurityToken.Expired',
          400,
        );
      });
    });

    it('rejects a token sent with a long-term AccessKey', async () => {
      await withEmulator(options, async (emulator) => {
        await rejectsWith(
          clientFor(emulator, { ...AK, securityToken: 'CAIS-x' }).listSecrets(new KMS.ListSecretsRequest({})),
          'InvalidSecurityToken.Malformed',
          400,
        );
      });
    });
  });

  it('rejects a replayed SignatureNonce with SignatureNonceUsed', async () => {
    await withEmulator({}, async (emulator) => {
      const params = rpcParams('ListSecrets');
      const first = await sendRaw(emulator, params);
      assert.equal(first.status, 200);
      const replay = await sendRaw(emulator, params);
      assert.equal(replay.status, 400);
      assert.equal(replay.body.Code, 'SignatureNonceUsed');
    });
  });

  it('rejects timestamps more than 15 minutes off, either way, and malformed ones', async () => {
    const skewed = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);
    for (const minutes of [16, -16]) {
      await withEmulator({ now: skewed(minutes) }, async (_e, client) => {
        await rejectsWith(client.listSecrets(new KMS.ListSecretsRequest({})), 'InvalidTimeStamp.Expired', 400);
      });
    }
    await withEmulator({ now: skewed(14) }, async (_e, client) => {
      assert.equal((await client.listSecrets(new KMS.ListSecretsRequest({}))).totalCount, 0);
    });
    await withEmulator({}, async (emulator) => {
      const res = await sendRaw(emulator, { ...rpcParams('ListSecrets'), Timestamp: '2026/01/01 00:00' });
      assert.equal(res.body.Code, 'InvalidTimeStamp.Format');
    });
  });

  it('reports missing common parameters, unknown actions, wrong versions and methods with the gateway codes', async () => {
    await withEmulator({}, async (emulator, client) => {
      const { SignatureNonce: _n, ...noNonce } = rpcParams('ListSecrets');
      const missing = await sendRaw(emulator, noNonce);
      assert.deepEqual(
        [missing.status, missing.body.Code, missing.body.Message],
        [400, 'MissingParameter', 'The parameter "SignatureNonce" is needed but not provided.'],
      );
      await rejectsWith(raw(client, 'NoSuchAction', {}), 'InvalidAction.NotFound', 404);
      const version = await sendRaw(emulator, rpcParams('ListSecrets', { Version: '2015-04-01' }));
      assert.equal(version.body.Code, 'InvalidVersion');
      const put = await fetch(`${emulator.url}/?Action=ListSecrets`, { method: 'PUT' });
      assert.equal(put.status, 403);
      assert.equal(((await put.json()) as { Code: string }).Code, 'UnsupportedHTTPMethod');
      assert.match(put.headers.get('content-type') ?? '', /^application\/json/);
      const noAction = await sendRaw(emulator, { ...rpcParams('x'), Action: '' });
      assert.equal(noAction.body.Code, 'MissingParameter');
    });
  });

  it('accepts GET, and parameters in a form body (signed together with the query)', async () => {
    await withEmulator({}, async (emulator) => {
      const viaGet = await sendRaw(emulator, rpcParams('ListSecrets', { PageSize: '5' }), { method: 'GET' });
      assert.equal(viaGet.status, 200);
      assert.equal(viaGet.body.PageSize, 5);

      const query = rpcParams('CreateSecret');
      const form = { SecretName: 'form/secret', SecretData: 'a+b c', VersionId: 'v1' };
      const signature = handSign('POST', { ...query, ...form }, AK.accessKeySecret);
      const body = Object.entries(form)
        .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%20/g, '+')}`)
        .join('&');
      const res = await sendRaw(
        emulator,
        { ...query, Signature: signature },
        { body, contentType: 'application/x-www-form-urlencoded' },
      );
      assert.equal(res.status, 200, res.text);
      assert.equal(emulator.store.find('form/secret')?.versions[0].data, 'a+b c');
    });
  });

  it('never turns + into a space in the query (names and tokens keep their +)', async () => {
    await withEmulator({}, async (_e, client) => {
      await client.createSecret(new KMS.CreateSecretRequest({ secretName: 'a+b', secretData: 'x', versionId: 'v1' }));
      assert.equal((await client.getSecretValue(get('a+b'))).secretName, 'a+b');
      await rejectsWith(client.getSecretValue(get('a b')), 'Forbidden.ResourceNotFound', 404);
    });
  });
});
