import * as assert from 'node:assert/strict';
import {
  bypassesProxy,
  editorProxySettings,
  ProxyError,
  proxyFor,
  proxySettingsFromEnv,
  resolveProxyOption,
} from '../../../src/core/proxy';

const PROXY = 'http://proxy.corp:3128';
const via = (url: string, noProxy: string[] = [], proxy = PROXY) => proxyFor(url, { proxy, noProxy })?.href;

describe('proxy settings: which requests go through which proxy', () => {
  it('reads the variables as VS Code does: lower case first, https before http, one proxy for all', () => {
    assert.equal(proxySettingsFromEnv({ HTTPS_PROXY: 'http://a:1', https_proxy: 'http://b:2' }).proxy, 'http://b:2');
    assert.equal(proxySettingsFromEnv({ HTTP_PROXY: 'http://c:3', HTTPS_PROXY: 'http://a:1' }).proxy, 'http://a:1');
    assert.equal(proxySettingsFromEnv({ HTTP_PROXY: 'http://c:3' }).proxy, 'http://c:3');
    assert.equal(proxySettingsFromEnv({}).proxy, undefined);
    assert.deepEqual(proxySettingsFromEnv({ NO_PROXY: 'a.com, .b.com  c.com:8443' }).noProxy, [
      'a.com',
      '.b.com',
      'c.com:8443',
    ]);
    assert.deepEqual(proxySettingsFromEnv({ no_proxy: 'x', NO_PROXY: 'y' }).noProxy, ['x']);
  });

  it("takes VS Code's settings over the variables, and nothing when proxy support is off", () => {
    const env = { HTTPS_PROXY: 'http://env:1', NO_PROXY: 'env.example' };
    assert.deepEqual(editorProxySettings({ proxy: 'http://setting:2', noProxy: ['kms.example'] }, env), {
      proxy: 'http://setting:2',
      noProxy: ['kms.example'],
    });
    assert.deepEqual(editorProxySettings({ proxy: '', noProxy: [] }, env), {
      proxy: 'http://env:1',
      noProxy: ['env.example'],
    });
    assert.deepEqual(editorProxySettings({ proxy: 'http://setting:2', proxySupport: 'off' }, env), {});
    assert.equal(
      editorProxySettings({ proxySupport: 'on', proxyAuthorization: 'Basic eA==' }, env).authorization,
      'Basic eA==',
    );
  });

  it('uses the environment when a client is given no settings, and reads a function at every call', () => {
    assert.equal(resolveProxyOption(undefined, { HTTPS_PROXY: PROXY }).proxy, PROXY);
    let current = 'http://one:1';
    const option = () => ({ proxy: current });
    assert.equal(resolveProxyOption(option).proxy, 'http://one:1');
    current = 'http://two:2';
    assert.equal(resolveProxyOption(option).proxy, 'http://two:2');
  });

  it('proxies https only, never this machine (as VS Code), and a bare host:port means http', () => {
    assert.equal(via('https://kms.cn-hangzhou.aliyuncs.com'), 'http://proxy.corp:3128/');
    assert.equal(via('https://kms.cn-hangzhou.aliyuncs.com', [], 'proxy.corp:3128'), 'http://proxy.corp:3128/');
    assert.equal(via('http://127.0.0.2:8080'), undefined, 'plain http never crosses a proxy');
    assert.equal(via('http://100.100.100.200/latest/meta-data'), undefined, 'nor does the ECS metadata service');
    for (const local of ['https://localhost:1', 'https://127.0.0.1:1', 'https://[::1]:1'])
      assert.equal(via(local), undefined, local);
    assert.equal(via('https://127.0.0.2:1'), 'http://proxy.corp:3128/', 'other addresses follow NO_PROXY');
    assert.equal(proxyFor('https://kms.example', {}), undefined);
  });

  it('matches NO_PROXY entries: names with subdomains, leading dot or *., ports, IPs, CIDR, *', () => {
    const host = 'kms.cn-hangzhou.aliyuncs.com';
    const bypass = (entries: string[], h = host, port = 443) => bypassesProxy(h, port, entries);
    assert.equal(bypass(['aliyuncs.com']), true);
    assert.equal(bypass(['.aliyuncs.com']), true);
    assert.equal(bypass(['*.aliyuncs.com']), true);
    assert.equal(bypass([host]), true);
    assert.equal(bypass(['KMS.CN-HANGZHOU.ALIYUNCS.COM']), true);
    assert.equal(bypass(['cs.com']), false, 'a suffix must end at a dot');
    assert.equal(bypass(['aliyuncs.com:443']), true);
    assert.equal(bypass(['aliyuncs.com:8443']), false);
    assert.equal(bypass(['*']), true);
    assert.equal(bypass(['10.0.0.0/8'], '10.20.30.40'), true);
    assert.equal(bypass(['10.0.0.0/8'], '11.0.0.1'), false);
    assert.equal(bypass(['10.0.0.0/8']), false);
    assert.equal(bypass(['fd00::/8'], '[fd12::1]'), true);
    assert.equal(bypass(['192.168.1.5'], '192.168.1.5'), true);
    assert.equal(bypass(['192.168.1.5:8443'], '192.168.1.5', 443), false);
    assert.equal(bypass(['[fd12::1]:443'], 'fd12::1', 443), true);
    assert.equal(bypass(['', ' ']), false);
    assert.equal(via('https://kms.cn-hangzhou.aliyuncs.com', ['aliyuncs.com']), undefined);
  });

  it('refuses a proxy it cannot use with one sentence that never shows the credentials', () => {
    assert.throws(
      () => via('https://kms.example', [], 'socks5://user:hunter2@proxy:1080'),
      (error: unknown) =>
        error instanceof ProxyError &&
        error.code === 'ProxyInvalid' &&
        /socks5:\/\/proxy:1080 is not supported/.test(error.message) &&
        !error.message.includes('hunter2'),
    );
    assert.throws(() => via('https://kms.example', [], 'http://[bad'), /not a valid URL/);
  });
});
