import * as assert from 'node:assert/strict';
import {
  AvailabilityCheck,
  envEntryState,
  envFileKeys,
  firstFreeName,
  freeEnvVarName,
  secretNameCandidates,
  validateEnvVarName,
} from '../../src/core/nameChoice';
import { MAX_NAME_LENGTH } from '../../src/core/reference';
import { suggestEnvVarName } from '../../src/core/codeEdits';

const DEMO_ENV = [
  '# References, not values',
  'API_TOKEN=kms://demo/app/api-token',
  'DB_PASSWORD=kms://demo/orders/db#password',
  'DB_USER=kms://demo/orders/db#username',
  'PLAIN=hello',
  '',
].join('\n');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Names that do not collide (Move to KMS, Create Secret)', () => {
  it('offers -2, -3… after a taken secret name, within 192 characters', () => {
    assert.deepEqual(secretNameCandidates('app/db-password', { count: 3 }), [
      'app/db-password',
      'app/db-password-2',
      'app/db-password-3',
    ]);
    const long = 'a'.repeat(MAX_NAME_LENGTH);
    for (const name of secretNameCandidates(long)) assert.ok(name.length <= MAX_NAME_LENGTH, name);
    assert.equal(new Set(secretNameCandidates(long)).size, 5);
  });

  it('skips names the flow already chose for its other secrets', () => {
    // One secret per key: key "a" took app/a-2 (app/a exists), so key "a-2" cannot be offered app/a-2 again.
    assert.deepEqual(secretNameCandidates('app/a-2', { count: 3, avoid: ['app/a-2'] }), [
      'app/a-2-2',
      'app/a-2-3',
      'app/a-2-4',
    ]);
    assert.deepEqual(secretNameCandidates('app/b', { count: 2, avoid: ['app/b-2'] }), ['app/b', 'app/b-3']);
  });

  it('suggests the first free secret name, and the plain suggestion when KMS cannot say', async () => {
    const taken = new Set(['svc/db-password', 'svc/db-password-2']);
    const candidates = secretNameCandidates('svc/db-password');
    assert.equal(await firstFreeName(candidates, async (n) => taken.has(n)), 'svc/db-password-3');
    assert.equal(
      await firstFreeName(candidates, async (n) => {
        if (n.endsWith('-4')) throw new Error('Forbidden');
        return taken.has(n);
      }),
      'svc/db-password',
    );
    assert.equal(await firstFreeName(['x'], async () => true), 'x', 'all taken: the box flags it as the user sees it');
  });

  it('proposes a variable the references env file does not define yet', () => {
    // The demo: the password in app/db.js suggests DB_PASSWORD, which .env already uses for the demo secret.
    const suggestion = suggestEnvVarName('password', 'app/db.js');
    assert.equal(suggestion, 'DB_PASSWORD');
    assert.equal(freeEnvVarName(suggestion, envFileKeys(DEMO_ENV)), 'DB_PASSWORD_2');
    assert.equal(freeEnvVarName('DB_PASSWORD', new Set(['DB_PASSWORD', 'DB_PASSWORD_2'])), 'DB_PASSWORD_3');
    assert.equal(freeEnvVarName('NEW_ONE', envFileKeys(DEMO_ENV)), 'NEW_ONE');
    assert.equal(freeEnvVarName('X', envFileKeys(undefined)), 'X', 'no env file yet');
  });

  it('says what an existing entry holds', () => {
    assert.deepEqual(envEntryState(DEMO_ENV, 'NEW', 'kms://a'), { kind: 'free' });
    assert.deepEqual(envEntryState(undefined, 'DB_PASSWORD', 'kms://a'), { kind: 'free' });
    assert.deepEqual(envEntryState(DEMO_ENV, 'API_TOKEN', 'kms://demo/app/api-token'), { kind: 'same' });
    assert.deepEqual(envEntryState(DEMO_ENV, 'DB_PASSWORD', 'kms://order-service/db-password'), {
      kind: 'reference',
      value: 'kms://demo/orders/db#password',
    });
    assert.deepEqual(envEntryState(DEMO_ENV, 'PLAIN', 'kms://a'), { kind: 'plain' });
  });

  it('accepts only variable names every language can read', () => {
    assert.equal(validateEnvVarName('DB_PASSWORD_2'), undefined);
    assert.equal(validateEnvVarName('_x1'), undefined);
    for (const bad of ['', '2FA', 'A-B', 'A.B', 'A B']) assert.ok(validateEnvVarName(bad), bad);
  });
});

describe('Checking a typed name against KMS as the user types', () => {
  it('asks once per quiet moment: earlier keystrokes are stale and never reach KMS', async () => {
    const asked: string[] = [];
    const check = new AvailabilityCheck(
      async (name) => {
        asked.push(name);
        return name === 'demo/orders/db';
      },
      { debounceMs: 30 },
    );
    const typing = ['d', 'de', 'demo/orders/d', 'demo/orders/db'].map((n) => check.check(n));
    const answers = await Promise.all(typing);
    assert.deepEqual(answers, [undefined, undefined, undefined, 'taken']);
    assert.deepEqual(asked, ['demo/orders/db']);
    assert.equal(await check.check('demo/orders/db'), 'taken', 'cached');
    assert.deepEqual(asked, ['demo/orders/db'], 'the cached answer asks nothing');
    assert.equal(await check.check('demo/orders/new'), 'free');
  });

  it('cancels the request in flight when the name changes', async () => {
    let aborted = 0;
    const check = new AvailabilityCheck(
      (name, signal) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => aborted++);
          setTimeout(() => resolve(name.length > 3), 60);
        }),
      { debounceMs: 5 },
    );
    const first = check.check('slow-name');
    await sleep(20); // the first request is in flight
    const second = check.check('abc');
    assert.equal(await first, undefined, 'a superseded answer is stale');
    assert.equal(await second, 'free');
    assert.equal(aborted, 1);
  });

  it('answers unknown, not an error, when KMS fails or hangs', async () => {
    const failing = new AvailabilityCheck(
      async () => {
        throw new Error('Forbidden.NoPermission');
      },
      { debounceMs: 1 },
    );
    assert.equal(await failing.check('a'), 'unknown');
    const hanging = new AvailabilityCheck(() => new Promise<boolean>(() => {}), { debounceMs: 1, timeoutMs: 40 });
    const started = Date.now();
    assert.equal(await hanging.check('a'), 'unknown');
    assert.ok(Date.now() - started < 1_000);
  });

  it('flags a name the flow already chose for another secret, without asking KMS', async () => {
    const asked: string[] = [];
    const check = new AvailabilityCheck(
      async (name) => {
        asked.push(name);
        return false;
      },
      { debounceMs: 1, chosen: ['prod/web/password'] },
    );
    assert.equal(await check.check('prod/web/password'), 'chosen');
    assert.equal(await check.check('prod/web/api-token'), 'free');
    assert.deepEqual(asked, ['prod/web/api-token']);
    check.dispose();
  });

  it('knows the names the caller already listed, without asking', async () => {
    const check = new AvailabilityCheck(async () => assert.fail('KMS asked'), { debounceMs: 1 });
    check.remember('demo/orders/db', 'taken');
    assert.equal(check.known('demo/orders/db'), 'taken');
    assert.equal(await check.check('demo/orders/db'), 'taken');
    check.dispose();
  });
});
