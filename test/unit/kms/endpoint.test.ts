import * as assert from 'node:assert/strict';
import { isLoopbackHost, resolveEndpoint } from '../../../src/core/kms/endpoint';

describe('Plain http endpoints (loopback only)', () => {
  it('accepts localhost, 127.0.0.0/8 and [::1]', () => {
    for (const endpoint of [
      'http://localhost:4000',
      'http://LOCALHOST:4000',
      'http://127.0.0.1:4000',
      'http://127.255.0.9',
      'http://[::1]:4000',
      'http://[0:0:0:0:0:0:0:1]:4000',
    ])
      assert.equal(resolveEndpoint({ region: 'cn-hangzhou', endpoint }).protocol, 'http', endpoint);
  });

  it('refuses every other host, including names under .localhost, which go through DNS', () => {
    for (const endpoint of [
      'http://kms.localhost:4000',
      'http://attacker.localhost',
      'http://localhost.:4000',
      'http://localhost.attacker.example',
      'http://128.0.0.1',
      'http://0.0.0.0:4000',
      'http://[::2]',
      'http://[::ffff:127.0.0.1]',
      'http://10.0.0.1',
      'http://attacker.example',
    ])
      assert.throws(() => resolveEndpoint({ region: 'cn-hangzhou', endpoint }), /Plain http is allowed only/, endpoint);
    for (const host of ['kms.localhost', 'a.b.localhost', 'localhost.', '[::ffff:127.0.0.1]'])
      assert.equal(isLoopbackHost(host), false, host);
  });

  it('takes https anywhere', () => {
    assert.equal(resolveEndpoint({ region: 'cn-hangzhou', endpoint: 'https://kms.localhost' }).protocol, 'https');
  });
});
