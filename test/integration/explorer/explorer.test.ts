import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { JsonKeyNode, VersionNode } from '../../../src/explorer/nodes';
import { VALUE_SCHEME } from '../../../src/explorer/valueDocuments';
import { scripted, secretTarget } from '../../../src/platform/automation';
import { ACCESS_KEY, configure, logText, signInWithKeys, sleep, useEmulator, waitFor } from '../fixtures';
import { CANARY, children, demoSeed, isMessage, isSecret, label, rootSecrets, secretNode } from './helpers';

describe('Secrets explorer (against the emulator)', function () {
  this.timeout(60_000);
  const fx = useEmulator({ seed: demoSeed() });
  let a: typeof fx.api;
  let kms: typeof fx.kms;
  before(() => {
    a = fx.api;
    kms = fx.kms;
  });

  it('keeps typed-in keys in SecretStorage only, never in settings', async () => {
    const settings = JSON.stringify(vscode.workspace.getConfiguration('kmsSecrets'));
    assert.ok(
      !settings.includes(ACCESS_KEY.accessKeySecret) && !settings.includes(ACCESS_KEY.accessKeyId),
      'no key in settings',
    );
    assert.equal(
      vscode.workspace.getConfiguration('kmsSecrets').get('profile'),
      'explorer-test',
      'the profile setting names the stored set',
    );
  });

  it('lists the seeded secrets with type, tags and pending deletion', async () => {
    const nodes = await rootSecrets(a);
    const names = nodes.map((n) => n.name);
    for (const name of [
      'demo/app/api-token',
      'demo/orders/db',
      'demo/rds/orders-admin',
      'acs/ram/user/demo-ci-bot',
      'acs/ecs/demo-bastion/root',
      'demo/legacy/ftp-password',
    ]) {
      assert.ok(names.includes(name), `${name} is listed (got ${names.join(', ')})`);
    }
    const item = (name: string) => a.explorer.tree.getTreeItem(nodes.find((n) => n.name === name)!);
    assert.equal((item('demo/rds/orders-admin').iconPath as vscode.ThemeIcon).id, 'database');
    assert.equal((item('acs/ram/user/demo-ci-bot').iconPath as vscode.ThemeIcon).id, 'account');
    assert.equal((item('acs/ecs/demo-bastion/root').iconPath as vscode.ThemeIcon).id, 'vm');
    assert.equal((item('demo/app/api-token').iconPath as vscode.ThemeIcon).id, 'key');
    assert.equal(item('demo/app/api-token').contextValue, 'secret;generic;active');
    assert.equal(item('demo/rds/orders-admin').contextValue, 'secret;managed;active');
    assert.equal(item('demo/legacy/ftp-password').contextValue, 'secret;generic;deleting');
    assert.match(String(item('demo/app/api-token').description), /env=dev/);
    assert.match(String(item('demo/legacy/ftp-password').description), /^deletes \d{4}-\d\d-\d\d/);
  });

  it('resolves a Markdown tooltip with the metadata, never the value', async () => {
    const node = await secretNode(a, 'demo/rds/orders-admin');
    const item = a.explorer.tree.getTreeItem(node);
    assert.equal(item.tooltip, undefined, 'tooltips are resolved lazily');
    const resolved = await a.explorer.tree.resolveTreeItem(item, node, new vscode.CancellationTokenSource().token);
    const text = (resolved.tooltip as vscode.MarkdownString).value;
    assert.match(text, /acs:kms:cn-hangzhou:\d+:secret\/demo\/rds\/orders-admin/);
    assert.match(text, /RDS account managed and rotated by KMS/);
    assert.match(text, /Rotation: enabled, every 7 days/);
    assert.match(text, /Next rotation: \d{4}-/);
    assert.match(text, /service=orders/);
    assert.match(text, /Created: \d{4}/);
    assert.match(text, /Encryption key:/);
    assert.doesNotMatch(text, /demo-rds-password-not-real/);
    const deleting = await secretNode(a, 'demo/legacy/ftp-password');
    const t2 = await a.explorer.tree.resolveTreeItem(
      a.explorer.tree.getTreeItem(deleting),
      deleting,
      new vscode.CancellationTokenSource().token,
    );
    assert.match((t2.tooltip as vscode.MarkdownString).value, /Planned deletion: .*\d{4}-/);
  });

  it('shows versions with their stage labels, and the key names of JSON values', async () => {
    const token = await secretNode(a, 'demo/app/api-token');
    const versions = (await children(a, token)) as VersionNode[];
    assert.deepEqual(
      versions.map((v) => [v.version.versionId, v.version.stages.join(',')]),
      [
        ['v2', 'ACSCurrent'],
        ['v1', 'ACSPrevious'],
        ['v3-canary', 'Canary'],
      ],
    );
    assert.equal(a.explorer.tree.getTreeItem(versions[0]).description, 'ACSCurrent');
    assert.deepEqual(await children(a, versions[0]), [], 'a plain-text value has no keys');

    const db = await secretNode(a, 'demo/orders/db');
    const [current] = (await children(a, db)) as VersionNode[];
    const keys = (await children(a, current)) as JsonKeyNode[];
    assert.deepEqual(
      keys.map((k) => label(a, k)),
      ['host', 'port', 'username', 'password'],
    );
    for (const k of keys) assert.doesNotMatch(JSON.stringify(a.explorer.tree.getTreeItem(k)), /demo-password-not-real/);
  });

  it('draws no expand arrow on a plain-text version, one on a JSON version', async () => {
    const state = (v: VersionNode) => a.explorer.tree.getTreeItem(v).collapsibleState;
    const read = (vs: VersionNode[]) =>
      waitFor('the versions read', () => (vs.every((v) => v.content !== 'unknown') ? true : undefined));
    const token = (await children(a, await secretNode(a, 'demo/app/api-token'))) as VersionNode[];
    await read(token);
    for (const v of token) assert.equal(state(v), vscode.TreeItemCollapsibleState.None, v.version.versionId);
    const db = (await children(a, await secretNode(a, 'demo/orders/db'))) as VersionNode[];
    await read(db);
    for (const v of db) assert.equal(state(v), vscode.TreeItemCollapsibleState.Collapsed, v.version.versionId);
    const reads = kms.stats().byAction.GetSecretValue ?? 0;
    const rds = (await children(a, await secretNode(a, 'demo/rds/orders-admin'))) as VersionNode[];
    for (const v of rds) assert.equal(state(v), vscode.TreeItemCollapsibleState.Collapsed, 'managed: JSON');
    await sleep(300);
    assert.equal(kms.stats().byAction.GetSecretValue ?? 0, reads, 'a managed secret is not read to know it');
  });

  it('copies references: secret, stage, version and JSON key', async () => {
    const token = await secretNode(a, 'demo/app/api-token');
    assert.equal(await vscode.commands.executeCommand('kmsSecrets.copyReference', token), 'kms://demo/app/api-token');
    assert.equal(await vscode.env.clipboard.readText(), 'kms://demo/app/api-token');
    const [current, previous, canary] = (await children(a, token)) as VersionNode[];
    assert.equal(await vscode.commands.executeCommand('kmsSecrets.copyReference', current), 'kms://demo/app/api-token');
    assert.equal(
      await vscode.commands.executeCommand('kmsSecrets.copyReference', previous),
      'kms://demo/app/api-token?stage=ACSPrevious',
    );
    assert.equal(
      await vscode.commands.executeCommand('kmsSecrets.copyReference', canary),
      'kms://demo/app/api-token?stage=Canary',
    );
    const db = await secretNode(a, 'demo/orders/db');
    const [dbCurrent] = (await children(a, db)) as VersionNode[];
    const password = ((await children(a, dbCurrent)) as JsonKeyNode[]).find((k) => k.key === 'password')!;
    assert.equal(
      await vscode.commands.executeCommand('kmsSecrets.copyReference', password),
      'kms://demo/orders/db#password',
    );
  });

  it('reveals a value in a read-only virtual document after consent', async () => {
    const token = await secretNode(a, 'demo/app/api-token');
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>(
      'kmsSecrets.revealValue',
      token,
      scripted({ confirmed: true }),
    );
    assert.ok(doc);
    assert.equal(doc.uri.scheme, VALUE_SCHEME);
    assert.equal(doc.getText(), 'demo-api-token-v2-NOT-A-REAL-TOKEN');
    assert.equal(doc.isUntitled, false);
    assert.equal(doc.isDirty, false);
    // The editor shows it read-only; even an API edit never makes it dirty, so there is nothing to save or back up.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), 'x');
    await vscode.workspace.applyEdit(edit);
    assert.equal(doc.isDirty, false, 'never dirty');
    assert.equal(doc.isUntitled, false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('copies a value and clears the clipboard after the delay, unless it changed', async () => {
    await vscode.workspace
      .getConfiguration('kmsSecrets')
      .update('clipboardClearSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      const staging = await secretNode(a, 'demo/staging/redis-password');
      await vscode.commands.executeCommand('kmsSecrets.copyValue', staging);
      assert.equal(await vscode.env.clipboard.readText(), 'demo-redis-password-not-real');
      await sleep(1800);
      assert.equal(await vscode.env.clipboard.readText(), '', 'cleared after the delay');

      await vscode.commands.executeCommand('kmsSecrets.copyValue', staging);
      await vscode.env.clipboard.writeText('something the user copied');
      await sleep(1800);
      assert.equal(await vscode.env.clipboard.readText(), 'something the user copied', 'left alone once changed');

      const canary = await secretNode(a, 'test/canary');
      const [current] = (await children(a, canary)) as VersionNode[];
      const password = ((await children(a, current)) as JsonKeyNode[]).find((k) => k.key === 'password')!;
      await vscode.commands.executeCommand('kmsSecrets.copyValue', password);
      assert.equal(await vscode.env.clipboard.readText(), CANARY, 'a JSON key copies just its member');
      await sleep(1800);
      assert.equal(await vscode.env.clipboard.readText(), '');
    } finally {
      await vscode.workspace
        .getConfiguration('kmsSecrets')
        .update('clipboardClearSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('creates a secret, puts a value with stages, edits tags and description', async () => {
    const name = await vscode.commands.executeCommand(
      'kmsSecrets.createSecret',
      scripted({
        name: 'test/created',
        value: `created-${CANARY}`,
        description: 'made by the test',
        tags: { owner: 'tests' },
      }),
    );
    assert.equal(name, 'test/created');
    let secret = kms.store.find('test/created');
    assert.ok(secret);
    assert.equal(secret.description, 'made by the test');
    assert.deepEqual(secret.tags, [{ key: 'owner', value: 'tests' }]);
    assert.equal(secret.versions[0].data, `created-${CANARY}`);
    assert.ok(
      (await rootSecrets(a)).some((n) => n.name === 'test/created'),
      'the new secret appears in the tree',
    );

    await vscode.commands.executeCommand(
      'kmsSecrets.putSecretValue',
      secretTarget({ name: 'test/created' }),
      scripted({ value: `second-${CANARY}`, versionId: 'v2' }),
    );
    secret = kms.store.find('test/created')!;
    assert.deepEqual(
      secret.versions.map((v) => v.stages.join(',')),
      ['ACSPrevious', 'ACSCurrent'],
    );
    assert.equal(secret.versions[1].versionId, 'v2');
    assert.equal(secret.versions[1].data, `second-${CANARY}`);

    await vscode.commands.executeCommand(
      'kmsSecrets.putSecretValue',
      secretTarget({ name: 'test/created' }),
      scripted({ value: 'staged value', versionId: 'v3', stages: ['Beta'] }),
    );
    assert.deepEqual(kms.store.find('test/created')!.versions.find((v) => v.versionId === 'v3')!.stages, ['Beta']);

    await vscode.commands.executeCommand(
      'kmsSecrets.editTags',
      secretTarget({ name: 'test/created' }),
      scripted({ set: { env: 'qa' }, remove: ['owner'] }),
    );
    assert.deepEqual(kms.store.find('test/created')!.tags, [{ key: 'env', value: 'qa' }]);

    await vscode.commands.executeCommand(
      'kmsSecrets.editDescription',
      secretTarget({ name: 'test/created' }),
      scripted({ description: 'changed' }),
    );
    assert.equal(kms.store.find('test/created')!.description, 'changed');
    const node = await secretNode(a, 'test/created');
    assert.match(String(a.explorer.tree.getTreeItem(node).description), /env=qa/, 'the row shows the new tags');
  });

  it('creates a secret from the editor selection and replaces it with the reference', async () => {
    const doc = await vscode.workspace.openTextDocument({
      content: 'password = "from-selection-value"\n',
      language: 'properties',
    });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 12, 0, 32);
    await vscode.commands.executeCommand(
      'kmsSecrets.createSecret',
      doc.uri,
      scripted({ name: 'test/from-selection', replaceSelection: true }),
    );
    assert.equal(kms.store.find('test/from-selection')?.versions[0].data, 'from-selection-value');
    assert.equal(doc.getText(), 'password = "kms://test/from-selection"\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('takes a tree row passed to Create Secret (the + button with a row selected) for nothing: it asks for a name', async () => {
    const row = await secretNode(a, 'demo/staging/redis-password');
    const creates = () => kms.stats().byAction.CreateSecret ?? 0;
    const before = creates();
    const versions = kms.store.find('demo/staging/redis-password')!.versions.length;
    // VS Code hands the selected row to the view-title button's command; the value stands for what the user typed.
    let settled = false;
    const running = Promise.resolve(
      vscode.commands.executeCommand('kmsSecrets.createSecret', row, scripted({ value: `typed-${CANARY}` })),
    ).then((result) => ((settled = true), result));
    await sleep(1500);
    assert.equal(settled, false, "the command waits in the name box instead of reusing the row's name");
    assert.equal(creates(), before, "no CreateSecret with the selected secret's name");
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await running, undefined, 'cancelling the name box creates nothing');
    assert.equal(creates(), before);
    assert.equal(
      kms.store.find('demo/staging/redis-password')!.versions.length,
      versions,
      "the row's secret is as it was",
    );
  });

  it('rotates managed secrets and switches their rotation policy', async () => {
    const before = kms.store.find('demo/rds/orders-admin')!.versions.length;
    await vscode.commands.executeCommand(
      'kmsSecrets.rotateSecret',
      secretTarget({ name: 'demo/rds/orders-admin' }),
      scripted({ action: 'rotate' }),
    );
    const rds = kms.store.find('demo/rds/orders-admin')!;
    assert.ok(
      rds.versions.length > before || rds.versions.at(-1)!.stages.includes('ACSCurrent'),
      'a new current version',
    );

    await vscode.commands.executeCommand(
      'kmsSecrets.rotateSecret',
      secretTarget({ name: 'acs/ram/user/demo-ci-bot' }),
      scripted({ action: 'enable', interval: '14d' }),
    );
    let ram = kms.store.find('acs/ram/user/demo-ci-bot')!;
    assert.equal(ram.rotation?.enabled, true);
    assert.equal(ram.rotation?.intervalSeconds, 14 * 86400);
    await vscode.commands.executeCommand(
      'kmsSecrets.rotateSecret',
      secretTarget({ name: 'acs/ram/user/demo-ci-bot' }),
      scripted({ action: 'disable' }),
    );
    ram = kms.store.find('acs/ram/user/demo-ci-bot')!;
    assert.equal(ram.rotation?.enabled, false);
  });

  it('schedules deletion, restores, and deletes at once', async () => {
    await vscode.commands.executeCommand(
      'kmsSecrets.deleteSecret',
      secretTarget({ name: 'test/created' }),
      scripted({ recoveryWindowInDays: 7, confirmed: true }),
    );
    const planned = kms.store.find('test/created')!.plannedDeleteTime;
    assert.ok(
      planned && planned - Date.now() > 6 * 86400_000 && planned - Date.now() < 8 * 86400_000,
      'planned in 7 days',
    );
    const node = await secretNode(a, 'test/created');
    assert.equal(a.explorer.tree.getTreeItem(node).contextValue, 'secret;generic;deleting');

    await vscode.commands.executeCommand('kmsSecrets.restoreSecret', secretTarget({ name: 'test/created' }));
    assert.equal(kms.store.find('test/created')!.plannedDeleteTime, undefined);

    await vscode.commands.executeCommand(
      'kmsSecrets.deleteSecret',
      secretTarget({ name: 'test/created' }),
      scripted({ force: true, confirmed: true }),
    );
    assert.equal(kms.store.find('test/created'), undefined);
    assert.ok(!(await rootSecrets(a)).some((n) => n.name === 'test/created'), 'gone from the tree');
  });

  it('asks again before an open revealed value shows after a change (delete, restore)', async () => {
    const name = 'demo/staging/redis-password';
    const value = 'demo-redis-password-not-real';
    const reveal = () =>
      vscode.commands.executeCommand<vscode.TextDocument>(
        'kmsSecrets.revealValue',
        secretTarget({ name }),
        scripted({ confirmed: true }),
      );
    const doc = await reveal();
    assert.equal(doc.getText(), value);
    await vscode.commands.executeCommand(
      'kmsSecrets.deleteSecret',
      secretTarget({ name }),
      scripted({ recoveryWindowInDays: 7, confirmed: true }),
    );
    await vscode.commands.executeCommand('kmsSecrets.restoreSecret', secretTarget({ name }));
    assert.equal(kms.store.find(name)!.plannedDeleteTime, undefined, 'restored');
    await waitFor('the tab to drop the value', () => (doc.getText().includes(value) ? undefined : true));
    await sleep(500); // a late read would bring the value back
    assert.match(doc.getText(), /hidden\. Use Reveal Value/);
    assert.ok(!doc.getText().includes(value));
    const again = await reveal();
    assert.equal(again.getText(), value, 'Reveal (with consent) shows it again in the same tab');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('filters by name, tag and type', async () => {
    const filtered = async (text: string) => {
      await vscode.commands.executeCommand('kmsSecrets.filter', text);
      await a.explorer.tree.whenListed();
      return a.explorer.tree.getChildren();
    };
    try {
      assert.deepEqual(
        (await filtered('type:Rds')).filter(isSecret).map((n) => n.name),
        ['demo/rds/orders-admin'],
      );
      assert.deepEqual(
        (await filtered('tag:env=staging')).filter(isSecret).map((n) => n.name),
        ['demo/staging/redis-password'],
      );
      assert.deepEqual(
        (await filtered('orders'))
          .filter(isSecret)
          .map((n) => n.name)
          .sort(),
        ['demo/orders/db', 'demo/rds/orders-admin'],
      );
      const rows = await filtered('no-such-secret');
      assert.equal(rows.length, 1);
      assert.ok(isMessage(rows[0]) && /No secrets match/.test(rows[0].label), 'an empty-result row');
    } finally {
      await vscode.commands.executeCommand('kmsSecrets.clearFilter');
    }
    assert.ok((await rootSecrets(a)).length >= 7);
  });

  it('shows an error row with one sentence and a retry that recovers', async () => {
    kms.setFaults({ failRate: 1 });
    try {
      await vscode.commands.executeCommand('kmsSecrets.refresh');
      const tree = a.explorer.tree;
      await tree.whenListed();
      const rows = await tree.getChildren();
      const error = rows.filter(isMessage).find((r) => r.style === 'error');
      assert.ok(error, 'an error row');
      assert.equal(tree.getTreeItem(error).contextValue, 'error');
      assert.doesNotMatch(error.label, /Signature|AccessKey|https?:\/\//);
      kms.setFaults({ failRate: 0 });
      await vscode.commands.executeCommand('kmsSecrets.retry', error);
      assert.ok((await rootSecrets(a)).length >= 7, 'retry lists again');
    } finally {
      kms.setFaults({ failRate: 0 });
    }
  });

  it('shows several regions side by side', async () => {
    await configure(fx.endpoint, ['cn-hangzhou', 'cn-shanghai']);
    try {
      const rows = await a.explorer.tree.getChildren();
      assert.deepEqual(
        rows.map((r) => label(a, r)),
        ['cn-hangzhou', 'cn-shanghai'],
      );
      const secrets = await a.explorer.tree.getChildren(rows[0]);
      assert.ok(secrets.some((s) => isSecret(s) && s.name === 'demo/orders/db'));
    } finally {
      await configure(fx.endpoint, []);
    }
  });

  it('signs in with a detected aliyun CLI profile', async () => {
    // The host runs with an isolated HOME, so this writes a throw-away CLI config (removed below).
    const dir = path.join(os.homedir(), '.aliyun');
    const file = path.join(dir, 'config.json');
    assert.ok(!fs.existsSync(file), 'no CLI config in the isolated HOME before the test');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify({
        current: 'emu',
        profiles: [
          {
            name: 'emu',
            mode: 'AK',
            access_key_id: ACCESS_KEY.accessKeyId,
            access_key_secret: ACCESS_KEY.accessKeySecret,
            region_id: 'cn-hangzhou',
          },
        ],
      }),
    );
    try {
      await vscode.commands.executeCommand('kmsSecrets.signIn', scripted({ source: 'profile', name: 'emu' }));
      assert.equal(vscode.workspace.getConfiguration('kmsSecrets').get('profile'), 'emu');
      assert.ok(
        (await rootSecrets(a)).some((n) => n.name === 'demo/orders/db'),
        'lists with the profile',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await signInWithKeys();
    }
  });

  it('never writes a secret value to the log', async () => {
    const text = await logText(a);
    assert.ok(text.length > 0, 'the log has content');
    assert.match(text, /Created secret test\/created/);
    for (const value of [
      CANARY,
      'demo-api-token-v2-NOT-A-REAL-TOKEN',
      'demo-redis-password-not-real',
      'from-selection-value',
      ACCESS_KEY.accessKeySecret,
    ]) {
      assert.ok(!text.includes(value), `the log does not contain ${value.slice(0, 12)}…`);
    }
  });

  it('asks before revealing: without consent nothing is read or opened', async () => {
    const reads = () => kms.stats().byAction.GetSecretValue ?? 0;
    const before = reads();
    const node = await secretNode(a, 'test/canary');
    // The modal stays open (nobody answers it in this run); the command must not read the value meanwhile.
    void vscode.commands.executeCommand('kmsSecrets.revealValue', node);
    await sleep(1500);
    assert.equal(reads(), before, 'no GetSecretValue before consent');
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.scheme === VALUE_SCHEME && d.uri.path.includes('test/canary')),
    );
  });
});
