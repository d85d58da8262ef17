import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SeedFile } from '../../../src/emulator/server';
import { scripted } from '../../../src/platform/automation';
import { logText, sleep, useEmulator, waitFor } from '../fixtures';
import {
  completionText,
  denyingProxy,
  labelOf,
  markdownText,
  referenceDiagnostics,
  useTempFolder,
} from '../references/helpers';

/** A value that must never show in a hover, a completion item, a diagnostic or the log. */
const CANARY = 'CANARY-manifests-7c2e91d4-never-shown';

const seed: SeedFile = {
  secrets: [
    {
      name: 'ack/app/db',
      description: 'Database login of the manifests test app',
      versions: [
        { versionId: 'v1', value: { username: 'old_user', password: `${CANARY}-old` }, stages: ['ACSPrevious'] },
        { versionId: 'v2', value: { username: 'app_user', password: CANARY }, stages: ['ACSCurrent'] },
      ],
    },
    { name: 'ack/app/token', versions: [{ versionId: 't1', value: `${CANARY}-token`, stages: ['ACSCurrent'] }] },
    {
      name: 'ack/yaml/config',
      description: 'A YAML value (jmesPath reads YAML mappings too)',
      versions: [{ versionId: 'y1', value: `host: db.internal\npassword: ${CANARY}-yaml\n`, stages: ['ACSCurrent'] }],
    },
    {
      name: 'ack/legacy/old',
      pendingDeletion: { recoveryWindowInDays: 7 },
      versions: [{ versionId: 'o1', value: `${CANARY}-legacy`, stages: ['ACSCurrent'] }],
    },
    { name: 'ack/forbidden/x', versions: [{ versionId: 'f1', value: `${CANARY}-denied`, stages: ['ACSCurrent'] }] },
  ],
};

/** Every kind of entry: good ones, one broken entry per problem, an `oos` manifest and one that breaks the CRD. */
const BROKEN = `apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata:
  name: app
spec:
  data:
    - key: ack/app/token
      name: token
      versionStage: ACSCurrent
    - key: ack/nope
      name: nope
    - key: ack/legacy/old
      name: old
    - key: ack/app/db
      name: by-stage
      versionStage: Nope
    - key: ack/app/db
      name: by-version
      versionId: v9
    - key: ack/app/db
      name: db
      jmesPath:
        - path: password
          objectAlias: password
        - path: nokey
          objectAlias: nokey
    - key: ack/app/token
      name: token-json
      jmesPath:
        - path: x
          objectAlias: x
    - key: ack/forbidden/x
      name: denied
    - key: "bad*name"
      name: bad
    - key: ack/yaml/config
      jmesPath:
        - path: host
          objectAlias: host
    - key: ack/\${ENV}/db
      name: templated
---
apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata:
  name: from-oos
spec:
  provider: oos
  data:
    - key: not/a/kms/secret
---
apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata:
  name: bad-shape
spec:
  data:
    - name: no-key
`;

/** The line (0-based) holding `needle`, and the position `at` characters into it (default: at its end). */
function find(document: vscode.TextDocument, needle: string, at = needle.length): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `the text holds ${needle}`);
  return document.positionAt(offset + at);
}

async function complete(
  document: vscode.TextDocument,
  position: vscode.Position,
  trigger?: string,
): Promise<vscode.CompletionList> {
  return vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
    trigger,
  );
}

async function hover(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    position,
  );
  return markdownText(hovers);
}

async function fixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
}

describe('ExternalSecret manifests as references (against the emulator)', function () {
  this.timeout(60_000);
  const fx = useEmulator({ seed, through: (url) => denyingProxy(url, 'ack/forbidden/') });
  const files = useTempFolder('kms-manifests-');

  before(async () => {
    await vscode.workspace
      .getConfiguration('kmsSecrets')
      .update('references.diagnostics.debounceMs', 50, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('kmsSecrets')
      .update('references.diagnostics.debounceMs', undefined, vscode.ConfigurationTarget.Global);
  });

  describe('diagnostics', () => {
    let document: vscode.TextDocument;
    const expected: [string, string][] = [
      ['key: ack/nope', 'unknown-secret'],
      ['key: ack/legacy/old', 'pending-deletion'],
      ['versionStage: Nope', 'unknown-stage'],
      ['versionId: v9', 'unknown-version'],
      ['path: nokey', 'json-key-absent'],
      ['path: x', 'not-json'],
      ['key: ack/forbidden/x', 'no-permission'],
      ['key: "bad*name"', 'reference-syntax'],
      ['- name: no-key', 'reference-syntax'],
    ];

    it('flags every kind of broken entry on the field it is about, and nothing else', async () => {
      document = (await files.open('broken.yaml', BROKEN)).document;
      const diagnostics = await waitFor('the manifest diagnostics', () => {
        const found = referenceDiagnostics(document.uri);
        return found.length >= expected.length ? found : undefined;
      });
      const byLine = new Map(diagnostics.map((d) => [d.range.start.line, d]));
      for (const [needle, code] of expected) {
        const line = find(document, needle).line;
        assert.equal(byLine.get(line)?.code, code, `${needle} is flagged ${code}`);
      }
      assert.equal(diagnostics.length, expected.length, diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
      // Each problem covers its field's value exactly (what the quick fixes replace).
      const stage = byLine.get(find(document, 'versionStage: Nope').line)!;
      assert.equal(document.getText(stage.range), 'Nope');
      const key = byLine.get(find(document, 'key: ack/nope').line)!;
      assert.equal(document.getText(key.range), 'ack/nope');
      assert.equal(
        byLine.get(find(document, 'key: ack/forbidden/x').line)?.severity,
        vscode.DiagnosticSeverity.Warning,
      );
      assert.match(byLine.get(find(document, 'path: nokey').line)!.message, /'username', 'password'/);
      for (const d of diagnostics) assert.ok(!d.message.includes(CANARY), 'no value in a diagnostic');
    });

    it('quick-fixes an unknown stage, version and JSON key on their own field', async () => {
      const uri = document.uri;
      const at = (needle: string, value: string) => {
        const start = find(document, needle, needle.length - value.length);
        return new vscode.Range(start, start.translate(0, value.length));
      };
      const apply = async (range: vscode.Range, title: string) => {
        const actions = await fixes(uri, range);
        const fix = actions.find((a) => a.title === title);
        assert.ok(fix?.edit, `${title} is offered (got ${actions.map((a) => a.title).join(', ')})`);
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
      };
      await apply(at('versionStage: Nope', 'Nope'), 'Use the current version (ACSCurrent)');
      await apply(at('versionId: v9', 'v9'), "Use version 'v2'");
      await apply(at('path: nokey', 'nokey'), "Use JSON key 'username'");
      const text = document.getText();
      assert.ok(text.includes('      name: by-stage\n      versionStage: ACSCurrent\n'), text);
      assert.ok(text.includes('      name: by-version\n      versionId: v2\n'), text);
      assert.ok(text.includes('        - path: username\n          objectAlias: nokey\n'), text);
      await waitFor('the fixed fields to be clean', () => {
        const codes = referenceDiagnostics(uri).map((d) => d.code);
        return ['unknown-stage', 'unknown-version', 'json-key-absent'].some((c) => codes.includes(c))
          ? undefined
          : true;
      });
    });

    it('offers to create an unknown secret, and to pick another secret for an entry key (its name only)', async () => {
      const uri = document.uri;
      const start = find(document, 'key: ack/nope', 'key: '.length);
      const range = new vscode.Range(start, start.translate(0, 'ack/nope'.length));
      const actions = await fixes(uri, range);
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes("Create secret 'ack/nope' in KMS…"), titles.join(', '));
      const pick = actions.find((a) => a.title === 'Pick another secret…');
      assert.ok(pick?.command, titles.join(', '));
      await vscode.commands.executeCommand(
        pick.command.command,
        ...(pick.command.arguments ?? []),
        scripted({ name: 'ack/app/token' }),
      );
      assert.equal(document.lineAt(start.line).text, '    - key: ack/app/token');
      await waitFor('the replaced key to be clean', () =>
        referenceDiagnostics(uri).some((d) => d.range.start.line === start.line) ? undefined : true,
      );
    });

    it('offers no reference fix on a CRD issue', async () => {
      const start = find(document, '- name: no-key', 2);
      const diagnostic = referenceDiagnostics(document.uri).find((d) => d.range.contains(start));
      assert.ok(diagnostic, 'the CRD issue is flagged');
      assert.match(diagnostic.message, /key is required/);
      const titles = (await fixes(document.uri, diagnostic.range)).map((a) => a.title);
      assert.ok(!titles.some((t) => /secret|^Use /.test(t)), `no reference fix (got ${titles.join(', ')})`);
    });
  });

  describe('completion', () => {
    const manifest = `apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata:
  name: completing
spec:
  data:
    - key: 
    - key: "ack/ap"
    - key: ack/app/db
      versionStage: 
      versionId: 
      jmesPath:
        - path: 
          objectAlias: a
    - key: ack/yaml/config
      jmesPath:
        - path: ''
          objectAlias: b
`;
    let document: vscode.TextDocument;
    before(async () => {
      document = (await files.open('completing.yaml', manifest)).document;
    });

    it('offers secret names in an empty key, and writes them as YAML in the quotes the user chose', async () => {
      // Typing the space after `key:` is enough (quick suggestions are off in YAML strings).
      const empty = await complete(document, find(document, '- key: '), ' ');
      const names = empty.items.map(labelOf);
      for (const name of ['ack/app/db', 'ack/app/token', 'ack/yaml/config'])
        assert.ok(names.includes(name), `${name} offered (got ${names.join(', ')})`);
      const db = empty.items.find((i) => labelOf(i) === 'ack/app/db')!;
      assert.equal(db.insertText, 'ack/app/db');
      assert.match(String(db.detail), /Generic/);

      const quoted = await complete(document, find(document, '- key: "ack/ap'));
      const item = quoted.items.find((i) => labelOf(i) === 'ack/app/db');
      assert.ok(item, 'names offered inside quotes');
      assert.equal(item.insertText, '"ack/app/db"', 'the quotes stay');
      const range = item.range as vscode.Range;
      assert.equal(document.getText(range), '"ack/ap"', 'the whole value, quotes included, is replaced');
      assert.ok(!completionText(empty).includes(CANARY) && !completionText(quoted).includes(CANARY));
    });

    it('offers the stages and versions of the entry key', async () => {
      const stages = (await complete(document, find(document, 'versionStage: '))).items.map(labelOf);
      assert.ok(stages.includes('ACSCurrent') && stages.includes('ACSPrevious'), stages.join(', '));
      const versions = (await complete(document, find(document, 'versionId: '))).items.map(labelOf);
      assert.ok(versions.includes('v1') && versions.includes('v2'), versions.join(', '));
    });

    it('offers the key names of a JSON value in jmesPath paths, never those of a YAML value (they may be pieces of it)', async () => {
      const json = await complete(document, find(document, '- path: '));
      const keys = json.items.map(labelOf);
      assert.ok(keys.includes('username') && keys.includes('password'), keys.join(', '));
      const yaml = await complete(document, find(document, "- path: '", "- path: '".length));
      // Only this extension's key items: VS Code may add the document's words (kind Text), "password" among them.
      const yamlKeys = yaml.items.filter((i) => i.kind === vscode.CompletionItemKind.Field).map(labelOf);
      assert.ok(!yamlKeys.includes('host') && !yamlKeys.includes('password'), yamlKeys.join(', '));
      for (const list of [json, yaml]) {
        const text = completionText(list);
        assert.ok(!text.includes(CANARY) && !text.includes('app_user') && !text.includes('db.internal'), text);
      }
    });
  });

  describe('hover, links and reveal', () => {
    const manifest = `apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata:
  name: hovering
spec:
  data:
    - key: ack/app/db
      versionStage: ACSPrevious
      jmesPath:
        - path: password
          objectAlias: password
    - key: ack/app/token
      name: token
---
apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata:
  name: not-kms
spec:
  provider: oos
  data:
    - key: ack/app/db
`;
    let document: vscode.TextDocument;
    before(async () => {
      document = (await files.open('hovering.yaml', manifest)).document;
    });

    it('shows the metadata of the secret on key, versionStage and jmesPath path, one link to the explorer, never the value', async () => {
      for (const needle of ['- key: ack/app/d', 'versionStage: ACSPrev', '- path: passw']) {
        const text = await hover(document, find(document, needle));
        assert.match(text, /ack\/app\/db/, needle);
        assert.match(text, /Database login of the manifests test app/);
        assert.match(text, /v1 \(ACSPrevious\)/);
        assert.match(text, /Reads stage ACSPrevious/);
        assert.match(text, /JSON key 'password'/);
        // The key is a document link to the explorer (listed under the hover); the other fields carry the link.
        if (needle.startsWith('- key')) assert.doesNotMatch(text, /command:kmsSecrets\.revealInExplorer/, needle);
        else assert.match(text, /command:kmsSecrets\.revealInExplorer/, needle);
        assert.ok(!text.includes(CANARY) && !text.includes('app_user'), 'the hover holds no value');
      }
      assert.equal(await hover(document, find(document, 'objectAlias: passw')), '', 'objectAlias names no secret');
      const oos = document.getText().lastIndexOf('- key: ack/app/db') + '- key: ack/a'.length;
      assert.equal(await hover(document, document.positionAt(oos)), '', 'an oos manifest names no KMS secret');
    });

    it('links each entry key to the secret in the explorer, and reveals the one under the cursor', async () => {
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>(
        'vscode.executeLinkProvider',
        document.uri,
      );
      const ours = links.filter((l) => l.target?.scheme === 'command');
      assert.deepEqual(
        ours.map((l) => document.getText(l.range)),
        ['ack/app/db', 'ack/app/token'],
      );
      const [target] = JSON.parse(decodeURIComponent(ours[1].target!.query)) as unknown[];
      const linked = await vscode.commands.executeCommand<{ name: string }>('kmsSecrets.revealInExplorer', target);
      assert.equal(linked?.name, 'ack/app/token');

      const editor = await vscode.window.showTextDocument(document);
      const cursor = find(document, 'versionStage: ACS');
      editor.selection = new vscode.Selection(cursor, cursor);
      const revealed = await vscode.commands.executeCommand<{ name: string }>('kmsSecrets.revealInExplorer');
      assert.equal(revealed?.name, 'ack/app/db');
      await vscode.commands.executeCommand('kmsSecrets.clearFilter');
    });
  });

  describe('log', () => {
    it('never holds a value read by the checks, completion or hover', async () => {
      assert.ok(!(await logText(fx.api)).includes(CANARY), 'no value in the log');
    });
  });
});

describe('ExternalSecret manifests in Restricted Mode', function () {
  this.timeout(60_000);
  before(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });
  const fx = useEmulator({ seed });
  const files = useTempFolder('kms-manifests-restricted-');

  it('checks names, stages and versions, but reads no value to check or complete a jmesPath key', async () => {
    const reads = () => fx.kms.stats().byAction.GetSecretValue ?? 0;
    const before = reads();
    const { document } = await files.open(
      'restricted.yaml',
      `apiVersion: alibabacloud.com/v1alpha1
kind: ExternalSecret
metadata:
  name: restricted
spec:
  data:
    - key: ack/nope
    - key: ack/app/db
      versionStage: Nope
    - key: ack/app/db
      jmesPath:
        - path: nokey
          objectAlias: nokey
`,
    );
    await waitFor('the metadata checks', () => (referenceDiagnostics(document.uri).length >= 2 ? true : undefined));
    await sleep(1_000);
    assert.deepEqual(
      referenceDiagnostics(document.uri).map((d) => d.code),
      ['unknown-secret', 'unknown-stage'],
      'the JSON key is not checked without trust',
    );
    const keys = (await complete(document, find(document, '- path: '))).items.map(labelOf);
    assert.ok(!keys.includes('username') && !keys.includes('password'), keys.join(', '));
    assert.equal(reads(), before, 'no GetSecretValue');
  });
});
