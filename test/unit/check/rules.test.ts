import * as assert from 'node:assert/strict';
import { checkReference, checkSecretUse, syntaxProblem, valueKeys, type SecretLookup } from '../../../src/core/check';
import { KmsError } from '../../../src/core/kms/errors';
import { findReferences, parseReference, type SecretReference } from '../../../src/core/reference';

interface FakeSecret {
  plannedDeleteTime?: string;
  versions: { versionId: string; stages: string[]; value: string }[];
}

const CANARY = 'canary-rules-Xq81';

/** The rules' own seam (not the SDK): an in-memory lookup that counts which calls the rules make. */
class FakeLookup implements SecretLookup {
  readonly activeRegion = 'cn-hangzhou';
  readonly calls: string[] = [];
  constructor(
    private readonly secrets: Record<string, FakeSecret>,
    private readonly failures: Record<string, KmsError> = {},
  ) {}

  private secret(region: string, name: string): FakeSecret {
    const failure = this.failures[name];
    if (failure) throw failure;
    const secret = region === this.activeRegion ? this.secrets[name] : undefined;
    if (!secret) throw new KmsError('notFound', 'The secret was not found in this region.');
    return secret;
  }

  async describe(region: string, name: string) {
    this.calls.push(`describe ${name}`);
    return { plannedDeleteTime: this.secret(region, name).plannedDeleteTime };
  }

  async versions(region: string, name: string) {
    this.calls.push(`versions ${name}`);
    return this.secret(region, name).versions.map(({ versionId, stages }) => ({ versionId, stages }));
  }

  async jsonKeys(reference: SecretReference, options?: { yaml?: boolean }) {
    this.calls.push(`value ${reference.name}`);
    const { versions } = this.secret(reference.region ?? this.activeRegion, reference.name);
    const version = versions.find((v) =>
      reference.versionId ? v.versionId === reference.versionId : v.stages.includes(reference.stage ?? 'ACSCurrent'),
    );
    if (!version) throw new KmsError('notFound', 'No such version.');
    return valueKeys(version.value, options);
  }
}

const SECRETS: Record<string, FakeSecret> = {
  'app/db': {
    versions: [
      { versionId: 'v2', stages: ['ACSCurrent', 'Canary'], value: JSON.stringify({ user: 'app', password: CANARY }) },
      { versionId: 'v1', stages: ['ACSPrevious'], value: CANARY },
    ],
  },
  'app/token': { versions: [{ versionId: 't1', stages: ['ACSCurrent'], value: CANARY }] },
  'app/yaml': { versions: [{ versionId: 'y1', stages: ['ACSCurrent'], value: `user: app\npassword: ${CANARY}\n` }] },
  'old/gone': {
    plannedDeleteTime: '2030-01-01T00:00:00Z',
    versions: [{ versionId: 'g1', stages: ['ACSCurrent'], value: CANARY }],
  },
};

const FAILURES = {
  'app/secret-of-others': new KmsError('noPermission', 'Your RAM identity is not allowed to do this.', {
    code: 'Forbidden.NoPermission',
  }),
  'app/deleting': new KmsError('inDeletionWindow', 'The secret is scheduled for deletion.'),
  'app/flaky': new KmsError('throttled', 'KMS is throttling requests.'),
};

const lookup = () => new FakeLookup(SECRETS, FAILURES);
const ref = (text: string) => parseReference(text);
const readValues = { readValues: true };

describe('reference rules (core/check)', () => {
  it('passes a reference that resolves, with metadata calls only when no JSON key is named', async () => {
    const l = lookup();
    assert.equal(await checkReference(ref('kms://app/token'), l, readValues), undefined);
    assert.deepEqual(l.calls, ['describe app/token']);
    assert.equal(await checkReference(ref('kms://app/db?stage=Canary'), l, readValues), undefined);
    assert.equal(await checkReference(ref('kms://app/db?version=v1'), l, readValues), undefined);
    assert.deepEqual(l.calls, [
      'describe app/token',
      'describe app/db',
      'versions app/db',
      'describe app/db',
      'versions app/db',
    ]);
  });

  it('flags an unknown secret, also in another region', async () => {
    const problem = await checkReference(ref('kms://app/nope'), lookup(), readValues);
    assert.equal(problem?.code, 'unknown-secret');
    assert.equal(problem?.severity, 'error');
    assert.equal(problem?.message, "There is no secret 'app/nope' in KMS.");
    const elsewhere = await checkReference(ref('kms://app/token?region=eu-central-1'), lookup(), readValues);
    assert.equal(elsewhere?.message, "There is no secret 'app/token' in eu-central-1 in KMS.");
    assert.equal(elsewhere?.region, 'eu-central-1');
  });

  it('flags a secret pending deletion, from its metadata or from the error KMS answers', async () => {
    const planned = await checkReference(ref('kms://old/gone'), lookup(), readValues);
    assert.equal(planned?.code, 'pending-deletion');
    assert.match(planned?.message ?? '', /planned for 2030-01-01T00:00:00Z/);
    const rejected = await checkReference(ref('kms://app/deleting'), lookup(), readValues);
    assert.equal(rejected?.code, 'pending-deletion');
  });

  it('flags a secret the caller may not use as a warning with KMS’s sentence', async () => {
    const problem = await checkReference(ref('kms://app/secret-of-others'), lookup(), readValues);
    assert.equal(problem?.code, 'no-permission');
    assert.equal(problem?.severity, 'warning');
    assert.match(problem?.message ?? '', /^No permission to use the secret 'app\/secret-of-others': Your RAM identity/);
  });

  it('flags an unknown stage and an unknown version, listing what exists', async () => {
    const stage = await checkReference(ref('kms://app/db?stage=Blue'), lookup(), readValues);
    assert.equal(stage?.code, 'unknown-stage');
    assert.deepEqual(stage?.alternatives, ['ACSCurrent', 'Canary', 'ACSPrevious']);
    assert.equal(
      stage?.message,
      "No version of the secret 'app/db' has the stage 'Blue' (it has 'ACSCurrent', 'Canary', 'ACSPrevious').",
    );
    const version = await checkReference(ref('kms://app/db?version=v9'), lookup(), readValues);
    assert.equal(version?.code, 'unknown-version');
    assert.deepEqual(version?.alternatives, ['v2', 'v1']);
  });

  it('reports every problem of a use that names both a stage and a version (ExternalSecret allows it)', async () => {
    const both = await checkSecretUse({ name: 'app/db', stage: 'Blue', versionId: 'v9' }, lookup(), readValues);
    assert.deepEqual(
      both.problems.map((p) => p.code),
      ['unknown-version', 'unknown-stage'],
    );
    const mismatch = await checkSecretUse({ name: 'app/db', stage: 'Canary', versionId: 'v1' }, lookup(), readValues);
    assert.equal(
      mismatch.problems[0]?.message,
      "Version 'v1' of the secret 'app/db' does not have the stage 'Canary' (it has 'ACSPrevious').",
    );
  });

  it('flags a missing JSON key and a value that is not JSON, reading the value only for that', async () => {
    const l = lookup();
    const absent = await checkReference(ref('kms://app/db#passwd'), l, readValues);
    assert.equal(absent?.code, 'json-key-absent');
    assert.equal(absent?.jsonKey, 'passwd');
    assert.deepEqual(absent?.alternatives, ['user', 'password']);
    assert.equal(absent?.message, "The JSON value of kms://app/db has no key 'passwd' (it has 'user', 'password').");
    const notJson = await checkReference(ref('kms://app/token#password'), l, readValues);
    assert.equal(notJson?.code, 'not-json');
    assert.equal(notJson?.message, "The value of kms://app/token is not a JSON object, so it has no key 'password'.");
    assert.equal(await checkReference(ref('kms://app/db#password'), l, readValues), undefined);
    assert.deepEqual(
      l.calls.filter((c) => c.startsWith('value')),
      ['value app/db', 'value app/token', 'value app/db'],
    );
    for (const problem of [absent, notJson]) assert.ok(!JSON.stringify(problem).includes(CANARY));
  });

  it('checks several JSON keys of one use at once, one problem per missing key', async () => {
    const result = await checkSecretUse({ name: 'app/db', jsonKeys: ['user', 'host', 'port'] }, lookup(), readValues);
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.jsonKey]),
      [
        ['json-key-absent', 'host'],
        ['json-key-absent', 'port'],
      ],
    );
  });

  it('reads YAML mappings only when the use says the value may be YAML', async () => {
    const json = await checkSecretUse({ name: 'app/yaml', jsonKeys: ['password'] }, lookup(), readValues);
    assert.equal(json.problems[0]?.code, 'not-json');
    const yaml = await checkSecretUse(
      { name: 'app/yaml', jsonKeys: ['password'], yamlValue: true },
      lookup(),
      readValues,
    );
    assert.deepEqual(yaml.problems, []);
  });

  it('never shows or offers names read from a YAML mapping: a plain value can parse as one', async () => {
    // `{canary}` is a YAML mapping whose only key is the whole value; `canary: x` one whose key is most of it.
    const braces = `{${CANARY}}`;
    const colon = `${CANARY}: tail`;
    const l = new FakeLookup({
      'app/braces': { versions: [{ versionId: 'b1', stages: ['ACSCurrent'], value: braces }] },
      'app/colon': { versions: [{ versionId: 'c1', stages: ['ACSCurrent'], value: colon }] },
    });
    for (const name of ['app/braces', 'app/colon']) {
      const result = await checkSecretUse({ name, jsonKeys: ['nothere'], yamlValue: true }, l, readValues);
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.alternatives]),
        [['json-key-absent', []]],
      );
      assert.ok(!JSON.stringify(result).includes(CANARY), JSON.stringify(result));
    }
    // The names still count: the key that is there is found.
    const present = await checkSecretUse({ name: 'app/colon', jsonKeys: [CANARY], yamlValue: true }, l, readValues);
    assert.deepEqual(present.problems, []);
  });

  it('does not read values when that is not allowed (untrusted workspace)', async () => {
    const l = lookup();
    assert.equal(await checkReference(ref('kms://app/db#passwd'), l, { readValues: false }), undefined);
    assert.deepEqual(l.calls, ['describe app/db']);
  });

  it('skips the value when the secret or its version is already broken', async () => {
    const l = lookup();
    const result = await checkSecretUse({ name: 'app/db', versionId: 'v9', jsonKeys: ['x'] }, l, readValues);
    assert.deepEqual(
      result.problems.map((p) => p.code),
      ['unknown-version'],
    );
    assert.ok(!l.calls.some((c) => c.startsWith('value')));
  });

  it('says a use is unverified, not broken, when KMS cannot tell', async () => {
    const result = await checkSecretUse({ name: 'app/flaky' }, lookup(), readValues);
    assert.deepEqual(result.problems, []);
    assert.ok(result.unverified instanceof KmsError && result.unverified.kind === 'throttled');
    assert.equal(await checkReference(ref('kms://app/flaky'), lookup(), readValues), undefined);
  });

  it('reads the region from an ARN', async () => {
    const problem = await checkReference(ref('acs:kms:eu-west-1:123456789012:secret/app/token'), lookup(), readValues);
    assert.equal(problem?.message, "There is no secret 'app/token' in eu-west-1 in KMS.");
  });

  it('turns malformed occurrences into syntax problems, and leaves templates alone', () => {
    const [wellFormed, malformed, template] = findReferences('kms://app kms://db*x kms://${NAME}');
    assert.equal(syntaxProblem(wellFormed), undefined);
    assert.equal(syntaxProblem(malformed)?.code, 'reference-syntax');
    assert.match(syntaxProblem(malformed)?.message ?? '', /^Malformed secret reference: /);
    assert.equal(syntaxProblem(template), undefined);
  });
});

describe('valueKeys', () => {
  it('names the top-level keys of JSON objects (and of YAML mappings when asked), nothing else', () => {
    assert.deepEqual(valueKeys('{"a":1,"b":{"c":2}}'), ['a', 'b']);
    assert.equal(valueKeys('[1,2]'), undefined);
    assert.equal(valueKeys('plain'), undefined);
    assert.equal(valueKeys('a: 1'), undefined);
    assert.deepEqual(valueKeys('a: 1\nb: [x]', { yaml: true }), { unlisted: ['a', 'b'] });
    assert.equal(valueKeys('just text', { yaml: true }), undefined);
    assert.equal(valueKeys('a: [unclosed', { yaml: true }), undefined);
  });
});
