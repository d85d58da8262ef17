import * as assert from 'node:assert/strict';
import { Redactor } from '../../../src/core/redaction';
import { TtlCache } from '../../../src/core/kms/cache';
import { mapWithConcurrency, settleWithConcurrency } from '../../../src/core/kms/concurrency';
import { isLoopbackHost, resolveEndpoint } from '../../../src/core/kms/endpoint';
import { KmsError, toKmsError } from '../../../src/core/kms/errors';
import { collectAll, paginate } from '../../../src/core/kms/paging';
import { backoffDelay, DEFAULT_RETRY, withRetry } from '../../../src/core/kms/retry';
import { sanitizeText } from '../../../src/core/kms/sanitize';
import {
  assertRecoveryWindow,
  assertSecretValue,
  parseRotationInterval,
  parseSecretArn,
  validateSecretName,
} from '../../../src/core/kms/validation';
import { filtersParam } from '../../../src/core/kms/wire';

const kmsFailure = (code: string, status: number, message = 'msg') =>
  Object.assign(new Error(`${code}Error: code: ${status}, ${message} requestid: RID-1`), {
    code: `${code}Error`,
    data: { Code: code, Message: message, RequestId: 'RID-1', HostId: 'h' },
  });

describe('kms errors: mapping SDK failures', () => {
  const cases: [string, number, string][] = [
    ['Forbidden.ResourceNotFound', 404, 'notFound'],
    ['Rejected.ResourceInDeleteWindow', 409, 'inDeletionWindow'],
    ['Forbidden.NoPermission', 403, 'noPermission'],
    ['InvalidAccessKeyId.NotFound', 404, 'invalidAccessKey'],
    ['SignatureDoesNotMatch', 400, 'signatureMismatch'],
    ['Rejected.Throttling', 429, 'throttled'],
    ['Forbidden.KmsServiceNotEnabled', 403, 'kmsNotEnabled'],
    ['ServiceUnavailableTemporary', 503, 'unavailable'],
    ['InternalFailure', 500, 'unavailable'],
    ['InvalidParameter', 400, 'invalidInput'],
    ['Rejected.ResourceExist', 409, 'alreadyExists'],
    ['InvalidSecurityToken.Expired', 400, 'credentials'],
    ['SomethingNew', 418, 'invalidInput'],
    ['SomethingElse', 302, 'unknown'],
  ];
  for (const [code, status, kind] of cases) {
    it(`${code} → ${kind}, code without the Error suffix, status from the message`, () => {
      const error = toKmsError(kmsFailure(code, status), { action: 'GetSecretValue', secret: 'app/db' });
      assert.equal(error.kind, kind);
      assert.equal(error.code, code);
      assert.equal(error.httpStatus, status);
      assert.equal(error.requestId, 'RID-1');
      assert.equal(error.action, 'GetSecretValue');
      assert.match(error.message, /\.$/);
    });
  }

  it('wrong AccessKey secret reads as one sentence with the action to take', () => {
    const error = toKmsError(kmsFailure('SignatureDoesNotMatch', 400));
    assert.equal(
      error.message,
      'The AccessKey secret does not match the AccessKey ID. Check the secret in your profile.',
    );
  });

  it('maps timeouts, socket errors, TLS and non-JSON bodies', () => {
    const timeout = Object.assign(new Error('ReadTimeout(500). POST http://h/?SecurityToken=TOKEN failed.'), {
      name: 'RequestTimeoutError',
    });
    assert.equal(toKmsError(timeout, { timeoutMs: 500 }).kind, 'timeout');
    assert.equal(toKmsError(timeout).code, 'ReadTimeout');
    assert.equal(
      toKmsError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).kind,
      'network',
    );
    assert.equal(toKmsError(Object.assign(new Error('x'), { code: 'ECONNRESET' })).retryable, true);
    assert.equal(toKmsError(Object.assign(new Error('x'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })).retryable, false);
    const nonJson = toKmsError(new SyntaxError('Unexpected token <'));
    assert.equal(nonJson.kind, 'network');
    assert.equal(nonJson.code, 'NonJsonResponse');
  });

  it('never carries the SDK error: no cause, no URL, no token in message, stack or JSON', () => {
    const canary = 'CANARY-TOKEN-8f3e';
    const raw = Object.assign(
      new Error(
        `socket hang up POST https://kms.cn-hangzhou.aliyuncs.com/?SecretData=${canary}&SecurityToken=${canary}&Signature=abc failed.`,
      ),
      { code: 'EWHATEVER', data: undefined },
    );
    const error = toKmsError(raw);
    const text = `${error.message}\n${error.stack}\n${JSON.stringify(error)}\n${String(Object.values(error))}`;
    assert.doesNotMatch(text, new RegExp(canary));
    assert.equal((error as { cause?: unknown }).cause, undefined);
  });
});

describe('kms sanitize', () => {
  it('removes URLs, signed parameters, string-to-sign and registered values', () => {
    const redactor = new Redactor();
    redactor.register('my-registered-secret');
    const text =
      'Specified signature is not matched. server string to sign is:POST&%2F&SecretData%3Dabc%26SecurityToken%3Dtok ' +
      'and my-registered-secret';
    const out = sanitizeText(text, redactor);
    assert.doesNotMatch(out, /abc|tok|my-registered-secret/);
    assert.equal(
      sanitizeText('see http://x/?a=1 then SecretData%3Dzzz and "access_key_secret": "SKSK"'),
      'see <url> then SecretData%3D****** and "access_key_secret": "******"',
    );
  });
});

describe('kms retry', () => {
  const noSleep = async () => undefined;
  it('full jitter stays below min(cap, base·2^(n-1))', () => {
    assert.equal(
      backoffDelay(1, DEFAULT_RETRY, () => 0.999),
      199,
    );
    assert.equal(
      backoffDelay(3, DEFAULT_RETRY, () => 0.5),
      400,
    );
    assert.equal(
      backoffDelay(20, DEFAULT_RETRY, () => 0.999),
      4995,
    );
    assert.equal(
      backoffDelay(2, DEFAULT_RETRY, () => 0),
      0,
    );
  });

  it('retries retryable errors up to maxAttempts with the computed delays', async () => {
    const delays: number[] = [];
    let calls = 0;
    await assert.rejects(
      withRetry(
        async () => {
          calls++;
          throw new KmsError('throttled', 't');
        },
        {
          sleep: async (ms) => void delays.push(ms),
          random: () => 0.5,
          policy: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
        },
      ),
      (e: KmsError) => e.kind === 'throttled',
    );
    assert.equal(calls, 3);
    assert.deepEqual(delays, [50, 100]);
  });

  it('does not retry a non-retryable error and returns the first success', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(
        async () => {
          calls++;
          throw new KmsError('notFound', 'n');
        },
        { sleep: noSleep },
      ),
    );
    assert.equal(calls, 1);
    let n = 0;
    assert.equal(
      await withRetry(async () => (++n < 3 ? Promise.reject(new KmsError('network', 'x')) : 'ok'), { sleep: noSleep }),
      'ok',
    );
  });

  it('is cancelled by the signal, also during a backoff', async () => {
    const controller = new AbortController();
    const pending = withRetry(
      async () => {
        throw new KmsError('unavailable', 'u');
      },
      { signal: controller.signal, policy: { baseDelayMs: 60_000, maxDelayMs: 60_000 }, random: () => 1 },
    );
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, (e: KmsError) => e.kind === 'cancelled');
  });
});

describe('kms paging', () => {
  it('pages until a short page and can be collected', async () => {
    const data = Array.from({ length: 250 }, (_, i) => i);
    const asked: number[] = [];
    const pages = paginate(async (n, size) => {
      asked.push(n);
      return { items: data.slice((n - 1) * size, n * size), totalCount: data.length };
    });
    assert.deepEqual(await collectAll(pages), data);
    assert.deepEqual(asked, [1, 2, 3]);
  });

  it('stops at the total even when the last page is full, and early when the consumer breaks', async () => {
    let calls = 0;
    const fetch = async (n: number, size: number) => {
      calls++;
      return { items: Array.from({ length: size }, (_, i) => n * size + i), totalCount: 200 };
    };
    assert.equal((await collectAll(paginate(fetch))).length, 200);
    assert.equal(calls, 2);
    calls = 0;
    for await (const page of paginate(fetch)) {
      assert.equal(page.pageNumber, 1);
      break;
    }
    assert.equal(calls, 2, 'page 2 was already asked for (paging.test.ts covers the window)');
  });
});

describe('kms concurrency', () => {
  it('never runs more than the limit at once and keeps order', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return n * 2;
    });
    assert.deepEqual(out, [2, 4, 6, 8, 10, 12, 14]);
    assert.equal(peak, 3);
  });

  it('settles each item on its own', async () => {
    const out = await settleWithConcurrency([1, 2], 2, async (n) => (n === 2 ? Promise.reject(new Error('x')) : n));
    assert.deepEqual(out[0], { ok: true, value: 1 });
    assert.equal(out[1].ok, false);
  });
});

describe('kms cache', () => {
  it('expires after the TTL and invalidates per group and all', () => {
    let now = 0;
    const cache = new TtlCache<string>(1000, () => now);
    cache.set('a', 'a1', 'x');
    cache.set('a', 'a2', 'y');
    cache.set('b', 'b1', 'z');
    assert.equal(cache.get('a1'), 'x');
    cache.invalidate('a');
    assert.equal(cache.get('a1'), undefined);
    assert.equal(cache.get('a2'), undefined);
    assert.equal(cache.get('b1'), 'z');
    now = 1000;
    assert.equal(cache.get('b1'), undefined);
    cache.set('c', 'c1', 'w');
    cache.clear();
    assert.equal(cache.size, 0);
  });

  it('stores nothing with a zero TTL', () => {
    const cache = new TtlCache<string>(0);
    cache.set('a', 'a', 'x');
    assert.equal(cache.get('a'), undefined);
  });
});

describe('kms endpoint', () => {
  it('builds public and VPC endpoints over https', () => {
    assert.deepEqual(resolveEndpoint({ region: 'cn-hangzhou' }), {
      host: 'kms.cn-hangzhou.aliyuncs.com',
      protocol: 'https',
      url: 'https://kms.cn-hangzhou.aliyuncs.com',
    });
    assert.equal(
      resolveEndpoint({ region: 'ap-southeast-1', network: 'vpc' }).host,
      'kms-vpc.ap-southeast-1.aliyuncs.com',
    );
  });

  it('accepts custom https URLs, bare hosts and http on loopback only', () => {
    assert.deepEqual(
      resolveEndpoint({ region: 'cn-hangzhou', endpoint: 'kst-abc.cryptoservice.kms.aliyuncs.com' }).protocol,
      'https',
    );
    assert.equal(
      resolveEndpoint({ region: 'x', endpoint: 'https://kms.example.com:8443/' }).host,
      'kms.example.com:8443',
    );
    assert.deepEqual(resolveEndpoint({ region: 'x', endpoint: 'http://127.0.0.1:4000' }), {
      host: '127.0.0.1:4000',
      protocol: 'http',
      url: 'http://127.0.0.1:4000',
    });
    assert.equal(resolveEndpoint({ region: 'x', endpoint: 'http://[::1]:4000' }).host, '[::1]:4000');
    assert.equal(resolveEndpoint({ region: 'x', endpoint: 'http://localhost:4000' }).protocol, 'http');
    for (const bad of [
      'http://kms.example.com',
      'http://10.0.0.1:80',
      'ftp://h',
      'https://h/path',
      'https://u:p@h',
      'http://127.example.com',
    ]) {
      assert.throws(
        () => resolveEndpoint({ region: 'cn-hangzhou', endpoint: bad }),
        (e: KmsError) => e.kind === 'invalidInput',
        bad,
      );
    }
    assert.throws(
      () => resolveEndpoint({ region: 'Not A Region' }),
      (e: KmsError) => e.kind === 'invalidInput',
    );
  });

  it('knows loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST'])
      assert.ok(isLoopbackHost(h), h);
    for (const h of ['128.0.0.1', '::2', 'localhost.example.com', '0.0.0.0']) assert.ok(!isLoopbackHost(h), h);
  });
});

describe('kms validation', () => {
  it('secret names: 1–192 of [A-Za-z0-9_/+=.@-]', () => {
    assert.equal(validateSecretName('app/db+x=y.z@a-b_c'), undefined);
    assert.equal(validateSecretName('a'.repeat(192)), undefined);
    assert.ok(validateSecretName(''));
    assert.ok(validateSecretName('a'.repeat(193)));
    assert.ok(validateSecretName('has space'));
    assert.ok(validateSecretName('ünïcode'));
  });

  it('values up to 30,720 UTF-8 bytes, recovery window 7–30, rotation 6 h–8,760 h', () => {
    assertSecretValue('a'.repeat(30_720));
    assert.throws(
      () => assertSecretValue('€'.repeat(10_241)),
      (e: KmsError) => e.kind === 'invalidInput' && /30720/.test(e.message),
    );
    assertRecoveryWindow(7);
    assertRecoveryWindow(30);
    for (const d of [6, 31, 7.5])
      assert.throws(
        () => assertRecoveryWindow(d),
        (e: KmsError) => e.kind === 'invalidInput',
      );
    assert.equal(parseRotationInterval('7d'), 604_800);
    assert.equal(parseRotationInterval('6h'), 21_600);
    for (const bad of ['5h', '366d', '7', 'd7']) assert.throws(() => parseRotationInterval(bad));
  });

  it('parses ARNs', () => {
    assert.deepEqual(parseSecretArn('acs:kms:cn-hangzhou:123:secret/app/db'), {
      region: 'cn-hangzhou',
      accountId: '123',
      name: 'app/db',
    });
    assert.equal(parseSecretArn('app/db'), undefined);
  });

  it('builds ListSecrets filters', () => {
    assert.equal(filtersParam({}), undefined);
    assert.equal(
      filtersParam({ name: 'app', tagKey: ['env', 'team'], type: 'Generic' }),
      '[{"Key":"SecretName","Values":["app"]},{"Key":"TagKey","Values":["env","team"]},{"Key":"SecretType","Values":["Generic"]}]',
    );
  });
});
