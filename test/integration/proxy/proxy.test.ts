import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/server';
import { startTestProxy, type TestProxy } from '../../support/proxy';
import { testCertificate } from '../../support/tls';
import { isMessage, isSecret } from '../explorer/helpers';
import { ACCESS_KEY, api, configure, signInWithKeys, signOut, type TestApi } from '../fixtures';

// The explorer behind VS Code's proxy settings: the emulator on HTTPS with a throw-away certificate that this host
// trusts through NODE_EXTRA_CA_CERTS (the runner sets it), and a local proxy with basic auth that records CONNECTs.
// `kms.proxy.test` resolves only inside the proxy, so a listing of it proves the proxy carried it.
const EMULATOR_HOST = '127.0.0.2';
const USER = { user: 'bob', password: 'proxy-pw-canary' };
const SECRET = 'proxy/visible';

async function setHttp(values: Record<string, unknown>): Promise<void> {
  const http = vscode.workspace.getConfiguration('http');
  for (const [key, value] of Object.entries(values)) await http.update(key, value, vscode.ConfigurationTarget.Global);
}

describe('KMS behind a proxy (VS Code http.proxy settings)', function () {
  this.timeout(60_000);
  let kms: RunningEmulator;
  let proxy: TestProxy;
  let a: TestApi;

  /** Lists again and returns the rows: secret names, or the error sentence. */
  async function list(): Promise<{ names: string[]; messages: string[] }> {
    a.explorer.tree.refresh();
    await a.explorer.tree.whenListed();
    const rows = await a.explorer.tree.getChildren();
    return {
      names: rows.filter(isSecret).map((n) => n.name),
      messages: rows.filter(isMessage).map((n) => n.label),
    };
  }

  before(async () => {
    const dir = process.env.KMS_TEST_TLS_DIR;
    assert.ok(
      dir && process.env.NODE_EXTRA_CA_CERTS,
      'the host runner provides KMS_TEST_TLS_DIR and NODE_EXTRA_CA_CERTS',
    );
    const certificate = testCertificate(dir);
    kms = await startEmulator({
      host: EMULATOR_HOST,
      credentials: [ACCESS_KEY],
      tls: { cert: certificate.cert, key: certificate.key },
      seed: { secrets: [{ name: SECRET, versions: [{ versionId: 'v1', value: 'x', stages: ['ACSCurrent'] }] }] },
    });
    proxy = await startTestProxy({ auth: USER, testHostAddress: EMULATOR_HOST });
    a = await api();
    // `on`: VS Code leaves requests that bring their own agent alone, so this proves the extension's own proxy path.
    await setHttp({ proxy: proxy.urlWith(USER.user, USER.password), proxySupport: 'on', noProxy: [] });
    await configure(`https://kms.proxy.test:${kms.port}`);
    await signInWithKeys();
  });

  beforeEach(() => proxy.requests.splice(0));
  /** Tunnels asked for to the emulator's own address (other features may still be busy with the proxied name). */
  const towardsEmulatorHost = () => proxy.requests.filter((r) => r.target.startsWith(`${EMULATOR_HOST}:`));

  after(async () => {
    await signOut();
    await configure('');
    await setHttp({ proxy: undefined, proxySupport: undefined, noProxy: undefined });
    await proxy?.close();
    await kms?.close();
  });

  it('lists secrets through http.proxy with basic auth; the proxy sees the CONNECT', async () => {
    const { names, messages } = await list();
    assert.deepEqual([names, messages], [[SECRET], []]);
    // Only the endpoint's tunnels are this extension's: VS Code and its built-in extensions may use http.proxy too
    // (CI once saw a CONNECT to `undefined:443` from one of them in this window).
    const ours = proxy.requests.filter((r) => r.target.startsWith('kms.proxy.test:'));
    const others = proxy.requests.filter((r) => !ours.includes(r)).map((r) => `${r.target} ${r.status}`);
    if (others.length) console.log(`      other tunnels through the proxy: ${others.join(', ')}`);
    assert.ok(ours.length >= 1, 'the proxy was used');
    for (const r of ours)
      assert.deepEqual(
        [r.target, r.auth, r.status],
        [`kms.proxy.test:${kms.port}`, `${USER.user}:${USER.password}`, 200],
      );
  });

  it('shows one sentence naming the proxy when it refuses the credentials, without the password', async () => {
    await setHttp({ proxy: proxy.urlWith(USER.user, 'wrong-pw-canary') });
    try {
      const { names, messages } = await list();
      assert.deepEqual(names, []);
      assert.equal(messages.length, 1);
      assert.match(
        messages[0],
        new RegExp(`proxy http://127\\.0\\.0\\.1:${proxy.port} asked for credentials \\(407\\)`),
      );
      assert.ok(!messages[0].includes('wrong-pw-canary'));
    } finally {
      await setHttp({ proxy: proxy.urlWith(USER.user, USER.password) });
    }
  });

  it('goes direct to a host in http.noProxy', async () => {
    // Settings first: changing the endpoint sets other features (reference diagnostics) listing at once.
    await setHttp({ noProxy: [EMULATOR_HOST] });
    await configure(`https://${EMULATOR_HOST}:${kms.port}`);
    try {
      const { names } = await list();
      assert.deepEqual(names, [SECRET]);
      assert.deepEqual(towardsEmulatorHost(), [], 'no tunnel to the direct host');
    } finally {
      await configure(`https://kms.proxy.test:${kms.port}`);
      await setHttp({ noProxy: [] });
    }
  });

  it('goes direct with http.proxySupport off', async () => {
    await setHttp({ proxySupport: 'off' });
    await configure(`https://${EMULATOR_HOST}:${kms.port}`);
    try {
      const { names } = await list();
      assert.deepEqual(names, [SECRET]);
      assert.deepEqual(towardsEmulatorHost(), [], 'no tunnel to the direct host');
    } finally {
      await configure(`https://kms.proxy.test:${kms.port}`);
      await setHttp({ proxySupport: 'on' });
    }
  });

  it("also works under VS Code's default proxy support (override)", async () => {
    await setHttp({ proxySupport: undefined });
    try {
      const { names, messages } = await list();
      assert.deepEqual([names, messages], [[SECRET], []]);
      assert.ok(proxy.requests.some((r) => r.target === `kms.proxy.test:${kms.port}` && r.status === 200));
    } finally {
      await setHttp({ proxySupport: 'on' });
    }
  });
});
