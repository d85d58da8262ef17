import * as assert from 'node:assert/strict';
import {
  asOwnArgs,
  asSecretTarget,
  ownArgs,
  scripted,
  scriptedArgs,
  secretTarget,
  TEST_HOST_VARIABLE,
  testOnly,
} from '../../src/platform/automation';

describe('Command arguments: scripted answers only in the test host, never mistaken for a tree row', () => {
  const saved = process.env[TEST_HOST_VARIABLE];
  const testHost = (on: boolean) => {
    if (on) process.env[TEST_HOST_VARIABLE] = '1';
    else delete process.env[TEST_HOST_VARIABLE];
  };
  afterEach(() => testHost(saved === '1'));

  /** What VS Code hands the view-title + button while a row is selected: the row, which has a string `name`. */
  const treeRow = { kind: 'secret', region: 'cn-hangzhou', summary: { name: 'demo/staging/redis-password' } };
  Object.defineProperty(treeRow, 'name', { get: () => 'demo/staging/redis-password', enumerable: true });

  it('honours scripted answers in the test host only', () => {
    testHost(true);
    assert.deepEqual(scriptedArgs(scripted({ name: 'x', value: 'v' })), { name: 'x', value: 'v' });
    testHost(false);
    assert.equal(scriptedArgs(scripted({ name: 'x', value: 'v' })), undefined, 'outside the test host: ask the user');
  });

  it('takes nothing else for scripted answers: a tree row, a target, a URI-like object, a string', () => {
    testHost(true);
    for (const arg of [
      treeRow,
      { name: 'demo/orders/db', value: 'v' },
      secretTarget({ name: 'demo/orders/db' }),
      { scheme: 'file', path: '/x' },
      'demo/orders/db',
      undefined,
      null,
    ])
      assert.equal(scriptedArgs(arg), undefined, JSON.stringify(arg));
  });

  it('knows the targets and findings its own code built, and nothing else', () => {
    testHost(false);
    assert.deepEqual(asSecretTarget(secretTarget({ name: 'a/b', region: 'cn-shanghai' })), {
      name: 'a/b',
      region: 'cn-shanghai',
      versionId: undefined,
      stage: undefined,
      jsonKey: undefined,
    });
    // A target survives a command URI (JSON), as in the hover's "Reveal in Explorer" link.
    assert.equal(asSecretTarget(JSON.parse(JSON.stringify(secretTarget({ name: 'a/b' }))))?.name, 'a/b');
    assert.equal(asSecretTarget(treeRow), undefined);
    assert.equal(asSecretTarget({ name: 'a/b' }), undefined);
    assert.equal(asSecretTarget(scripted({ name: 'a/b' })), undefined);
    assert.equal(asSecretTarget({ ...secretTarget({ name: 'a/b' }), region: 7 }), undefined, 'fields are type-checked');
    assert.equal(asSecretTarget(secretTarget({ name: '' })), undefined);
    assert.deepEqual(asOwnArgs('finding', ownArgs('finding', { uri: 'file:///a', version: 1 })), {
      uri: 'file:///a',
      version: 1,
      $kmsSecrets: 'finding',
    });
    assert.equal(asOwnArgs('finding', secretTarget({ name: 'a' })), undefined);
  });

  it('hands out test hooks in the test host only', () => {
    testHost(true);
    assert.deepEqual(
      testOnly(() => ({ hook: 1 })),
      { hook: 1 },
    );
    testHost(false);
    let built = false;
    assert.equal(
      testOnly(() => (built = true)),
      undefined,
    );
    assert.equal(built, false, 'not even built');
  });
});
