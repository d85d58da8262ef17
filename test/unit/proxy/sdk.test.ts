import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent as HttpsAgent, createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { agentFor, ProxyError, viaProxy } from '../../../src/core/proxy';
import { startTestProxy, TestProxy } from '../../support/proxy';
import { testCertificate, TestCertificate } from '../../support/tls';

/** The httpx every SDK module resolves, from that module's own folder. */
const httpxOf = (pkg: string) => require.resolve('httpx', { paths: [dirname(require.resolve(`${pkg}/package.json`))] });

// eslint-disable-next-line @typescript-eslint/no-require-imports
const httpx = require('httpx') as {
  request(url: string, options: Record<string, unknown>): Promise<{ statusCode: number }>;
  read(response: unknown, encoding: string): Promise<string>;
};

describe('proxy seam for the Alibaba SDKs (httpx)', function () {
  this.timeout(20_000);
  let dir: string;
  let certificate: TestCertificate;
  let server: Server;
  let port: number;
  let proxy: TestProxy;
  let other: TestProxy;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kms-sdkproxy-'));
    certificate = testCertificate(dir);
    server = createServer({ cert: certificate.cert, key: certificate.key }, (_req, res) => res.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    proxy = await startTestProxy({ auth: { user: 'u', password: 'p' } });
    other = await startTestProxy();
  });
  beforeEach(() => {
    proxy.requests.splice(0);
    other.requests.splice(0);
  });
  after(async () => {
    server.closeAllConnections();
    server.close();
    await proxy.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // httpx passes `ca` through, so these tests trust the throw-away certificate without NODE_EXTRA_CA_CERTS.
  const get = async (url: string, options: Record<string, unknown> = {}) =>
    httpx.read(await httpx.request(url, { ca: certificate.cert, ...options }), 'utf8');

  it('every SDK module that makes requests resolves the one httpx the seam wraps', () => {
    const ours = require.resolve('httpx');
    for (const pkg of ['@alicloud/tea-typescript', '@alicloud/credentials', '@alicloud/tea-util'])
      assert.equal(httpxOf(pkg), ours, `${pkg} uses another copy of httpx: the proxy would not reach it`);
  });

  it('sends requests made inside viaProxy through the proxy, with basic auth', async () => {
    const body = await viaProxy({ proxy: proxy.urlWith('u', 'p') }, () => get(`https://kms.proxy.test:${port}/`));
    assert.equal(body, 'hello');
    assert.deepEqual(proxy.requests, [{ target: `kms.proxy.test:${port}`, auth: 'u:p', status: 200 }]);
  });

  it('leaves requests outside viaProxy, and callers that bring their own agent, alone', async () => {
    await viaProxy({ proxy: proxy.urlWith('u', 'p') }, async () => undefined); // the hook is installed by now
    assert.equal(await get(`https://127.0.0.2:${port}/`).catch((e: NodeJS.ErrnoException) => e.code), 'ECONNREFUSED');
    const own = new HttpsAgent({ keepAlive: false });
    const body = await viaProxy({ proxy: proxy.urlWith('u', 'p') }, () =>
      get(`https://localhost:${port}/`, { agent: own }),
    );
    assert.equal(body, 'hello');
    assert.deepEqual(proxy.requests, []);
  });

  it('keeps concurrent calls apart: each uses its own settings', async () => {
    const [a, b] = await Promise.all([
      viaProxy({ proxy: proxy.urlWith('u', 'p') }, () => get(`https://kms.proxy.test:${port}/a`)),
      viaProxy({ proxy: other.url }, () => get(`https://sts.proxy.test:${port}/b`)),
    ]);
    assert.deepEqual([a, b], ['hello', 'hello']);
    assert.deepEqual(
      proxy.requests.map((r) => r.target),
      [`kms.proxy.test:${port}`],
    );
    assert.deepEqual(
      other.requests.map((r) => r.target),
      [`sts.proxy.test:${port}`],
    );
  });

  it('turns a refused tunnel or an unreachable proxy into a ProxyError naming the proxy without credentials', async () => {
    await assert.rejects(
      viaProxy({ proxy: proxy.urlWith('u', 'wrong-canary') }, () => get(`https://kms.proxy.test:${port}/`)),
      (error: unknown) =>
        error instanceof ProxyError &&
        error.code === 'ProxyRefused' &&
        error.details.status === 407 &&
        !error.retryable &&
        error.message.includes(`http://127.0.0.1:${proxy.port}`) &&
        !error.message.includes('wrong-canary'),
    );
    await assert.rejects(
      viaProxy({ proxy: 'http://u:secret-canary@127.0.0.1:9' }, () => get(`https://kms.proxy.test:${port}/`)),
      (error: unknown) =>
        error instanceof ProxyError &&
        error.code === 'ProxyUnreachable' &&
        error.retryable &&
        /could not be reached \(ECONNREFUSED\)/.test(error.message) &&
        !error.message.includes('secret-canary'),
    );
  });

  it('reuses one keep-alive agent per proxy and credentials', () => {
    const url = 'https://kms.example';
    const a = agentFor(url, { proxy: 'http://u:p@proxy:1' });
    assert.ok(a);
    assert.equal(agentFor('https://other.example', { proxy: 'http://u:p@proxy:1' }), a);
    assert.notEqual(agentFor(url, { proxy: 'http://v:p@proxy:1' }), a);
    assert.notEqual(agentFor(url, { proxy: 'http://u:p@proxy:1', authorization: 'Basic x' }), undefined);
    assert.equal(agentFor(url, { proxy: 'http://u:p@proxy:1', noProxy: ['kms.example'] }), undefined);
  });
});
