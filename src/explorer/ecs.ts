import * as vscode from 'vscode';
import type { SecretMetadata, SecretSummary } from '../core/kms/types';
import { formatRotationInterval } from '../core/rotation';

/**
 * ECS secrets (`acs/ecs/…`, seed-systems.md §2) on their rows and tooltips: sub-type, instance, its region and rotation
 * come from DescribeSecret (ListSecrets has no ExtendedConfig), so a row shows them once its secret was described.
 * Only metadata: CustomData holds connection hints such as `host`, never the login.
 */
export const isEcs = (secret: SecretSummary): boolean => secret.type === 'ECS';

/** The `contextValue` flag of an ECS row (menus match `secret;ecs`, and `secret;ecs:sshkey` for key-only commands). */
export function ecsContextFlag(details: SecretMetadata | undefined): string {
  const subType = details?.extended?.secretSubType;
  return subType === 'SSHKey' ? 'ecs:sshkey' : subType === 'Password' ? 'ecs:password' : 'ecs';
}

export function subTypeLabel(subType: string | undefined): string | undefined {
  if (subType === 'SSHKey') return vscode.l10n.t('SSH key');
  if (subType === 'Password') return vscode.l10n.t('Password');
  return subType;
}

function rotationText(details: SecretMetadata): string | undefined {
  const rotation = details.rotation;
  if (!rotation) return undefined;
  const every = formatRotationInterval(rotation.interval);
  if (!rotation.enabled) return vscode.l10n.t('no rotation');
  return every ? vscode.l10n.t('rotates every {0}', every) : vscode.l10n.t('rotates');
}

/** `SSH key · i-bp1… · cn-hangzhou · rotates every 30 days` */
export function ecsDescription(details: SecretMetadata): string {
  const extended = details.extended;
  return [subTypeLabel(extended?.secretSubType), extended?.instanceId, extended?.regionId, rotationText(details)]
    .filter((part): part is string => !!part)
    .join(' · ');
}

/** Tooltip rows (label, Markdown) for the ECS part of the metadata; the rotation rows are the tooltip's own. */
export function ecsTooltipRows(details: SecretMetadata): [string, string][] {
  const extended = details.extended;
  if (!isEcs(details) || !extended) return [];
  const code = (text: string) => `\`${text.replace(/`/g, '')}\``;
  const rows: [string, string][] = [];
  const subType = subTypeLabel(extended.secretSubType);
  if (subType) rows.push([vscode.l10n.t('Login'), subType]);
  if (extended.instanceId) rows.push([vscode.l10n.t('Instance'), code(extended.instanceId)]);
  if (extended.regionId) rows.push([vscode.l10n.t('Instance region'), code(extended.regionId)]);
  const custom = Object.entries(extended.customData);
  if (custom.length)
    rows.push([vscode.l10n.t('Custom data'), custom.map(([key, value]) => code(`${key}=${value}`)).join(' ')]);
  return rows;
}
