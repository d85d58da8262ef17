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
    this.item.name = 'KMS Secrets Connection';
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
    const tooltip = new vscode.MarkdownString(
      `**KMS Secrets**\n\nCredentials: ${escape(this.connections.sourceLabel)}\n\nRegion: ${escape(this.connections.region)}` +
        (regions.length > 1 ? `\n\nExplorer regions: ${regions.map(escape).join(', ')}` : '') +
        (this.connections.endpoint ? `\n\nEndpoint: ${escape(this.connections.endpoint)}` : '') +
        `\n\n[Switch profile](command:${Commands.selectProfile}) · [Switch region](command:${Commands.selectRegion})`,
    );
    tooltip.isTrusted = { enabledCommands: [Commands.selectProfile, Commands.selectRegion] };
    this.item.tooltip = tooltip;
    this.item.show();
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>-]/g, '\\$&');
}
