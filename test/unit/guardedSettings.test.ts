import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  findDecision,
  GUARDED_SETTINGS,
  guardedLevels,
  guardedValue,
  readGuarded,
  RESTRICTED_SETTINGS,
  withDecision,
  withoutDecisions,
  type Decision,
  type SettingDecision,
} from '../../src/core/guardedSettings';

const ATTACKER = 'https://attacker.example';
const MINE = 'http://127.0.0.1:4000';

describe('Workspace values of connection settings (trust rule)', () => {
  const read = (levels: Parameters<typeof readGuarded>[0], trusted: boolean, decision?: Decision) =>
    readGuarded(levels, { trusted, decision: () => decision });

  it('never applies a workspace value in Restricted Mode, whatever was answered', () => {
    for (const decision of [undefined, 'allow', 'keep'] as const) {
      const r = read({ defaultValue: '', globalValue: MINE, workspaceValue: ATTACKER }, false, decision);
      assert.equal(r.value, MINE, String(decision));
      assert.equal(r.overridden, ATTACKER);
      assert.equal(r.undecided, undefined, 'nothing to ask in Restricted Mode');
    }
    assert.equal(read({ defaultValue: '', workspaceFolderValue: ATTACKER }, false).value, '', 'folder values too');
  });

  it('in a trusted workspace applies the value only once the user allowed that exact value', () => {
    const levels = { defaultValue: '', globalValue: MINE, workspaceValue: ATTACKER };
    assert.deepEqual(read(levels, true), { value: MINE, from: 'user', overridden: ATTACKER, undecided: true });
    assert.deepEqual(read(levels, true, 'keep'), { value: MINE, from: 'user', overridden: ATTACKER, undecided: false });
    assert.deepEqual(read(levels, true, 'allow'), { value: ATTACKER, from: 'workspace' });
    const asked: string[] = [];
    readGuarded(
      { defaultValue: '', workspaceValue: `  ${ATTACKER} ` },
      { trusted: true, decision: (v) => (asked.push(v), undefined) },
    );
    assert.deepEqual(asked, [ATTACKER], 'the decision is looked up for the exact (trimmed) value');
  });

  it('falls back to the default without a user value, and ignores a workspace value equal to the user one', () => {
    assert.deepEqual(read({ defaultValue: '', workspaceValue: 'default' }, true), {
      value: '',
      from: 'default',
      overridden: 'default',
      undecided: true,
    });
    assert.deepEqual(read({ defaultValue: '', globalValue: MINE, workspaceValue: MINE }, true), {
      value: MINE,
      from: 'user',
    });
    assert.deepEqual(read({ defaultValue: '', globalValue: MINE }, false), { value: MINE, from: 'user' });
  });

  it('remembers one answer per workspace, key and value', () => {
    const a: SettingDecision = { workspace: 'file:///w1', key: 'endpoint', value: ATTACKER, decision: 'allow' };
    let list = withDecision([], a);
    list = withDecision(list, { ...a, workspace: 'file:///w2', decision: 'keep' });
    list = withDecision(list, { ...a, decision: 'keep' });
    assert.equal(list.length, 2, 'a new answer replaces the old one');
    assert.equal(findDecision(list, 'file:///w1', 'endpoint', ATTACKER)?.decision, 'keep');
    assert.equal(
      findDecision(list, 'file:///w1', 'endpoint', `${ATTACKER}/`),
      undefined,
      'another value is asked anew',
    );
    assert.equal(findDecision(list, 'file:///w1', 'profile', ATTACKER), undefined);
    assert.equal(withoutDecisions(list, [a]).length, 1);
  });

  it('declares every guarded setting (and the custom patterns) as restricted in the manifest', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } };
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    const declared = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
    for (const key of RESTRICTED_SETTINGS) assert.ok(declared.includes(`kmsSecrets.${key}`), `kmsSecrets.${key}`);
    assert.ok(RESTRICTED_SETTINGS.includes('scanner.customPatterns'));
    for (const key of GUARDED_SETTINGS)
      assert.ok(manifest.contributes.configuration.properties[`kmsSecrets.${key}`], `kmsSecrets.${key} is a setting`);
  });
});

describe('Workspace values of connection settings are approved as what they do', () => {
  const ALIYUN = 'https://kms.cn-hangzhou.aliyuncs.com';

  it('approves and shows an endpoint as the URL its requests go to, whatever hides in the text', () => {
    // Each of these sends requests to kms.cn-hangzhou.aliyuncs.com.evil.example while reading as the Alibaba host.
    const disguised = [
      `${ALIYUN}${'\n'.repeat(30)}.evil.example`,
      `${ALIYUN}\t.evil.example`,
      `${ALIYUN}\u200b.evil.example`,
      `${ALIYUN}\u00ad.evil.example`,
      `${ALIYUN}%2eevil%2eexample`,
      `${ALIYUN}\u3002evil\u3002example`,
    ];
    for (const value of disguised) {
      assert.equal(guardedValue('endpoint', value), `${ALIYUN}.evil.example`, JSON.stringify(value));
      const reading = readGuarded(guardedLevels('endpoint', { defaultValue: '', workspaceValue: value }), {
        trusted: true,
        decision: () => undefined,
      });
      assert.deepEqual(reading, { value: '', from: 'default', overridden: `${ALIYUN}.evil.example`, undecided: true });
    }
  });

  it('an allowed canonical value is the one that applies, and equal spellings are one value', () => {
    const levels = guardedLevels('endpoint', {
      defaultValue: '',
      globalValue: '127.0.0.1:4000',
      workspaceValue: 'https://127.0.0.1:4000/',
    });
    assert.deepEqual(readGuarded(levels, { trusted: true, decision: () => undefined }), {
      value: 'https://127.0.0.1:4000',
      from: 'user',
    });
  });

  it('keeps other values, and endpoints that are no URL, on one printable line', () => {
    assert.equal(guardedValue('profile', ' prod\u001b[2J\n '), 'prod?[2J');
    assert.equal(guardedValue('endpoint', 'https://a b\u001b'), 'https://a b?');
    assert.equal(guardedValue('endpoint', undefined), undefined);
    assert.equal(guardedValue('endpoint', ''), '');
  });
});
