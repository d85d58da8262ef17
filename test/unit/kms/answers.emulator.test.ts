import * as assert from 'node:assert/strict';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { KmsClient, KmsError } from '../../../src/core/kms';
import { Redactor } from '../../../src/core/redaction';
import { AK, clientFor, fastRetry, withEmulator } from './helpers';

// Writes count only when KMS says so; codes and "not found" say exactly what happened.

/** A plain HTTP server answering every request with `status` and `body`; counts what reaches it. */
async function fakeEndpoint(
  status: number,
  body: () => unknown,
): Promise<{ url: string; hits: () => number; server: Server }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits, server };
}

function clientAt(url: string, redactor = new Redactor()): KmsClient {
  return new KmsClient(
    { source: { kind: 'static', ...AK }, region: 'cn-hangzhou', endpoint: url },
    { ...fastRetry, redactor, cache: false },
  );
}

async function rejection(promise: Promise<unknown>): Promise<KmsError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof KmsError, String(error));
    return error;
  }
  assert.fail('expected a rejection');
}

describe('KMS answers that are not what they seem', () => {
  for (const [what, body] of [
    ['an empty object', {}],
    ['JSON from something else', { ok: true, status: 'created' }],
    ['a RequestId without the written name and version', { RequestId: 'req-1' }],
    ['another secret and version', { RequestId: 'req-1', SecretName: 'other', VersionId: 'other-version' }],
  ] as const) {
    it(`a 200 with ${what} is not a successful CreateSecret or PutSecretValue`, async () => {
      const endpoint = await fakeEndpoint(200, () => body);
      try {
        const client = clientAt(endpoint.url);
        for (const write of [
          () => client.createSecret({ name: 'app/new', value: 'canary-not-written-1', versionId: 'v1' }),
          () => client.putSecretValue('app/db', { value: 'canary-not-written-2', versionId: 'v2' }),
        ]) {
          const error = await rejection(write());
          assert.equal(error.code, 'NotKmsResponse');
          assert.match(error.message, /KMS did not confirm the change/);
        }
        assert.ok(endpoint.hits() >= 2, 'the requests were really sent');
      } finally {
        endpoint.server.close();
      }
    });
  }

  it('a 200 that is not a KMS answer is no secret value either (not an empty one)', async () => {
    const endpoint = await fakeEndpoint(200, () => ({ RequestId: 'req-1', SecretName: 'app/db' }));
    try {
      const error = await rejection(clientAt(endpoint.url).getSecretValue('app/db'));
      assert.equal(error.code, 'NotKmsResponse');
      const other = await fakeEndpoint(200, () => ({ hello: 'world' }));
      try {
        assert.equal((await rejection(clientAt(other.url).listSecretVersions('app/db'))).code, 'NotKmsResponse');
      } finally {
        other.server.close();
      }
    } finally {
      endpoint.server.close();
    }
  });

  it('sanitises an error code like a message: no values, no URLs, only code characters', async () => {
    const redactor = new Redactor();
    redactor.register('canary-known-value-9');
    for (const [code, expected] of [
      ['Forbidden.ResourceNotFound', 'Forbidden.ResourceNotFound'],
      ['Bad canary-known-value-9 code', 'Badcode'],
      ['x&SecretData=hunter2-canary&y', 'xSecretDatay'],
      ['<script>alert(1)</script> https://evil.example/?Signature=abc', 'scriptalert1scripturl'],
      ['canary-known-value-9', 'Unknown'],
      ['A'.repeat(500), 'A'.repeat(64)],
    ]) {
      const endpoint = await fakeEndpoint(400, () => ({ RequestId: 'r', Code: code, Message: 'no' }));
      try {
        const error = await rejection(clientAt(endpoint.url, redactor).describeSecret('app/db'));
        assert.equal(error.code, expected, code);
        const json = JSON.stringify(error);
        for (const leak of ['canary-known-value-9', 'hunter2-canary', 'evil.example'])
          assert.ok(!json.includes(leak), `${leak} in ${json}`);
      } finally {
        endpoint.server.close();
      }
    }
  });

  it('says a missing version or stage is missing, and a missing secret is missing', () =>
    withEmulator({}, async (emulator) => {
      const client = clientFor(emulator, { cache: false });
      const version = await rejection(client.getSecretValue('app/db', { versionId: 'v9' }));
      assert.equal(version.kind, 'notFound');
      assert.equal(version.message, 'The secret "app/db" has no version "v9". Check the version or stage.');
      const stage = await rejection(client.getSecretValue('app/db', { stage: 'NoSuchStage' }));
      assert.equal(
        stage.message,
        'The secret "app/db" has no version with the stage "NoSuchStage". Check the version or stage.',
      );
      const secret = await rejection(client.getSecretValue('app/none', { stage: 'NoSuchStage' }));
      assert.match(secret.message, /^The secret "app\/none" was not found in this region/);
      const plain = await rejection(client.getSecretValue('app/none'));
      assert.match(plain.message, /^The secret "app\/none" was not found in this region/);
    }));

  it('real KMS answers still count (the emulator, which answers like KMS)', () =>
    withEmulator({}, async (emulator) => {
      const client = clientFor(emulator, { cache: false });
      const created = await client.createSecret({ name: 'app/fresh', value: 'fresh-value-1', versionId: 'f1' });
      assert.equal(created.versionId, 'f1');
      const put = await client.putSecretValue('app/fresh', { value: 'fresh-value-2', versionId: 'f2' });
      assert.equal(put.versionId, 'f2');
      assert.equal((await client.getSecretValue('app/fresh')).value, 'fresh-value-2');
    }));
});
