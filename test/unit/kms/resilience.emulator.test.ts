/** Error mapping, retries, timeouts, cancellation and sanitising, through the real SDK against the emulator's faults. */
import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { KmsClient, KmsError } from '../../../src/core/kms';
import { RunningEmulator } from '../../../src/emulator/server';
import { AK, clientFor, count, STS, withEmulator } from './helpers';

const kind = (k: string, extra?: (e: KmsError) => boolean) => (e: unknown) =>
  e instanceof KmsError && e.kind === k && (!extra || extra(e));

/** A random source for the emulator's fault draws that replays `values`, then never faults. */
const scripted =
  (...values: number[]) =>
  () =>
    values.length ? values.shift()! : 0.999;

describe('KmsClient error mapping (emulator)', () => {
  it('maps wrong secret, unknown key, not found, deletion window and existing names', async () => {
    await withEmulator({}, async (emulator) => {
      const wrongSecret = clientFor(emulator, {}, { ...AK, accessKeySecret: 'not-the-secret' });
      await assert.rejects(
        wrongSecret.listSecrets(),
        kind(
          'signatureMismatch',
          (e) =>
            e.message === 'The AccessKey secret does not match the AccessKey ID. Check the secret in your profile.' &&
            e.code === 'SignatureDoesNotMatch' &&
            e.httpStatus === 400 &&
            !!e.requestId &&
            e.action === 'ListSecrets',
        ),
      );
      const unknownKey = clientFor(emulator, {}, { accessKeyId: 'nobody', accessKeySecret: 'x' });
      await assert.rejects(
        unknownKey.describeSecret('app/db'),
        kind('invalidAccessKey', (e) => e.httpStatus === 404),
      );
      const client = clientFor(emulator);
      await assert.rejects(
        client.getSecretValue('no/such'),
        kind('notFound', (e) => e.code === 'Forbidden.ResourceNotFound' && /"no\/such"/.test(e.message)),
      );
      await assert.rejects(
        client.getSecretValue('old/gone'),
        kind('inDeletionWindow', (e) => e.httpStatus === 409),
      );
      await assert.rejects(client.createSecret({ name: 'app/db', value: 'x' }), kind('alreadyExists'));
      await assert.rejects(
        client.getSecretValue('app/db', { versionId: 'v1', stage: 'ACSCurrent' }),
        kind('invalidInput', (e) => e.code === 'InvalidParameter'),
      );
      assert.equal(count(emulator, 'ListSecrets'), 1, 'errors that retrying cannot fix are not retried');
    });
  });

  it('rejects invalid input before any request', async () => {
    await withEmulator({}, async (emulator) => {
      const client = clientFor(emulator);
      const before = emulator.stats().requests;
      await assert.rejects(client.getSecretValue('bad name!'), kind('invalidInput'));
      await assert.rejects(client.createSecret({ name: 'x'.repeat(193), value: 'v' }), kind('invalidInput'));
      await assert.rejects(
        client.putSecretValue('app/db', { value: 'é'.repeat(15_361) }),
        kind('invalidInput', (e) => /30720/.test(e.message)),
      );
      await assert.rejects(client.deleteSecret('app/db', { recoveryWindowDays: 6 }), kind('invalidInput'));
      await assert.rejects(client.deleteSecret('app/db', { recoveryWindowDays: 31 }), kind('invalidInput'));
      await assert.rejects(
        client.createSecret({ name: 'g', value: 'v', rotation: { enabled: true, interval: '7d' } }),
        kind('invalidInput'),
      );
      await assert.rejects(
        client.updateRotationPolicy('rds/orders', { enabled: true, interval: '1h' }),
        kind('invalidInput'),
      );
      await assert.rejects(client.tagSecret('app/db', [{ key: 'aliyun:x', value: 'v' }]), kind('invalidInput'));
      assert.equal(emulator.stats().requests, before);
      // The largest allowed value goes through (≈92 KB of query string).
      await client.putSecretValue('app/db', { value: 'é'.repeat(15_360) });
    });
  });

  it('answers plain http to a non-loopback host with a clear error', () => {
    assert.throws(
      () =>
        new KmsClient({ source: { kind: 'static', ...AK }, region: 'cn-hangzhou', endpoint: 'http://kms.example.com' }),
      kind('invalidInput', (e) => /only for a local emulator/.test(e.message)),
    );
  });

  it('maps a refused connection to network (retried, bounded)', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise((r) => server.close(r));
    let retries = 0;
    const client = new KmsClient(
      { source: { kind: 'static', ...AK }, region: 'cn-hangzhou', endpoint: `http://127.0.0.1:${port}` },
      { sleep: async () => undefined, onRetry: () => void retries++, retry: { maxAttempts: 3 } },
    );
    await assert.rejects(
      client.listSecrets(),
      kind('network', (e) => e.code === 'ECONNREFUSED'),
    );
    assert.equal(retries, 2);
  });
});

describe('KmsClient retries (emulator faults)', () => {
  it('retries throttling until it passes, with backoff delays from the injected random', async () => {
    await withEmulator({ throttleRate: 0.5, random: scripted(0.1, 0.2, 0.9) }, async (emulator) => {
      const delays: number[] = [];
      const client = clientFor(emulator, {
        sleep: async (ms) => void delays.push(ms),
        random: () => 0.5,
        retry: { baseDelayMs: 100 },
      });
      assert.equal((await client.getSecretValue('app/api-key')).value, 'api-key-value');
      assert.equal(count(emulator, 'GetSecretValue'), 3);
      assert.deepEqual(delays, [50, 100]);
    });
  });

  it('gives up after maxAttempts with the mapped error', async () => {
    await withEmulator({ throttleRate: 1 }, async (emulator) => {
      const client = clientFor(emulator, { retry: { maxAttempts: 4 } });
      await assert.rejects(
        client.listSecrets(),
        kind('throttled', (e) => e.httpStatus === 429 && e.code === 'Rejected.Throttling'),
      );
      assert.equal(count(emulator, 'ListSecrets'), 4);
    });
  });

  it('retries 503, 500 and non-JSON 502 for reads', async () => {
    // fail draw, kind draw: 503, 500, HTML 502, then success.
    await withEmulator({ failRate: 0.5, random: scripted(0.1, 0.1, 0.1, 0.5, 0.1, 0.95, 0.9) }, async (emulator) => {
      const errors: string[] = [];
      const client = clientFor(emulator, { onRetry: (e) => void errors.push(`${e.kind}:${e.code}`) });
      assert.equal((await client.describeSecret('app/db')).name, 'app/db');
      assert.deepEqual(errors, [
        'unavailable:ServiceUnavailableTemporary',
        'unavailable:InternalFailure',
        'network:NonJsonResponse',
      ]);
      assert.equal(count(emulator, 'DescribeSecret'), 4);
    });
  });

  it('does not repeat a create after an ambiguous 500, but does after throttling', async () => {
    await withEmulator({ failRate: 1, random: () => 0.5 }, async (emulator) => {
      const client = clientFor(emulator);
      await assert.rejects(
        client.createSecret({ name: 'c/1', value: 'v' }),
        kind('unavailable', (e) => e.code === 'InternalFailure'),
      );
      assert.equal(count(emulator, 'CreateSecret'), 1);
      emulator.setFaults({ failRate: 0, throttleRate: 1 });
      await assert.rejects(client.createSecret({ name: 'c/1', value: 'v' }), kind('throttled'));
      assert.equal(count(emulator, 'CreateSecret'), 5);
      // PutSecretValue carries a VersionId (idempotency key), so even a 500 is retried.
      emulator.setFaults({ throttleRate: 0, failRate: 1 });
      await assert.rejects(client.putSecretValue('app/db', { value: 'v' }), kind('unavailable'));
      assert.equal(count(emulator, 'PutSecretValue'), 4);
    });
  });

  it('survives 30 % faults on 40 parallel reads with the bounded helper', async () => {
    await withEmulator({ failRate: 0.15, throttleRate: 0.15 }, async (emulator) => {
      const client = clientFor(emulator, { retry: { maxAttempts: 8 }, cache: false });
      const names = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'app/db' : 'app/api-key'));
      const results = await client.getSecretValues(names, { concurrency: 6, fresh: true });
      assert.ok(
        results.every((r) => r.value),
        JSON.stringify(results.filter((r) => r.error)),
      );
      assert.ok(count(emulator, 'GetSecretValue') > 40);
    });
  });
});

describe('KmsClient timeouts and cancellation', () => {
  it('times out slow answers (read + connect timeout), retrying a bounded number of times', async () => {
    await withEmulator({ latencyMs: 400 }, async (emulator) => {
      const client = clientFor(emulator, { timeoutMs: 100, retry: { maxAttempts: 2 } });
      const started = Date.now();
      await assert.rejects(
        client.getSecretValue('app/db'),
        kind('timeout', (e) => /within 0.1 s/.test(e.message)),
      );
      assert.ok(Date.now() - started < 1000);
      assert.equal(count(emulator, 'GetSecretValue'), 2);
    });
  });

  it('waits longer than the SDK default of 3 s when the timeout allows it', async function () {
    this.timeout(10_000);
    await withEmulator({ latencyMs: 3300 }, async (emulator) => {
      const client = clientFor(emulator, { timeoutMs: 6000 });
      assert.equal((await client.getSecretValue('app/api-key')).value, 'api-key-value');
    });
  });

  it('cancels in-flight requests and backoffs via AbortSignal, without further attempts', async () => {
    await withEmulator({ latencyMs: 500 }, async (emulator) => {
      const client = clientFor(emulator);
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(client.getSecretValue('app/db', { signal: controller.signal }), kind('cancelled'));
      assert.ok(Date.now() - started < 300);
      await assert.rejects(client.listSecrets({ signal: controller.signal }), kind('cancelled'));
      assert.equal(count(emulator, 'ListSecrets'), 0, 'an aborted signal sends nothing');
    });
    await withEmulator({ throttleRate: 1 }, async (emulator) => {
      const client = clientFor(emulator, {
        sleep: undefined,
        retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 },
        random: () => 1,
      });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      await assert.rejects(client.listSecrets({ signal: controller.signal }), kind('cancelled'));
      assert.equal(count(emulator, 'ListSecrets'), 1);
    });
  });
});

describe('KmsClient sanitising', () => {
  const VALUE_CANARY = 'CANARY-SECRETDATA-7c1d';

  function assertClean(error: unknown, emulator?: RunningEmulator): void {
    assert.ok(error instanceof KmsError, String(error));
    const own = Object.getOwnPropertyNames(error).map((k) => String((error as unknown as Record<string, unknown>)[k]));
    const text = [
      error.message,
      error.stack,
      JSON.stringify(error),
      String(error),
      ...own,
      String((error as { cause?: unknown }).cause),
    ].join('\n');
    for (const canary of [
      VALUE_CANARY,
      STS.securityToken,
      encodeURIComponent(STS.securityToken),
      'CAIS-canary',
      STS.accessKeySecret,
      'Signature=',
    ]) {
      assert.ok(!text.includes(canary), `"${canary}" leaked into ${text}`);
    }
    assert.ok(!/https?:\/\/127\.0\.0\.1/.test(text), `URL leaked into ${text}`);
    void emulator;
  }

  it('keeps SecretData, SecurityToken and signatures out of timeout, auth and gateway errors', async () => {
    await withEmulator({ latencyMs: 300 }, async (emulator) => {
      const sts = clientFor(emulator, { timeoutMs: 50, retry: { maxAttempts: 1 } }, STS);
      const timeout = await sts.putSecretValue('app/db', { value: VALUE_CANARY }).catch((e: unknown) => e);
      assert.equal((timeout as KmsError).kind, 'timeout');
      assertClean(timeout);
      emulator.setFaults({ latencyMs: 0, failRate: 1 });
      const gateway = await clientFor(emulator, { random: () => 0.95, retry: { maxAttempts: 1 } }, STS)
        .createSecret({ name: 'n/1', value: VALUE_CANARY })
        .catch((e: unknown) => e);
      assertClean(gateway);
      emulator.setFaults({ failRate: 0 });
      const wrong = await clientFor(emulator, {}, { ...STS, accessKeySecret: 'wrong' })
        .putSecretValue('app/db', { value: VALUE_CANARY })
        .catch((e: unknown) => e);
      assert.equal((wrong as KmsError).kind, 'signatureMismatch');
      assertClean(wrong);
      const badToken = await clientFor(emulator, {}, { ...STS, securityToken: `${STS.securityToken}x` })
        .putSecretValue('app/db', { value: VALUE_CANARY })
        .catch((e: unknown) => e);
      assert.equal((badToken as KmsError).kind, 'credentials');
      assertClean(badToken);
    });
  });
});
