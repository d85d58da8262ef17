import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import type { SecretMetadata } from '../core/kms/types';
import { SecretNode } from '../explorer/nodes';
import { asSecretTarget } from '../platform/automation';

/** An ECS secret a command acts on, with its metadata (never its value). */
export interface EcsSecret {
  region: string;
  name: string;
  details: SecretMetadata;
}

/** Said when a command meets a secret that is not an ECS secret; the command stops. */
export class NotEcsSecret extends Error {}

/**
 * The command's ECS secret: a row of the Secrets view, a `secretTarget(…)` of the extension's own code, or else one the
 * user picks among the ECS secrets of the active region (listed with KMS's own type filter). Its metadata comes from
 * DescribeSecret (the row's, when the row already has it): the sub-type, instance and CustomData `host`.
 */
export async function chooseEcsSecret(
  arg: unknown,
  connections: ConnectionManager,
  title: string,
): Promise<EcsSecret | undefined> {
  let region: string;
  let name: string;
  let known: SecretMetadata | undefined;
  const named = asSecretTarget(arg);
  if (arg instanceof SecretNode) {
    ({ region, name } = arg);
    known = arg.details;
  } else if (named) {
    region = named.region ?? connections.region;
    name = named.name;
  } else {
    region = connections.region;
    const picked = await pickEcsSecret(connections, region, title);
    if (!picked) return undefined;
    name = picked;
  }
  const details = known ?? (await (await connections.client(region)).describeSecret(name));
  if (details.type !== 'ECS')
    throw new NotEcsSecret(
      vscode.l10n.t('{0} is not an ECS secret: SSH sessions need an ECS secret (its name starts with acs/ecs/).', name),
    );
  return { region, name, details };
}

async function pickEcsSecret(
  connections: ConnectionManager,
  region: string,
  title: string,
): Promise<string | undefined> {
  const secrets = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Listing the ECS secrets in {0}…', region) },
    async () => (await connections.client(region)).listSecrets({ filter: { type: 'ECS' } }),
  );
  const active = secrets.filter((s) => s.plannedDeleteTime === undefined);
  if (active.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no ECS secrets in {0}.', region));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    active.map((s) => ({ label: s.name, iconPath: new vscode.ThemeIcon('vm') })),
    { title, placeHolder: vscode.l10n.t('ECS secret in {0}', region) },
  );
  return picked?.label;
}
