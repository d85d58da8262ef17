import * as assert from 'node:assert/strict';
import { DebugEnvSources, describeSite, mergeDebugEnv, parseEnvFile, planDebugEnv } from '../../../src/core/env';

const resolvedFor = (...texts: string[]): Map<string, string> => new Map(texts.map((t) => [t, `value-of(${t})`]));

describe('debug env merge', () => {
  it('resolves references from env, envFile and the references file', () => {
    const sources = {
      configEnv: { A: 'kms://a' },
      envFiles: [{ path: '/ws/.env.local', entries: { B: 'kms://b' } }],
      referencesFile: { path: '/ws/.env', entries: { C: 'kms://c' } },
    };
    const plan = planDebugEnv(sources);
    assert.deepEqual(plan.references.sort(), ['kms://a', 'kms://b', 'kms://c']);
    assert.deepEqual(mergeDebugEnv(sources, resolvedFor('kms://a', 'kms://b', 'kms://c')), {
      A: 'value-of(kms://a)',
      B: 'value-of(kms://b)',
      C: 'value-of(kms://c)',
    });
  });

  it('returns only the variables that change (plain values are left alone)', () => {
    const sources = { configEnv: { PORT: '8080', A: 'kms://a' }, envFiles: [{ entries: { DEBUG: '1' } }] };
    assert.deepEqual(mergeDebugEnv(sources, resolvedFor('kms://a')), { A: 'value-of(kms://a)' });
  });

  describe('precedence', () => {
    const files: DebugEnvSources = {
      envFiles: [
        { path: 'first.env', entries: { X: 'kms://first', Y: 'kms://first-y' } },
        { path: 'second.env', entries: { X: 'kms://second' } },
      ],
      referencesFile: { path: '.env', entries: { X: 'kms://refs', Y: 'kms://refs-y', Z: 'kms://refs-z' } },
    };

    it('an explicit plain value in env wins over every reference', () => {
      const merged = mergeDebugEnv(
        { ...files, configEnv: { X: 'explicit' } },
        resolvedFor('kms://first-y', 'kms://refs-z'),
      );
      assert.equal('X' in merged, false);
      assert.equal(merged.Y, 'value-of(kms://first-y)');
    });

    it('a null in env unsets the variable: nothing is injected for it', () => {
      const plan = planDebugEnv({ ...files, configEnv: { X: null } });
      assert.equal(
        plan.assignments.some((a) => a.key === 'X'),
        false,
      );
      assert.equal(plan.references.includes('kms://second'), false);
    });

    it('a reference in env wins over the files', () => {
      const plan = planDebugEnv({ ...files, configEnv: { X: 'kms://env' } });
      assert.deepEqual(plan.assignments.find((a) => a.key === 'X')?.text, 'kms://env');
      assert.equal(plan.references.includes('kms://second'), false, 'shadowed references are not fetched');
    });

    it('a later envFile wins over an earlier one, and envFiles over the references file', () => {
      const plan = planDebugEnv(files);
      const byKey = Object.fromEntries(plan.assignments.map((a) => [a.key, a]));
      assert.equal(byKey.X.text, 'kms://second');
      assert.equal(byKey.X.path, 'second.env');
      assert.equal(byKey.Y.text, 'kms://first-y');
      assert.equal(byKey.Z.text, 'kms://refs-z');
      assert.equal(byKey.Z.source, 'referencesFile');
      assert.deepEqual(plan.references.sort(), ['kms://first-y', 'kms://refs-z', 'kms://second']);
    });

    it('a plain value in an envFile wins over a reference in the references file', () => {
      const plan = planDebugEnv({
        envFiles: [{ entries: { X: 'local-plain' } }],
        referencesFile: { entries: { X: 'kms://refs' } },
      });
      assert.deepEqual(plan.assignments, []);
    });

    it('plain values in the references file neither inject nor shadow', () => {
      const merged = mergeDebugEnv(
        { referencesFile: { entries: { PLAIN: 'x', R: 'kms://r' } } },
        resolvedFor('kms://r'),
      );
      assert.deepEqual(merged, { R: 'value-of(kms://r)' });
    });

    it('undefined in env counts as absent', () => {
      const plan = planDebugEnv({ configEnv: { X: undefined }, referencesFile: { entries: { X: 'kms://refs' } } });
      assert.deepEqual(plan.references, ['kms://refs']);
    });
  });

  it('reports broken effective references with where they are, and ignores shadowed broken ones', () => {
    const text = 'OK=kms://ok\nBAD=kms://db?foo=1\n';
    const sources = {
      configEnv: { SHADOWED: 'plain' },
      envFiles: [{ path: '/ws/.env.local', entries: parseEnvFile(text).entries }],
      referencesFile: { path: '/ws/.env', entries: { SHADOWED: 'kms://bad name' } },
    };
    const plan = planDebugEnv(sources);
    assert.deepEqual(
      plan.broken.map((b) => b.key),
      ['BAD'],
    );
    assert.equal(describeSite(plan.broken[0]), 'BAD (/ws/.env.local line 2)');
    assert.equal(plan.broken[0].error.code, 'unknown-param');
    assert.throws(
      () => mergeDebugEnv(sources, resolvedFor('kms://ok')),
      /Broken secret reference in BAD \(\/ws\/\.env\.local line 2\)/,
    );
  });

  it('the same reference under two variables is resolved once and set on both', () => {
    const sources = { configEnv: { A: 'kms://same', B: 'kms://same' } };
    assert.deepEqual(planDebugEnv(sources).references, ['kms://same']);
    assert.deepEqual(mergeDebugEnv(sources, { 'kms://same': 'v' }), { A: 'v', B: 'v' });
  });

  it('refuses to merge when a needed value was not resolved, naming the reference and never a value', () => {
    assert.throws(
      () =>
        mergeDebugEnv(
          { configEnv: { A: 'kms://a' }, envFiles: [{ path: 'e', entries: { B: 'kms://b' } }] },
          { 'kms://a': 's3cret' },
        ),
      (error: Error) =>
        /No value was resolved for kms:\/\/b \(B \(e\)\)/.test(error.message) && !error.message.includes('s3cret'),
    );
  });

  it('describes sites from the launch configuration and files', () => {
    assert.equal(describeSite({ key: 'A', text: 'kms://a', source: 'env' }), 'A (launch configuration env)');
    assert.equal(describeSite({ key: 'A', text: 'kms://a', source: 'referencesFile' }), 'A (references env file)');
  });
});
