import * as vscode from 'vscode';
import { Commands } from '../commands';
import { DisposableOwner } from '../platform/disposables';
import type { ConnectionManager } from './connectionManager';

/** `$(key) profile · region`: the active connection at a glance; click to switch profile or region. */
export class ConnectionStatusBar extends DisposableOwner {
  private readonly item = this.register(
    vscode.window.createStatusBarItem('kmsSecrets.connection', vscode.StatusBarAlignment.Left, 10),
  );

  constructor(private readonly connections: ConnectionManager) {
    super();
    this.item.name = vscode.l10n.t('KMS Secrets Connection');
    this.item.command = Commands.connectionMenu;
    this.register(connections.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    if (!this.connections.signedIn) {
      this.item.hide();
      return;
    }
    const regions = this.connections.regions;
    const more = regions.length > 1 ? ` +${regions.length - 1}` : '';
    this.item.text = `$(key) ${this.connections.sourceLabel} · ${this.connections.region}${more}`;
    const lines = [
      '**KMS Secrets**',
      vscode.l10n.t('Credentials: {0}', escape(this.connections.sourceLabel)),
      vscode.l10n.t('Region: {0}', escape(this.connections.region)),
    ];
    if (regions.length > 1) lines.push(vscode.l10n.t('Explorer regions: {0}', regions.map(escape).join(', ')));
    if (this.connections.endpoint) lines.push(vscode.l10n.t('Endpoint: {0}', escape(this.connections.endpoint)));
    lines.push(
      vscode.l10n.t(
        '[Switch profile]({0}) · [Switch region]({1})',
        `command:${Commands.selectProfile}`,
        `command:${Commands.selectRegion}`,
      ),
    );
    const tooltip = new vscode.MarkdownString(lines.join('\n\n'));
    tooltip.isTrusted = { enabledCommands: [Commands.selectProfile, Commands.selectRegion] };
    this.item.tooltip = tooltip;
    this.item.show();
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>-]/g, '\\$&');
}
