import * as assert from 'node:assert/strict';
import {
  formatRotationInterval,
  rotationIntervalInput,
  rotationIntervalSeconds,
  validateRotationInterval,
} from '../../src/core/rotation';
import { parseFilter, type SecretFilter } from '../../src/core/secretFilter';
import {
  isManaged,
  newVersionId,
  parseTags,
  splitList,
  validateDescription,
  validateNewSecretName,
  validateRecoveryDays,
  validateSecretValue,
  validateStages,
} from '../../src/core/secretInput';
import { parseRotationInterval } from '../../src/core/kms/validation';

describe('What users type when managing secrets', () => {
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
    assert.equal(validateRotationInterval('7d'), undefined);
    assert.equal(validateRotationInterval('6h'), undefined);
    assert.match(validateRotationInterval('5h') ?? '', /6 hours/);
    assert.match(validateRotationInterval('seven') ?? '', /number and a unit/);
    assert.equal(formatRotationInterval('604800s'), '7 days');
    assert.equal(formatRotationInterval('12h'), '12 hours');
  });

  it('offers the current rotation interval in the box as the user would type it', () => {
    assert.equal(rotationIntervalInput('604800s'), '7d');
    assert.equal(rotationIntervalInput('43200s'), '12h');
    assert.equal(rotationIntervalInput('90m'), '90m');
    assert.equal(rotationIntervalInput('86401s'), '86401s');
    assert.equal(rotationIntervalInput(undefined), undefined);
    for (const text of ['604800s', '43200s', '86401s'])
      assert.equal(validateRotationInterval(rotationIntervalInput(text)!), undefined, text);
  });

  it('reads a rotation interval one way everywhere: the box, the client and the tooltip', () => {
    assert.equal(rotationIntervalSeconds('7d'), 604_800);
    assert.equal(rotationIntervalSeconds(' 30m '), 1_800);
    assert.equal(rotationIntervalSeconds('604800'), undefined, 'the box wants a unit');
    assert.equal(rotationIntervalSeconds('604800', { unitOptional: true }), 604_800, 'KMS may report bare seconds');
    assert.equal(validateRotationInterval('8760h'), undefined);
    assert.match(validateRotationInterval('366d') ?? '', /365 days/);
    for (const text of ['7d', '6h', '8760h', '5h', '366d', 'd7', '7'])
      assert.equal(
        validateRotationInterval(text) === undefined,
        (() => {
          try {
            parseRotationInterval(text);
            return true;
          } catch {
            return false;
          }
        })(),
        `the client agrees with the box about ${text}`,
      );
    assert.equal(formatRotationInterval('604800'), '7 days');
    assert.equal(formatRotationInterval('1d'), '1 day');
    assert.equal(formatRotationInterval('90m'), '5400 seconds');
    assert.equal(formatRotationInterval('every week'), 'every week', 'unreadable text is shown as it is');
    assert.equal(formatRotationInterval(undefined), undefined);
  });

  it('checks values, stages, recovery windows and descriptions', () => {
    assert.equal(validateSecretValue('x'), undefined);
    assert.equal(validateSecretValue(''), 'The value is empty.');
    assert.match(validateSecretValue('é'.repeat(15_361)) ?? '', /at most 30720 bytes \(this one has 30722\)/);
    assert.deepEqual(splitList(' ACSCurrent, ,Beta ,'), ['ACSCurrent', 'Beta']);
    assert.equal(validateStages(['ACSCurrent', 'Beta-1.x_y']), undefined);
    assert.match(validateStages(['has space']) ?? '', /"has space" is not/);
    assert.match(validateStages(Array.from({ length: 9 }, (_, i) => `s${i}`)) ?? '', /at most 8/);
    assert.equal(validateRecoveryDays('7'), undefined);
    assert.equal(validateRecoveryDays(' 30 '), undefined);
    for (const bad of ['6', '31', '7.5', 'x', '']) assert.ok(validateRecoveryDays(bad), bad);
    assert.equal(validateDescription('x'.repeat(1024)), undefined);
    assert.ok(validateDescription('x'.repeat(1025)));
  });

  it('tells managed secrets apart and names new versions readably', () => {
    assert.equal(isManaged('Generic'), false);
    for (const type of ['Rds', 'RAMCredentials', 'ECS', 'Redis', 'PolarDB']) assert.equal(isManaged(type), true);
    assert.equal(
      newVersionId(new Date('2024-06-01T12:34:56.789Z'), () => 0.5),
      'v20240601-123456-8000',
    );
    assert.match(newVersionId(), /^v\d{8}-\d{6}-[0-9a-f]{4}$/);
  });
});
