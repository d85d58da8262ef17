import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseAllDocuments } from 'yaml';
import { findExternalSecrets } from '../../../src/core/externalSecret';
import { scripted } from '../../../src/platform/automation';
import type { FindingArgs } from '../../../src/scanner/codeActions';
import type { ExternalSecretMoveResult } from '../../../src/scanner/moveToExternalSecret';
import { logText, sleep, useEmulator, waitFor } from '../fixtures';
import { markdownText, referenceDiagnostics, useTempFolder } from '../references/helpers';

// Hard-coded values as a manifest would hold them; canaries, so a leak into the file, a message or the log is caught.
const PASSWORD = 'CanaryK8sPw-' + '7f3a9c1e';
const TOKEN = 'CanaryK8sTok-' + '2b8d4e6f';
const b64 = (s: string) => Buffer.from(s).toString('base64');

const DEPLOYMENT = `# The app
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1   # keep this comment
`;
const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  LOG_LEVEL: debug
`;
const secretDocument = (name: string) => `apiVersion: v1
kind: Secret
metadata:
  name: ${name}
  namespace: prod
  labels:
    app: web
type: Opaque
data:
  password: ${b64(PASSWORD)}
stringData:
  api-token: ${TOKEN}
`;
/** Three documents; only the middle one (the Secret) may change. */
const manifestFile = (name: string) => `${DEPLOYMENT}---\n${secretDocument(name)}---\n${CONFIG_MAP}`;

async function scannerDiagnostics(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
  return waitFor(`${count} scanner findings`, () => {
    const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'KMS Secrets');
    return found.length >= count ? found : undefined;
  });
}

/** The quick fixes the scanner offers on the finding of the Secret's `password`. */
async function passwordFixes(document: vscode.TextDocument): Promise<vscode.CodeAction[]> {
  const diagnostics = await scannerDiagnostics(document.uri, 2);
  const password = diagnostics.find((d) => document.getText(d.range) === b64(PASSWORD));
  assert.ok(password, 'the base64 password is flagged');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    password.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((a) => a.command?.command.startsWith('kmsSecrets.'));
}

/** The "Move Secret to KMS as ExternalSecret" quick fix on the password. */
async function moveCommand(document: vscode.TextDocument): Promise<vscode.Command> {
  const move = (await passwordFixes(document)).find((a) => a.command?.command === 'kmsSecrets.moveToExternalSecret');
  assert.ok(move?.command, 'Move Secret to KMS as ExternalSecret is offered');
  return move.command;
}

/** Runs the quick fix without waiting, so the test can answer the boxes it opens. */
function startMove(command: vscode.Command, answers: object) {
  let settled = false;
  const result = Promise.resolve(
    vscode.commands.executeCommand<ExternalSecretMoveResult | undefined>(
      command.command,
      command.arguments![0] as FindingArgs,
      scripted(answers),
    ),
  ).finally(() => (settled = true));
  return { result, settled: () => settled };
}

async function moveSecret(document: vscode.TextDocument, answers: object): Promise<ExternalSecretMoveResult> {
  const result = await startMove(await moveCommand(document), answers).result;
  assert.ok(result, 'the command ran to its end');
  return result;
}

/** The rewritten file: the first and last documents byte for byte, the middle one a valid ExternalSecret. */
function assertRewritten(text: string): Record<string, unknown> {
  assert.ok(text.startsWith(`${DEPLOYMENT}---\n`), 'the document before the Secret is unchanged');
  assert.ok(text.endsWith(`\n---\n${CONFIG_MAP}`), 'the document after the Secret is unchanged');
  const manifests = findExternalSecrets(text);
  assert.equal(manifests.length, 1);
  assert.deepEqual(manifests[0].issues, [], 'valid against the CRD schema');
  for (const value of [PASSWORD, TOKEN, b64(PASSWORD)]) assert.ok(!text.includes(value), 'no value stays in the file');
  const documents = parseAllDocuments(text).map((d) => d.toJS() as Record<string, unknown>);
  assert.equal(documents.length, 3);
  return documents[1];
}

describe('Move Secret to KMS as ExternalSecret (against the emulator)', function () {
  this.timeout(60_000);
  const fx = useEmulator({
    seed: {
      secrets: [
        'ack/taken',
        'prod/web',
        'prod/pair/password',
        // Every name the box could propose for the vault's password is taken: it proposes the first and flags it.
        ...['', '-2', '-3', '-4', '-5'].map((suffix) => `prod/vault/password${suffix}`),
      ].map((name) => ({
        name,
        versions: [{ versionId: 'v1', value: 'already', stages: ['ACSCurrent'] }],
      })),
    },
  });
  const files = useTempFolder('kms-move-secret-');

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

  it('is the preferred fix on a value of a kind: Secret', async () => {
    const { document } = await files.open('offers.yaml', manifestFile('offers'));
    const titles = (await passwordFixes(document)).map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);
    assert.ok(titles.includes('Move Secret to KMS as ExternalSecret… (preferred)'), titles.join(' | '));
    assert.ok(titles.includes('Move value in a Kubernetes Secret to KMS secret…'), titles.join(' | '));
  });

  it('one JSON secret: creates it, rewrites only the Secret as an ExternalSecret that resolves, and one undo restores it', async () => {
    const original = manifestFile('db');
    const editor = await files.open('db.yaml', original);
    const { document } = editor;
    const result = await moveSecret(document, { layout: { kind: 'json', secretName: 'prod/db' } });
    assert.deepEqual(result, { created: ['prod/db'], rewritten: true });

    const stored = fx.kms.store.find('prod/db');
    assert.deepEqual(JSON.parse(stored!.versions[0].data), { password: PASSWORD, 'api-token': TOKEN });
    const externalSecret = assertRewritten(document.getText());
    assert.deepEqual(externalSecret, {
      apiVersion: 'alibabacloud.com/v1alpha1',
      kind: 'ExternalSecret',
      metadata: { name: 'db', namespace: 'prod', labels: { app: 'web' } },
      spec: {
        provider: 'kms',
        type: 'Opaque',
        data: [
          {
            key: 'prod/db',
            versionStage: 'ACSCurrent',
            jmesPath: [
              { path: 'password', objectAlias: 'password' },
              { path: '"api-token"', objectAlias: 'api-token' },
            ],
          },
        ],
      },
    });

    // The new manifest is a reference like any other: its secret resolves, with both JSON keys.
    const hover = markdownText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        document.positionAt(document.getText().indexOf('key: prod/db') + 'key: pr'.length),
      ),
    );
    assert.match(hover, /Moved from .*db\.yaml/);
    await sleep(1_000);
    assert.deepEqual(
      referenceDiagnostics(document.uri).map((d) => d.message),
      [],
    );
    await waitFor('the scanner findings to go', () =>
      vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'KMS Secrets') ? undefined : true,
    );

    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'one undo brings the Secret back');
  });

  it('one secret per key: creates each and names each in its own entry', async () => {
    const { document } = await files.open('queue.yaml', manifestFile('queue'));
    const secretNames = { password: 'prod/queue/password', 'api-token': 'prod/queue/api-token' };
    const result = await moveSecret(document, { layout: { kind: 'perKey', secretNames } });
    assert.deepEqual(result, { created: ['prod/queue/password', 'prod/queue/api-token'], rewritten: true });
    assert.equal(fx.kms.store.find('prod/queue/password')?.versions[0].data, PASSWORD);
    assert.equal(fx.kms.store.find('prod/queue/api-token')?.versions[0].data, TOKEN);
    const externalSecret = assertRewritten(document.getText()) as { spec: { data: unknown[] } };
    assert.deepEqual(externalSecret.spec.data, [
      { key: 'prod/queue/password', name: 'password', versionStage: 'ACSCurrent' },
      { key: 'prod/queue/api-token', name: 'api-token', versionStage: 'ACSCurrent' },
    ]);
  });

  it('asks for the layout and proposes a free name when the obvious one is taken', async () => {
    const { document } = await files.open('web.yaml', manifestFile('web'));
    const move = (await passwordFixes(document)).find((a) => a.command?.command === 'kmsSecrets.moveToExternalSecret');
    assert.ok(move?.command);
    let settled = false;
    const running = Promise.resolve(
      vscode.commands.executeCommand<ExternalSecretMoveResult | undefined>(
        move.command.command,
        ...(move.command.arguments ?? []),
      ),
    ).finally(() => (settled = true));
    // Accepts what is proposed, prompt after prompt: the first layout (one JSON secret), then the name as filled in.
    for (let i = 0; i < 40 && !settled; i++) {
      await sleep(250);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    assert.deepEqual(await running, { created: ['prod/web-2'], rewritten: true }, 'prod/web is taken: prod/web-2');
    assert.equal(findExternalSecrets(document.getText())[0].entries[0].key?.value, 'prod/web-2');
  });

  it('one secret per key: each box proposes a name free in KMS and not chosen for another key', async () => {
    // The key "password-2" would be proposed prod/pair/password-2, which the key "password" took (prod/pair/password
    // exists): its box proposes prod/pair/password-2-2.
    const text = secretDocument('pair').replace(`api-token: ${TOKEN}`, `password-2: ${TOKEN}`);
    const { document } = await files.open('pair.yaml', text);
    const run = startMove(await moveCommand(document), { layout: 'perKey' });
    // Accepts what each box proposes.
    for (let i = 0; i < 40 && !run.settled(); i++) {
      await sleep(250);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const accepted = run.settled();
    if (!accepted) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(accepted, 'every proposed name was accepted');
    assert.deepEqual(await run.result, {
      created: ['prod/pair/password-2', 'prod/pair/password-2-2'],
      rewritten: true,
    });
    assert.equal(fx.kms.store.find('prod/pair/password-2')?.versions[0].data, PASSWORD);
    assert.equal(fx.kms.store.find('prod/pair/password-2-2')?.versions[0].data, TOKEN);
  });

  it('one secret per key: a name KMS holds is flagged in the box, and Enter does not accept it', async () => {
    const original = manifestFile('vault');
    const { document } = await files.open('vault.yaml', original);
    const run = startMove(await moveCommand(document), { layout: 'perKey' });
    // The box opens with prod/vault/password (taken, as are -2 to -5); Enter keeps being refused.
    for (let i = 0; i < 16 && !run.settled(); i++) {
      await sleep(250);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    assert.equal(run.settled(), false, 'the box is still open: the taken name was not accepted');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await run.result, undefined, 'closing the box cancels the move');
    assert.equal(
      fx.kms.store.find('prod/vault/password')?.versions[0].data,
      'already',
      'the existing secret is untouched',
    );
    assert.equal(fx.kms.store.find('prod/vault/password-6'), undefined);
    assert.equal(document.getText(), original);
  });

  it('leaves the file untouched when a KMS write fails, and says which secrets were created', async () => {
    const original = manifestFile('cache');
    const { document } = await files.open('cache.yaml', original);
    const secretNames = { password: 'prod/cache/password', 'api-token': 'ack/taken' };
    const result = await moveSecret(document, { layout: { kind: 'perKey', secretNames } });
    assert.deepEqual(result, { created: ['prod/cache/password'], rewritten: false });
    assert.equal(document.getText(), original);
    assert.equal(document.isDirty, false);
    assert.equal(fx.kms.store.find('ack/taken')?.versions[0].data, 'already', 'the existing secret is not touched');
  });

  it('never writes a value to the log', async () => {
    const text = await logText(fx.api);
    for (const value of [PASSWORD, TOKEN]) assert.ok(!text.includes(value), 'no value in the log');
  });
});
