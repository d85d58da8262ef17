import * as assert from 'node:assert/strict';
import { extractJsonKey, resolveReferences } from '../../../src/core/env';
import { SecretReference, formatReference } from '../../../src/core/reference';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fakeKms(secrets: Record<string, string>, latencyMs = 0) {
  const calls: SecretReference[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = async (ref: SecretReference) => {
    calls.push(ref);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (latencyMs) await sleep(latencyMs);
      const key = ref.versionId
        ? `${ref.name}@${ref.versionId}`
        : ref.stage && ref.stage !== 'ACSCurrent'
          ? `${ref.name}:${ref.stage}`
          : ref.name;
      if (!(key in secrets)) throw new Error(`secret ${ref.name} not found`);
      return { value: secrets[key] };
    } finally {
      inFlight--;
    }
  };
  return { fetch, calls, maxInFlight: () => maxInFlight };
}

describe('resolveReferences', () => {
  it('resolves plain, staged, versioned and JSON-key references', async () => {
    const kms = fakeKms({
      db: 'pw1',
      'db:ACSPrevious': 'pw0',
      'db@v7': 'pw7',
      rds: '{"user":"admin","password":"p@ss","port":3306,"opts":{"a":1},"none":null}',
    });
    const outcome = await resolveReferences(
      [
        'kms://db',
        'kms://db?stage=ACSPrevious',
        'kms://db?version=v7',
        'kms://rds#user',
        'kms://rds#password',
        'kms://rds#port',
        'kms://rds#opts',
        'kms://rds#none',
      ],
      kms.fetch,
    );
    assert.deepEqual(outcome.failures, []);
    assert.deepEqual(Object.fromEntries(outcome.values), {
      'kms://db': 'pw1',
      'kms://db?stage=ACSPrevious': 'pw0',
      'kms://db?version=v7': 'pw7',
      'kms://rds#user': 'admin',
      'kms://rds#password': 'p@ss',
      'kms://rds#port': '3306',
      'kms://rds#opts': '{"a":1}',
      'kms://rds#none': '',
    });
  });

  it('fetches each secret version once, whatever the spelling or JSON key', async () => {
    const kms = fakeKms({ rds: '{"user":"u","password":"p"}' });
    const outcome = await resolveReferences(
      [
        'kms://rds#user',
        'kms://rds#password',
        'kms://rds?stage=ACSCurrent',
        'kms://rds',
        'kms://rds#user',
        { text: 'acs:kms:cn-x:1:secret/rds', reference: undefined },
      ],
      kms.fetch,
    );
    // The ARN carries a region, so it is a different identity than the region-less kms:// form.
    assert.equal(kms.calls.length, 2);
    assert.equal(outcome.fetched, 2);
    assert.equal(outcome.values.get('kms://rds#password'), 'p');
    assert.equal(
      kms.calls.every((c) => c.jsonKey === undefined),
      true,
      'the fetcher never sees the JSON key',
    );
  });

  it('collects every failure, naming the reference and never the value, and still resolves the rest', async () => {
    const secretValue = 'TOP-SECRET-not-json';
    const kms = fakeKms({ plain: secretValue, obj: '{"a":"x"}', arr: '[1,2]', ok: 'fine' });
    const outcome = await resolveReferences(
      ['kms://plain#key', 'kms://obj#b', 'kms://arr#0', 'kms://missing', 'kms://bad name', 'kms://ok'],
      kms.fetch,
    );
    assert.equal(outcome.values.get('kms://ok'), 'fine');
    const byText = Object.fromEntries(outcome.failures.map((f) => [f.text, f]));
    assert.equal(byText['kms://plain#key'].code, 'not-json');
    assert.match(
      byText['kms://plain#key'].message,
      /^kms:\/\/plain#key: the secret's value is not JSON, so it has no key 'key'\.$/,
    );
    assert.equal(byText['kms://obj#b'].code, 'json-key-absent');
    assert.match(byText['kms://obj#b'].message, /no key 'b' \(it has 'a'\)/);
    assert.equal(byText['kms://arr#0'].code, 'not-json');
    assert.equal(byText['kms://missing'].code, 'fetch');
    assert.match(byText['kms://missing'].message, /^kms:\/\/missing: secret missing not found$/);
    assert.equal(byText['kms://bad name'].code, 'syntax');
    for (const failure of outcome.failures) assert.ok(!failure.message.includes(secretValue));
    assert.equal(outcome.failures.length, 5);
  });

  it('treats a fetcher that returns no text as a failure', async () => {
    const outcome = await resolveReferences(['kms://x'], async () => ({ value: undefined as unknown as string }));
    assert.equal(outcome.failures[0].code, 'fetch');
    assert.match(outcome.failures[0].message, /kms:\/\/x: the secret has no text value/);
  });

  it('bounds concurrency', async () => {
    const secrets = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`s${i}`, `v${i}`]));
    const kms = fakeKms(secrets, 5);
    const outcome = await resolveReferences(
      Object.keys(secrets).map((name) => formatReference({ name })),
      kms.fetch,
      { concurrency: 3 },
    );
    assert.equal(outcome.values.size, 30);
    assert.equal(kms.maxInFlight(), 3);
  });

  it('resolves 50 references at 20 ms latency in under 250 ms', async () => {
    const secrets = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`app/s${i}`, `v${i}`]));
    const kms = fakeKms(secrets, 20);
    const t0 = performance.now();
    const outcome = await resolveReferences(
      Object.keys(secrets).map((name) => `kms://${name}`),
      kms.fetch,
    );
    const elapsed = performance.now() - t0;
    assert.equal(outcome.values.size, 50);
    assert.ok(elapsed < 250, `took ${elapsed.toFixed(0)} ms`);
  });

  it('handles an empty request list', async () => {
    const outcome = await resolveReferences([], async () => assert.fail('no fetch expected'));
    assert.deepEqual(outcome, { values: new Map(), failures: [], fetched: 0 });
  });

  it('extractJsonKey without a key returns the value itself', () => {
    assert.deepEqual(extractJsonKey('kms://x', 'v', undefined), { value: 'v' });
  });
});
