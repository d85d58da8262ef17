import * as assert from 'node:assert/strict';
import { classifyValue, collectReferences } from '../../../src/core/env';

describe('collectReferences', () => {
  it('sorts values into references, broken references and plain values', () => {
    const result = collectReferences({
      DB: 'kms://prod/db#password',
      ARN: 'acs:kms:cn-hangzhou:1:secret/api',
      BAD: 'kms://db?stage=a&version=b',
      SPACED: ' kms://db',
      TEMPLATED: 'kms://${APP}/db',
      PORT: '8080',
      URL: 'https://example.com/kms://x',
      UNSET: undefined,
      NULL: null,
    });
    assert.deepEqual(
      result.references.map((r) => [r.key, r.text, r.reference.name]),
      [
        ['DB', 'kms://prod/db#password', 'prod/db'],
        ['ARN', 'acs:kms:cn-hangzhou:1:secret/api', 'api'],
      ],
    );
    assert.deepEqual(
      result.broken.map((b) => [b.key, b.error.code]),
      [
        ['BAD', 'exclusive'],
        ['SPACED', 'scheme'],
        ['TEMPLATED', 'template'],
      ],
    );
    assert.deepEqual(result.plain, ['PORT', 'URL']);
  });

  it('classifies single values', () => {
    assert.equal(classifyValue('kms://db').kind, 'reference');
    assert.equal(classifyValue('kms://').kind, 'broken');
    assert.equal(classifyValue('secret').kind, 'plain');
    assert.equal(classifyValue('acs:kms:cn-hangzhou:1:key/k').kind, 'plain');
  });
});
