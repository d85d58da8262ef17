import RpcUtil from '@alicloud/rpc-util';
import * as assert from 'node:assert/strict';
import { percentEncode, sign, signatureMatches, stringToSign } from '../../../src/emulator/signature';

describe('emulator signature (RPC v1, HMAC-SHA1)', () => {
  it('percent-encodes like RFC 3986, including the characters encodeURIComponent leaves raw', () => {
    assert.equal(percentEncode("a b*(x)!'~/+="), 'a%20b%2A%28x%29%21%27~%2F%2B%3D');
    assert.equal(percentEncode('中'), '%E4%B8%AD');
  });

  it('builds the sorted, doubly encoded string to sign without the Signature itself', () => {
    const s = stringToSign('post', { B: '2', A: 'x y', Signature: 'ignored' });
    assert.equal(s, 'POST&%2F&A%3Dx%2520y%26B%3D2');
  });

  it('agrees with the signer of the real SDK (@alicloud/rpc-util)', () => {
    const params = {
      Action: 'GetSecretValue',
      SecretName: "app/db+x=y.z@a-b_c*(1)!'~ 中文😀",
      Timestamp: '2026-01-01T00:00:00Z',
    };
    const sdk = RpcUtil.getSignatureV1(params, 'POST', 'my-secret');
    assert.equal(sign('POST', params, 'my-secret'), sdk);
    assert.ok(signatureMatches('POST', { ...params, Signature: sdk }, 'my-secret'));
    assert.ok(!signatureMatches('POST', { ...params, Signature: sdk }, 'other-secret'));
    assert.ok(!signatureMatches('POST', { ...params, Signature: 'short' }, 'my-secret'));
    assert.ok(!signatureMatches('GET', { ...params, Signature: sdk }, 'my-secret'), 'the method is signed');
  });
});
