import * as vscode from 'vscode';
import {
  kubernetesSecretAt,
  planExternalSecretRewrite,
  suggestSecretNames,
  type ExternalSecretPlan,
  type KubernetesSecret,
  type RewriteOptions,
  type SecretLayout,
} from '../core/externalSecret';
import { userSentence } from '../core/failure';
import type { KmsClient } from '../core/kms';
import { askNewSecretName, freeSecretName } from '../connection/secretNameBox';
import { scriptedArgs } from '../platform/automation';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import { findingOf, type FindingArgs } from './codeActions';
import { relativePath } from './paths';

/** Scripted answers to the prompts (tests: src/platform/automation.ts). */
export interface ExternalSecretMoveOptions {
  /** The whole answer, or only the layout picked (the name boxes still ask). */
  layout?: SecretLayout | SecretLayout['kind'];
  secretStoreRef?: RewriteOptions['secretStoreRef'];
}

/** What the command did: the KMS secrets it created (also after a failure, so they can be reused) and whether the file changed. */
export interface ExternalSecretMoveResult {
  created: string[];
  rewritten: boolean;
}

/**
 * "Move Secret to KMS as ExternalSecret…": creates the KMS secret(s) holding the Secret's keys (one JSON secret, or one
 * per key, as the user picks), then replaces that YAML document with an ack-secret-manager ExternalSecret naming them,
 * in one edit (one undo). Other documents are untouched. The secrets are created first, so a failed write leaves the
 * file as it was, and the message names the secrets already created.
 */
export async function moveToExternalSecret(
  services: Services,
  finding: unknown,
  extra?: unknown,
): Promise<ExternalSecretMoveResult | undefined> {
  const args = findingOf(finding);
  const options = scriptedArgs<ExternalSecretMoveOptions>(extra) ?? {};
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  if (document.version !== args.version) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The file changed since this finding was reported. Try the quick fix again.'),
    );
    return undefined;
  }
  const text = document.getText();
  const secret = kubernetesSecretAt(text, args.start);
  if (!secret) throw new Error(vscode.l10n.t('There is no Kubernetes Secret with data at this finding.'));
  const client = await services.connections.client();
  const region = services.connections.region;
  const layout =
    typeof options.layout === 'object'
      ? options.layout
      : await askLayout(text, args, secret, { client, region }, options.layout);
  if (!layout) return undefined;
  // Throws one sentence (YAML errors, invalid base64, binary data in a JSON secret, a bad name) before any write.
  const plan = planExternalSecretRewrite(text, args.start, layout, { secretStoreRef: options.secretStoreRef });
  for (const write of plan.writes) services.redactor.register(write.value);

  const path = relativePath(document.uri);
  const created = await createSecrets(services, client, plan, path);
  if (created.length < plan.writes.length) return { created, rewritten: false };

  const names = created.join(', ');
  if (document.version !== args.version) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'The KMS secrets {0} exist now, but the file changed meanwhile and was left as it is. Name them in an ExternalSecret by hand.',
        names,
      ),
    );
    return { created, rewritten: false };
  }
  const edit = new vscode.WorkspaceEdit();
  const range = new vscode.Range(document.positionAt(plan.edit.start), document.positionAt(plan.edit.end));
  edit.replace(document.uri, range, plan.edit.newText);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'The KMS secrets {0} exist, but the file could not be edited. Name them in an ExternalSecret by hand.',
        names,
      ),
    );
    return { created, rewritten: false };
  }
  services.log.info(`Rewrote the Secret ${secretLabel(secret)} in ${path} as an ExternalSecret reading ${names}.`);
  void vscode.window.setStatusBarMessage(
    `$(check) ${vscode.l10n.t('Secret {0} now reads {1} from KMS', secretLabel(secret), names)}`,
    5000,
  );
  return { created, rewritten: true };
}

/** Creates each planned secret in order and stops at the first failure; returns the names created. */
async function createSecrets(
  services: Services,
  client: KmsClient,
  plan: ExternalSecretPlan,
  path: string,
): Promise<string[]> {
  const created: string[] = [];
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating KMS secrets…') },
      async (progress) => {
        for (const write of plan.writes) {
          progress.report({ message: write.secretName });
          await client.createSecret({
            name: write.secretName,
            value: write.value,
            dataType: write.dataType,
            description: vscode.l10n.t(
              'Moved from {0} (Kubernetes Secret keys: {1}) by KMS Secrets',
              path,
              write.keys.join(', '),
            ),
          });
          created.push(write.secretName);
        }
      },
    );
  } catch (error) {
    const failed = plan.writes[created.length]?.secretName ?? '';
    const reason = userSentence(error, vscode.l10n.t('The secret "{0}" could not be created.', failed));
    const sentence = created.length
      ? vscode.l10n.t(
          '{0} The file was not changed; these secrets were created and can be reused: {1}.',
          reason,
          created.join(', '),
        )
      : vscode.l10n.t('{0} The file was not changed.', reason);
    void showError(services.log, sentence, error);
  }
  return created;
}

interface LayoutItem extends vscode.QuickPickItem {
  layout: SecretLayout['kind'];
  /** Why this layout cannot hold the Secret (binary data in JSON, an empty value as its own secret). */
  unavailable?: string;
}

/** Where the new secrets go: names are checked against this region's secrets. */
interface Destination {
  client: KmsClient;
  region: string;
}

/**
 * One JSON secret or one secret per key, then the names: each box proposes a name KMS does not hold (asked for that
 * name only, never by listing the region) and flags a taken one, or one chosen for another key, as the user types.
 */
async function askLayout(
  text: string,
  args: FindingArgs,
  secret: KubernetesSecret,
  destination: Destination,
  scriptedKind?: SecretLayout['kind'],
): Promise<SecretLayout | undefined> {
  const suggested = suggestSecretNames(secret);
  const keys = secret.keys.map((k) => k.key);
  const trial = (layout: SecretLayout) => {
    try {
      planExternalSecretRewrite(text, args.start, layout);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
  const items: LayoutItem[] = [
    {
      layout: 'json',
      label: `$(json) ${vscode.l10n.t('One JSON secret')}`,
      description: suggested.json,
      detail: vscode.l10n.t(
        'Holds the keys {0} as one JSON value; the ExternalSecret reads each with jmesPath.',
        keys.join(', '),
      ),
      unavailable: trial({ kind: 'json', secretName: suggested.json }),
    },
    {
      layout: 'perKey',
      label: `$(files) ${vscode.l10n.t('One secret per key')}`,
      description: Object.values(suggested.perKey).join(', '),
      detail: vscode.l10n.t('Each key becomes its own KMS secret.'),
      unavailable: trial({ kind: 'perKey', secretNames: suggested.perKey }),
    },
  ];
  // A Secret neither layout can hold (YAML errors, an anchor used elsewhere, invalid base64): say why before asking.
  if (items.every((i) => i.unavailable)) throw new Error(items[0].unavailable);
  for (const item of items) {
    if (item.unavailable) item.detail = `$(warning) ${item.unavailable}`;
  }
  const title = vscode.l10n.t('Move Secret {0} to KMS as ExternalSecret', secretLabel(secret));
  const picked = scriptedKind
    ? items.find((i) => i.layout === scriptedKind)
    : await vscode.window.showQuickPick(items, {
        title,
        placeHolder: vscode.l10n.t('How should KMS hold the {0} keys of this Secret?', keys.length),
      });
  if (!picked) return undefined;
  if (picked.unavailable) throw new Error(picked.unavailable);
  if (picked.layout === 'json') {
    const secretName = await askName(destination, {
      title,
      prompt: vscode.l10n.t('Name of the KMS secret holding every key as JSON'),
      suggestion: suggested.json,
    });
    return secretName === undefined ? undefined : { kind: 'json', secretName };
  }
  const secretNames: Record<string, string> = {};
  for (const [i, key] of keys.entries()) {
    const name = await askName(destination, {
      title: vscode.l10n.t('{0} ({1}/{2})', title, i + 1, keys.length),
      prompt: vscode.l10n.t('Name of the KMS secret holding the key "{0}"', key),
      suggestion: suggested.perKey[key],
      chosen: Object.values(secretNames),
    });
    if (name === undefined) return undefined;
    secretNames[key] = name;
  }
  return { kind: 'perKey', secretNames };
}

/** One name box, starting from the first free variant of `suggestion` (skipping names chosen for other keys). */
async function askName(
  { client, region }: Destination,
  box: { title: string; prompt: string; suggestion: string; chosen?: readonly string[] },
): Promise<string | undefined> {
  return askNewSecretName({
    title: box.title,
    prompt: box.prompt,
    value: await freeSecretName(client, box.suggestion, box.chosen),
    region,
    client,
    chosen: box.chosen,
  });
}

function secretLabel(secret: KubernetesSecret): string {
  return [secret.namespace, secret.name].filter(Boolean).join('/') || vscode.l10n.t('Secret');
}
