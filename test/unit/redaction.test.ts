import * as assert from 'node:assert/strict';
import { MASK, Redactor } from '../../src/core/redaction';

describe('Redactor', () => {
  it('masks a registered value wherever it appears', () => {
    const redactor = new Redactor();
    redactor.register('canary-Zq8w!v');
    assert.equal(redactor.redact('got canary-Zq8w!v twice: canary-Zq8w!v'), `got ${MASK} twice: ${MASK}`);
  });

  it('masks each string member of a JSON value and its JSON-escaped form', () => {
    const redactor = new Redactor();
    redactor.register('{"user":"admin","password":"pa\\"ss-word"}');
    const line = `user admin with pa"ss-word and ${JSON.stringify('pa"ss-word')}`;
    assert.ok(!redactor.redact(line).includes('pa"ss-word'));
    assert.ok(!redactor.redact(line).includes('pa\\"ss-word'));
    assert.ok(redactor.redact(line).startsWith('user '), 'text around the values stays');
  });

  it('strips signatures, tokens and secret data from signed URLs even when nothing is registered', () => {
    const url =
      'ReadTimeout(500). POST http://127.0.0.1:1/?Action=PutSecretValue&SecretData=hunter22&SecurityToken=CAIS%2Bx&Signature=abc%3D&SecretName=db';
    const redacted = new Redactor().redact(url);
    for (const leaked of ['hunter22', 'CAIS%2Bx', 'abc%3D']) assert.ok(!redacted.includes(leaked), leaked);
    assert.ok(redacted.includes('SecretName=db'));
  });

  it('ignores values too short to be worth masking', () => {
    const redactor = new Redactor();
    redactor.register('on');
    assert.equal(redactor.redact('turned on'), 'turned on');
    assert.equal(redactor.size, 0);
  });

  it('masks a longer value whole when it contains a shorter one', () => {
    const redactor = new Redactor();
    redactor.register('abcd');
    redactor.register('abcdefgh');
    assert.equal(redactor.redact('abcdefgh'), MASK);
  });
});
