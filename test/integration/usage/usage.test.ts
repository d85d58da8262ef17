import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { KmsClient } from '../../../src/core/kms';
import { startEmulator, type RunningEmulator, type SeedFile } from '../../../src/emulator/server';
import type { SecretNode } from '../../../src/explorer/nodes';
import { scripted, secretTarget } from '../../../src/platform/automation';
import type { UnusedSummary } from '../../../src/usage/commands';
import type { UsageNode } from '../../../src/usage/nodes';
import {
  ACCESS_KEY,
  api,
  configure,
  logText,
  signInWithKeys,
  signOut,
  sleep,
  waitFor,
  type TestApi,
} from '../fixtures';

/** A value that must never show in a usage row, a tooltip, a hover, a notification or the log. */
const CANARY = 'CANARY-usage-7c2e91d4-never-shown';
/** A key the emulator knows but whose lookups RAM denies (no actiontrail:LookupEvents). */
const DENIED = { accessKeyId: 'usage-denied-key-id', accessKeySecret: 'usage-denied-key-secret' };
const BUSY_EVENTS = 120;

const alice = { type: 'ram-user', userName: 'alice', accessKeyId: 'LTAIusageAlice0001', principalId: '1' };
const bob = { type: 'ram-user', userName: 'intern-bob', accessKeyId: 'LTAIusageBob00002', principalId: '2' };
const app = {
  type: 'assumed-role',
  userName: 'orders-app-role:orders-7f9c',
  accessKeyId: 'STS.usageOrdersSess01',
  principalId: '3:orders-7f9c',
};

function seed(): SeedFile {
  const secret = (name: string) => ({
    name,
    versions: [{ versionId: 'v1', value: `${CANARY}-${name}`, stages: ['ACSCurrent'] }],
  });
  const read = (name: string, eventTime: string, who: object, extra: object = {}) => ({
    eventTime,
    eventName: 'GetSecretValue',
    requestParameters: { SecretName: name, VersionStage: 'ACSCurrent' },
    userIdentity: who,
    sourceIpAddress: '203.0.113.10',
    userAgent: 'aliyun-cli/3.0.204',
    ...extra,
  });
  return {
    secrets: ['usage/app/db', 'usage/app/token', 'usage/busy/key', 'usage/legacy/ftp', 'usage/new/empty'].map(secret),
    events: [
      read('usage/legacy/ftp', '-60d', alice),
      {
        eventTime: '-5d',
        eventName: 'PutSecretValue',
        requestParameters: { SecretName: 'usage/app/db', VersionId: 'v1' },
        userIdentity: alice,
        sourceIpAddress: '203.0.113.10',
        userAgent: 'aliyun-cli/3.0.204',
      },
      read('usage/app/db', '-3d', bob, { sourceIpAddress: '198.51.100.23', errorCode: 'Forbidden.NoPermission' }),
      read('usage/app/token', '-1d', alice),
      ...Array.from({ length: BUSY_EVENTS }, (_, i) => read('usage/busy/key', `-${i + 30}m`, app)),
      read('usage/app/db', '-2h', app, { sourceIpAddress: '10.0.12.7', userAgent: 'AlibabaCloud Java/17 Core/4.6.4' }),
    ],
  } as unknown as SeedFile;
}

const unescapeMarkdown = (text: string) => text.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');

interface Row {
  node: UsageNode;
  item: vscode.TreeItem;
  label: string;
  description: string;
  tooltip: string;
}

describe('Secret usage (ActionTrail, against the emulator)', function () {
  this.timeout(90_000);
  let kms: RunningEmulator;
  let a: TestApi;
  const config = () => vscode.workspace.getConfiguration('kmsSecrets');
  const setUser = (key: string, value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Global);
  const lookups = (on: RunningEmulator = kms) => on.stats().byAction.LookupEvents ?? 0;
  /** LookupEvents calls ActionTrail answered: a call refused for flow control is asked again after a backoff. */
  const answeredLookups = () => lookups() - (kms.stats().throttledByAction.LookupEvents ?? 0);

  function rows(): Row[] {
    return a.usage.tree.getChildren().map((node) => {
      const item = a.usage.tree.getTreeItem(node);
      const raw = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
      const tooltip = unescapeMarkdown(raw);
      return { node, item, label: String(item.label), description: String(item.description ?? ''), tooltip };
    });
  }
  const events = () => rows().filter((r) => r.node.kind === 'event');
  const status = () => rows().find((r) => r.node.kind === 'status');

  async function secretNode(name: string): Promise<SecretNode> {
    await a.explorer.tree.whenListed();
    const nodes = (await a.explorer.tree.getChildren()) as SecretNode[];
    const node = nodes.find((n) => n.kind === 'secret' && n.name === name);
    assert.ok(node, `the explorer lists ${name}`);
    return node;
  }

  async function showUsage(name: string): Promise<void> {
    await vscode.commands.executeCommand('kmsSecrets.showUsage', await secretNode(name));
    await a.usage.tree.settled;
  }

  /** Reads a secret as the test's own RAM user, so the emulator records a fresh event. */
  async function readAsTester(name: string): Promise<void> {
    const client = new KmsClient(
      { source: { kind: 'static', ...ACCESS_KEY }, region: 'cn-hangzhou', endpoint: kms.url },
      { userAgent: 'usage-test-agent/1.0', cache: false },
    );
    await client.getSecretValue(name);
  }

  before(async () => {
    kms = await startEmulator({
      port: 0,
      credentials: [ACCESS_KEY, DENIED],
      seed: seed(),
      trail: {
        deniedAccessKeyIds: [DENIED.accessKeyId],
        identities: { [ACCESS_KEY.accessKeyId]: { userName: 'usage-tester' } },
      },
    });
    a = await api();
    await configure(kms.url);
    await setUser('usage.trailEndpoint', kms.url);
    await signInWithKeys();
  });

  after(async () => {
    await setUser('usage.trailEndpoint', undefined);
    await setUser('usage.days', undefined);
    await setUser('usage.markUnused', undefined);
    await signOut();
    await configure('');
    await kms.close();
  });

  describe('Show Usage', () => {
    it('lists reads and writes newest first: action, who, when, source, user agent, error code; never a value', async () => {
      await readAsTester('usage/app/db');
      await showUsage('usage/app/db');
      const list = events();
      assert.deepEqual(
        list.map((r) => r.label),
        ['GetSecretValue', 'GetSecretValue', 'GetSecretValue', 'PutSecretValue'],
        'the test read, the app read, the failed attempt and the write, newest first',
      );
      const [mine, appRead, failed, write] = list;
      assert.match(mine.description, /^usage-tester · /);
      assert.match(mine.tooltip, /User agent: .*usage-test-agent\/1\.0/);
      assert.match(mine.tooltip, /127\.0\.0\.1/);
      assert.match(appRead.description, /^orders-app-role:orders-7f9c · 2 hours ago$/);
      assert.match(appRead.tooltip, /role session/);
      assert.match(appRead.tooltip, /STS\.usag…ss01/, 'the AccessKey ID is shortened');
      assert.ok(!appRead.tooltip.includes('STS.usageOrdersSess01'), 'never the full AccessKey ID');
      assert.match(appRead.tooltip, /10\.0\.12\.7/);
      assert.match(failed.description, /^intern-bob · 3 days ago · Forbidden\.NoPermission$/);
      assert.equal((failed.item.iconPath as vscode.ThemeIcon).id, 'error');
      assert.match(String(failed.item.accessibilityInformation?.label), /failed with Forbidden\.NoPermission/);
      assert.equal((write.item.iconPath as vscode.ThemeIcon).id, 'edit');
      assert.equal(status(), undefined, 'no error or empty row');
      assert.ok(!rows().some((r) => r.node.kind === 'more'), 'everything fits one page: no Load more');
      for (const r of rows()) assert.ok(!JSON.stringify([r.label, r.description, r.tooltip]).includes(CANARY));
    });

    it('pages with Load more, each page newest first and nothing repeated, and Refresh starts over', async () => {
      const before = lookups();
      await showUsage('usage/busy/key');
      assert.equal(events().length, 50, 'one page of 50');
      assert.ok(
        rows().some((r) => r.node.kind === 'more'),
        'a Load more row',
      );
      await vscode.commands.executeCommand('kmsSecrets.usage.loadMore');
      await a.usage.tree.settled;
      assert.equal(events().length, 100);
      await vscode.commands.executeCommand('kmsSecrets.usage.loadMore');
      await a.usage.tree.settled;
      const all = events();
      assert.equal(all.length, BUSY_EVENTS, 'every event once');
      const ids = all.map((r) => r.item.id);
      assert.equal(new Set(ids).size, ids.length, 'no event twice');
      assert.ok(!rows().some((r) => r.node.kind === 'more'), 'no Load more at the end');
      assert.ok(lookups() - before >= 3, 'the pages came from LookupEvents');
      await vscode.commands.executeCommand('kmsSecrets.usage.refresh');
      await a.usage.tree.settled;
      assert.equal(events().length, 50, 'Refresh: the first page again');
    });

    it('says so when nobody read or changed a secret in the window', async () => {
      await showUsage('usage/new/empty');
      assert.equal(events().length, 0);
      assert.equal(status()?.node.kind, 'status');
      assert.match(status()!.label, /^Nobody read or changed usage\/new\/empty in the last 7 days\.$/);
    });

    it('looks back as far as the days setting says (1–90)', async () => {
      await showUsage('usage/legacy/ftp');
      assert.equal(events().length, 0, 'the read 60 days ago is outside 7 days');
      const days = await vscode.commands.executeCommand('kmsSecrets.usage.setDays', scripted({ days: 90 }));
      assert.equal(days, 90);
      assert.equal(config().get('usage.days'), 90);
      await waitFor('the view to follow the setting', async () => {
        await a.usage.tree.settled;
        return events().length === 1 ? true : undefined;
      });
      assert.match(events()[0].description, /^alice · /);
      await vscode.commands.executeCommand('kmsSecrets.usage.setDays', scripted({ days: 7 }));
    });

    it('stops a slow search and continues it without skipping anything', async () => {
      await a.usage.tree.settled;
      kms.setFaults({ latencyMs: 1500 });
      try {
        const node = await secretNode('usage/app/token');
        const shown = vscode.commands.executeCommand('kmsSecrets.showUsage', node);
        await waitFor('the search to run', () =>
          a.usage.tree.subject?.name === 'usage/app/token' && /^Searching ActionTrail…/.test(status()?.label ?? '')
            ? true
            : undefined,
        );
        await vscode.commands.executeCommand('kmsSecrets.usage.stop');
        await shown;
        await a.usage.tree.settled;
        assert.match(status()!.label, /^Stopped\. Select to continue\.$/);
        assert.equal(status()!.item.command?.command, 'kmsSecrets.usage.loadMore');
      } finally {
        kms.setFaults({ latencyMs: 0 });
      }
      await vscode.commands.executeCommand('kmsSecrets.usage.loadMore');
      await a.usage.tree.settled;
      assert.deepEqual(
        events().map((r) => r.description.split(' · ')[0]),
        ['alice'],
        'the one read of usage/app/token',
      );
    });
  });

  describe('unused marks', () => {
    const decoration = (name: string) =>
      a.usage.marks.provideFileDecoration(
        vscode.Uri.from({ scheme: 'kms-secret', authority: 'cn-hangzhou', path: `/${name}` }),
      );

    it('marks the secrets nobody read in the window, from one query stream for the region', async () => {
      const node = await secretNode('usage/app/db');
      const uri = a.explorer.tree.getTreeItem(node).resourceUri;
      assert.equal(uri?.toString(), 'kms-secret://cn-hangzhou/usage/app/db', 'secret rows carry the resource URI');
      assert.equal(decoration('usage/legacy/ftp'), undefined, 'no marks while they are off');

      const before = answeredLookups();
      const summaries = await vscode.commands.executeCommand<UnusedSummary[]>('kmsSecrets.usage.markUnused');
      assert.equal(config().get('usage.markUnused'), true);
      assert.equal(summaries.length, 1);
      assert.deepEqual([...summaries[0].unused].sort(), ['usage/legacy/ftp', 'usage/new/empty']);
      assert.equal(summaries[0].total, 5);
      const calls = answeredLookups() - before;
      assert.ok(calls >= 1 && calls <= 4, `one stream of GetSecretValue pages, not one query per secret (${calls})`);

      assert.equal(decoration('usage/legacy/ftp')?.badge, '0');
      assert.match(String(decoration('usage/new/empty')?.tooltip), /Not read in the last 7 days/);
      assert.equal(decoration('usage/app/db'), undefined);
      assert.equal(decoration('usage/busy/key'), undefined);

      const again = lookups();
      await vscode.commands.executeCommand('kmsSecrets.usage.markUnused');
      assert.equal(lookups(), again, 'the answer is cached');

      await vscode.commands.executeCommand('kmsSecrets.refresh');
      assert.equal(decoration('usage/legacy/ftp'), undefined, 'Refresh forgets the answer…');
      await waitFor('the scan Refresh started', () => decoration('usage/legacy/ftp'));
      assert.ok(lookups() > again, '…and asks ActionTrail again');

      await vscode.commands.executeCommand('kmsSecrets.usage.unmarkUnused');
      assert.equal(config().get('usage.markUnused'), false);
      assert.equal(decoration('usage/legacy/ftp'), undefined, 'the marks go');
    });
  });

  describe('reference hover', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-usage-'));
    });
    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    });

    let files = 0;
    async function hoverText(line: string): Promise<string> {
      // A new file each time: an open document would keep its old text.
      const file = path.join(dir, `usage-${++files}.env`);
      fs.writeFileSync(file, `${line}\n`);
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        new vscode.Position(0, line.indexOf('kms://') + 8),
      );
      const text = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n');
      return unescapeMarkdown(text);
    }

    it('adds the last read when usage is already known, and never asks ActionTrail for it', async () => {
      await vscode.commands.executeCommand('kmsSecrets.refresh'); // forgets every cached answer
      const before = lookups();
      const unknown = await hoverText('DB=kms://usage/app/token');
      assert.match(unknown, /usage\/app\/token/, 'the hover itself is there');
      assert.ok(!unknown.includes('ActionTrail'), `no usage line without cached usage: ${unknown}`);
      assert.equal(lookups(), before, 'the hover sent no LookupEvents');

      await showUsage('usage/app/token');
      const known = await hoverText('DB=kms://usage/app/token');
      assert.match(known, /ActionTrail: last read yesterday by alice \(RAM user\)\./);
      assert.ok(!known.includes(CANARY));

      // Show Usage also takes a secret the extension's own code names (not only a tree row).
      await vscode.commands.executeCommand('kmsSecrets.showUsage', secretTarget({ name: 'usage/new/empty' }));
      await a.usage.tree.settled;
      assert.equal(a.usage.tree.subject?.name, 'usage/new/empty');
      assert.match(await hoverText('X=kms://usage/new/empty'), /ActionTrail: not read in the last 7 days\./);
    });
  });

  describe('errors', () => {
    afterEach(async () => {
      await setUser('usage.trailEndpoint', kms.url);
    });

    it('names the permission and the policy when RAM denies LookupEvents, and tries again on selection', async () => {
      await signInWithKeys('usage-denied', DENIED);
      try {
        await showUsage('usage/app/db');
        const row = status();
        assert.ok(row, 'an error row');
        assert.match(row.label, /actiontrail:LookupEvents/);
        assert.match(row.label, /AliyunActionTrailReadOnlyAccess/);
        assert.equal((row.item.iconPath as vscode.ThemeIcon).id, 'error');
        assert.equal(row.item.command?.command, 'kmsSecrets.usage.loadMore', 'selecting the row tries again');
        assert.equal(events().length, 0);
      } finally {
        await signInWithKeys();
      }
    });

    it('says that reads through a KMS instance endpoint are in SLS, before sending anything', async () => {
      await setUser('usage.trailEndpoint', 'https://kst-hzz6123abc.cryptoservice.kms.aliyuncs.com');
      const before = lookups();
      await showUsage('usage/app/db');
      assert.match(status()!.label, /Simple Log Service \(SLS\), not in ActionTrail/);
      assert.equal(lookups(), before);
    });

    it('backs off while ActionTrail throttles, stops during the backoff, and then says so in one sentence', async function () {
      this.timeout(120_000);
      // An ActionTrail whose one lookup per second never frees up: every call after the first is throttled.
      const few = seed();
      few.events = few.events?.filter((e) => e.requestParameters?.SecretName === 'usage/app/token');
      const throttled = await startEmulator({
        port: 0,
        credentials: [ACCESS_KEY],
        seed: few,
        trail: { lookupsPerSecond: 1, clock: () => 0 },
      });
      try {
        await setUser('usage.trailEndpoint', throttled.url);
        await showUsage('usage/app/token'); // takes the one slot
        assert.equal(events().length, 1);
        const node = await secretNode('usage/app/db');
        const shown = vscode.commands.executeCommand('kmsSecrets.showUsage', node);
        // The warm-up's call, the first throttled one, and a retry after the backoff.
        await waitFor('a retry after throttling', () => (lookups(throttled) >= 3 ? true : undefined));
        await vscode.commands.executeCommand('kmsSecrets.usage.stop');
        await shown;
        await a.usage.tree.settled;
        assert.match(status()!.label, /^Stopped/, 'stopping does not wait for the backoff');
        await vscode.commands.executeCommand('kmsSecrets.usage.loadMore');
        await a.usage.tree.settled;
        assert.match(status()!.label, /^ActionTrail allows two lookups per second and is throttling requests\./);
        assert.ok(lookups(throttled) >= 4, 'it tried again before giving up');
      } finally {
        await throttled.close();
      }
    });

    it('keeps every value out of the log', async () => {
      await sleep(200);
      const log = await logText(a);
      assert.match(log, /Secret usage from ActionTrail in cn-hangzhou/);
      assert.ok(!log.includes(CANARY), 'no value in the log');
      assert.ok(!log.includes(ACCESS_KEY.accessKeySecret), 'no key secret in the log');
    });
  });
});
