import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import { userSentence } from '../core/failure';
import type { UnusedReport } from '../core/trail';
import { secretOfUri, secretUri } from '../explorer/secretUri';
import type { Config } from '../platform/config';
import { DisposableOwner } from '../platform/disposables';
import type { Log } from '../platform/log';
import { windowText } from './format';
import type { UsageConnections } from './usageConnections';

const SCAN_DELAY_MS = 1000;

/** One region's answer: which secrets nobody read in the window (one ActionTrail query stream for all of them). */
interface RegionScan {
  days: number;
  controller: AbortController;
  done: Promise<UnusedReport | undefined>;
  unused?: ReadonlySet<string>;
  report?: UnusedReport;
}

/**
 * Marks the secrets nobody read (GetSecretValue, failed attempts included) in the last N days, as file decorations on
 * the explorer's secret rows (keyed by their `resourceUri`). Nothing runs until the marks are on and the explorer
 * shows a region: then one scan per region lists the region's secret names and asks ActionTrail once for the whole
 * window. The answer is kept until the explorer or the connection is refreshed, or the window changes; the listing of
 * the tree never waits for it.
 */
export class UnusedMarks extends DisposableOwner implements vscode.FileDecorationProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>());
  readonly onDidChangeFileDecorations = this.changed.event;
  private scans = new Map<string, RegionScan>();

  constructor(
    private readonly connections: ConnectionManager,
    private readonly usage: UsageConnections,
    private readonly config: Config,
    private readonly log: Log,
  ) {
    super();
    this.register(usage.onDidChange(() => this.forget()));
    this.register(config.onDidChange((e) => e.affects('usage.days') && this.forget()));
    this.register(config.onDidChange((e) => e.affects('usage.markUnused') && this.switched()));
    this.register({ dispose: () => this.abortAll() });
  }

  get enabled(): boolean {
    return this.config.markUnusedSecrets;
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const secret = secretOfUri(uri);
    if (!secret || !this.enabled) return undefined;
    const scan = this.scans.get(secret.region);
    if (!scan) this.scanSoon(secret.region);
    if (!scan?.unused?.has(secret.name)) return undefined;
    const decoration = new vscode.FileDecoration(
      '0',
      vscode.l10n.t('Not read in {0} (ActionTrail)', windowText(scan.days)),
      new vscode.ThemeColor('list.deemphasizedForeground'),
    );
    decoration.propagate = false;
    return decoration;
  }

  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * Starts a region's scan a moment after its rows first ask: the explorer redraws while its first listing completes,
   * and a scan started in that instant made the workbench keep a stale "Loading…" row (seen in the e2e scenario).
   */
  private scanSoon(region: string): void {
    if (this.pending.has(region)) return;
    this.pending.set(
      region,
      setTimeout(() => {
        this.pending.delete(region);
        if (this.enabled) void this.scan(region);
      }, SCAN_DELAY_MS),
    );
  }

  /** The region's scan (started on first use, shown in the status bar); undefined when it failed. */
  scan(region: string): Promise<UnusedReport | undefined> {
    const days = this.config.usageDays;
    const known = this.scans.get(region);
    if (known && known.days === days) return known.done;
    known?.controller.abort();
    const scan: RegionScan = { days, controller: new AbortController(), done: Promise.resolve(undefined) };
    this.scans.set(region, scan);
    scan.done = Promise.resolve(
      vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Window,
          title: vscode.l10n.t('Looking for unused secrets in {0}', region),
        },
        () => this.run(region, scan),
      ),
    ).then(() => scan.report);
    return scan.done;
  }

  private async run(region: string, scan: RegionScan): Promise<void> {
    const { signal } = scan.controller;
    try {
      const kms = await this.connections.client(region);
      const names: string[] = [];
      for await (const page of kms.listSecretPages({ signal })) names.push(...page.secrets.map((s) => s.name));
      const usage = await this.usage.service(region);
      const report = await usage.unused(names, { days: scan.days, signal });
      if (this.scans.get(region) !== scan) return;
      scan.report = report;
      // A scan the page guard cut short cannot tell "unused" from "not reached": it marks nothing.
      scan.unused = new Set(report.complete ? report.unused : []);
      this.log.info(
        `Unused secrets in ${region}: ${report.unused.length} of ${names.length} not read in ${scan.days} days (${report.pages} LookupEvents calls, ${report.scanned} reads).`,
      );
      this.changed.fire(report.unused.map((name) => secretUri(region, name)));
    } catch (error) {
      if (signal.aborted || this.scans.get(region) !== scan) return;
      this.log.error(`Marking the unused secrets in ${region} failed`, error);
      void this.reportFailure(region, error);
    }
  }

  /** One sentence with the ways out: try again, or stop marking. */
  private async reportFailure(region: string, error: unknown): Promise<void> {
    const retry = vscode.l10n.t('Try Again');
    const stop = vscode.l10n.t('Stop Marking');
    const sentence = userSentence(error, vscode.l10n.t('ActionTrail could not be asked which secrets are unused.'));
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Unused secrets in {0} could not be marked: {1}', region, sentence),
      retry,
      stop,
    );
    if (choice === retry) this.forget();
    else if (choice === stop) await this.config.write('usage.markUnused', false);
  }

  /** Marks on: VS Code asks again and the scans start. Marks off: running scans stop and the marks go. */
  private switched(): void {
    if (this.enabled) this.changed.fire(undefined);
    else this.forget();
  }

  /** Drops every answer and lets VS Code ask again (a new scan starts for the regions on screen, if marks are on). */
  forget(): void {
    this.abortAll();
    this.scans = new Map();
    this.changed.fire(undefined);
  }

  private abortAll(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const scan of this.scans.values()) scan.controller.abort();
  }
}
