import * as assert from 'node:assert/strict';
import { parseFilter, type SecretFilter } from '../../../src/explorer/filter';
import { interval } from '../../../src/explorer/format';
import { parseTags, validateInterval, validateNewSecretName } from '../../../src/explorer/manageCommands';

describe('Explorer input parsing', () => {
  const ok = (text: string) => {
    const f = parseFilter(text);
    assert.notEqual(typeof f, 'string', String(f));
    return f as SecretFilter;
  };

  it('parses name, tag and type filters', () => {
    assert.deepEqual(ok('orders').server, { name: 'orders' });
    assert.deepEqual(ok('tag:env=dev').server, { tagKey: 'env', tagValue: 'dev' });
    assert.deepEqual(ok('tag:env').server, { tagKey: 'env' });
    assert.deepEqual(ok('db type:Rds tag:env=prod').server, {
      name: 'db',
      type: 'Rds',
      tagKey: 'env',
      tagValue: 'prod',
    });
    const f = ok('db type:rds');
    assert.equal(f.matches({ name: 'app/db', type: 'Rds', tags: [] }), true);
    assert.equal(f.matches({ name: 'app/db', type: 'Generic', tags: [] }), false);
    assert.equal(typeof parseFilter('tag:'), 'string');
    assert.equal(typeof parseFilter('a b'), 'string');
    assert.equal(typeof parseFilter(''), 'string');
  });

  it('validates names, tags and rotation intervals', () => {
    assert.equal(validateNewSecretName('app/db-password'), undefined);
    assert.match(validateNewSecretName('acs/x') ?? '', /reserved/);
    assert.match(validateNewSecretName('bad name') ?? '', /may contain only/);
    assert.ok(validateNewSecretName(''));
    assert.deepEqual(parseTags('env=dev, team = payments'), [
      { key: 'env', value: 'dev' },
      { key: 'team', value: 'payments' },
    ]);
    assert.equal(typeof parseTags('env=a, env=b'), 'string');
    assert.equal(typeof parseTags('acs:x=1'), 'string');
    assert.equal(validateInterval('7d'), undefined);
    assert.equal(validateInterval('6h'), undefined);
    assert.match(validateInterval('5h') ?? '', /6 hours/);
    assert.match(validateInterval('seven') ?? '', /number and a unit/);
    assert.equal(interval('604800s'), '7 days');
    assert.equal(interval('12h'), '12 hours');
  });
});
