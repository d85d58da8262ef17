import * as vscode from 'vscode';
import type { SecretMetadata, SecretSummary, SecretVersion } from '../core/kms/types';
import { displayDay, displayTime as when } from '../core/displayTime';
import { formatRotationInterval } from '../core/rotation';
import { ecsTooltipRows } from './ecs';

/** Codicon per secret type (managed secrets by the service they belong to). */
export function typeIcon(secret: SecretSummary): vscode.ThemeIcon {
  if (secret.plannedDeleteTime) return new vscode.ThemeIcon('trash', new vscode.ThemeColor('disabledForeground'));
  switch (secret.type) {
    case 'Rds':
      return new vscode.ThemeIcon('database');
    case 'PolarDB':
      return new vscode.ThemeIcon('server-environment');
    case 'Redis':
      return new vscode.ThemeIcon('layers');
    case 'RAMCredentials':
      return new vscode.ThemeIcon('account');
    case 'ECS':
      return new vscode.ThemeIcon('vm');
    default:
      return new vscode.ThemeIcon('key');
  }
}

export function typeLabel(type: string): string {
  switch (type) {
    case 'Rds':
      return 'RDS';
    case 'RAMCredentials':
      return vscode.l10n.t('RAM credentials');
    default:
      return type;
  }
}

/** Escapes text for a MarkdownString (names and tags are user data). */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~-]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** The row's description: pending deletion first, then the tags. */
export function secretDescription(secret: SecretSummary): string {
  if (secret.plannedDeleteTime) return vscode.l10n.t('deletes {0}', displayDay(secret.plannedDeleteTime));
  return secret.tags.map((t) => (t.value ? `${t.key}=${t.value}` : t.key)).join(' ');
}

/** The secret's tooltip: metadata only (never a value). */
export function secretTooltip(secret: SecretMetadata, region: string): vscode.MarkdownString {
  const lines: string[] = [
    `**${md(secret.name)}** · $(${typeIcon(secret).id}) ${md(typeLabel(secret.type))} · ${md(region)}`,
  ];
  if (secret.description) lines.push('', md(secret.description));
  lines.push('', '---', '');
  const rows: [string, string][] = [];
  if (secret.arn) rows.push(['ARN', `\`${secret.arn.replace(/`/g, '')}\``]);
  rows.push([vscode.l10n.t('Created'), when(secret.createTime)], [vscode.l10n.t('Updated'), when(secret.updateTime)]);
  rows.push([
    vscode.l10n.t('Encryption key'),
    secret.encryptionKeyId ? `\`${secret.encryptionKeyId.replace(/`/g, '')}\`` : vscode.l10n.t('KMS default key'),
  ]);
  rows.push([
    vscode.l10n.t('Tags'),
    secret.tags.length
      ? secret.tags.map((t) => `\`${`${t.key}=${t.value}`.replace(/`/g, '')}\``).join(' ')
      : vscode.l10n.t('none'),
  ]);
  rows.push(...ecsTooltipRows(secret));
  if (secret.rotation) {
    const r = secret.rotation;
    const every = formatRotationInterval(r.interval);
    rows.push([vscode.l10n.t('Rotation'), rotationText(r.enabled, every)]);
    if (r.lastRotationDate) rows.push([vscode.l10n.t('Last rotation'), when(r.lastRotationDate)]);
    if (r.nextRotationDate) rows.push([vscode.l10n.t('Next rotation'), when(r.nextRotationDate)]);
  } else if (secret.type === 'Generic') {
    rows.push([vscode.l10n.t('Rotation'), vscode.l10n.t('by putting a new value')]);
  }
  if (secret.plannedDeleteTime)
    rows.push([vscode.l10n.t('Planned deletion'), `$(warning) ${when(secret.plannedDeleteTime)}`]);
  for (const [key, value] of rows) lines.push(`${key}: ${value}  `);
  const tooltip = new vscode.MarkdownString(lines.join('\n'), true);
  return tooltip;
}

function rotationText(enabled: boolean, every: string | undefined): string {
  if (enabled) return every ? vscode.l10n.t('enabled, every {0}', every) : vscode.l10n.t('enabled');
  return every ? vscode.l10n.t('disabled (interval {0})', every) : vscode.l10n.t('disabled');
}

export function versionTooltip(secretName: string, version: SecretVersion): vscode.MarkdownString {
  const stages = version.stages.length
    ? version.stages.map((s) => `\`${s}\``).join(' ')
    : vscode.l10n.t('none (deprecated version)');
  return new vscode.MarkdownString(
    [
      vscode.l10n.t('**{0}** version {1}', md(secretName), `\`${version.versionId.replace(/`/g, '')}\``),
      '',
      `${vscode.l10n.t('Stages: {0}', stages)}  `,
      vscode.l10n.t('Created: {0}', when(version.createTime)),
    ].join('\n'),
  );
}
