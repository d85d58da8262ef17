import * as vscode from 'vscode';
import { DocumentScanHost, type DocumentScan, type TextChange } from '../core/scanner';
import type { Config } from '../platform/config';
import { DocumentChecker, type CheckRequest } from '../platform/documentChecker';
import type { Log } from '../platform/log';
import { editorScanOf, scanOptions, type EditorFinding, type EditorScan } from './editorScan';
import type { IgnoreFiles } from './ignoreFile';
import { excludeMatcher, relativePath } from './paths';

export const DIAGNOSTIC_SOURCE = 'KMS Secrets';

/** The code of the one diagnostic that says a file's scan is incomplete (it has no quick fixes). */
export const INCOMPLETE_SCAN_CODE = 'scan-incomplete';

/** A document the worker holds: the edits already sent to it (so an edit is never applied twice). */
interface Held {
  sent: WeakSet<vscode.TextDocumentContentChangeEvent>;
}

/**
 * Findings as you type (a DocumentChecker), scanned on a worker thread so no file, however large or hostile, holds up
 * the extension host: an opened document is sent once and scanned whole (within a time budget), then each check sends
 * only the edits since the last one and the worker re-scans the lines they touched. A scan that stopped at its budget,
 * findings left out and custom patterns that did not run are said in one Information diagnostic on the first line.
 */
export class LiveScanner extends DocumentChecker<EditorScan> {
  private isExcluded = excludeMatcher([]);
  private worker: DocumentScanHost | undefined;
  private readonly held = new Map<string, Held>();
  /** Custom patterns the user was told about (once per pattern until the settings change). */
  private readonly announced = new Set<string>();
  /** What the last check cost: the lines the worker scanned and the wait for its answer (the host tests read it). */
  lastScan: { uri: string; whole: boolean; fromLine: number; toLine: number; chars: number; ms: number } | undefined;
  /** The notice last logged per document, so a notice is logged when it changes, not at every keystroke. */
  private readonly logged = new Map<string, string>();

  constructor(
    private readonly config: Config,
    private readonly ignores: IgnoreFiles,
    log: Log,
  ) {
    super('kmsSecrets.scanner', log);
    this.readSettings();
    this.register(
      config.onDidChange((e) => {
        if (!e.affects('scanner')) return;
        this.readSettings();
        // A fresh worker: a custom pattern the last one disabled runs again once the user has changed the settings.
        this.restartWorker();
        this.recheckAll();
      }),
    );
    this.register(ignores.onDidChange(() => this.recheckAll()));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.release(document.uri.toString())));
    this.register({ dispose: () => this.restartWorker() });
    void ignores.loadAll().then(() => this.recheckAll());
  }

  /** The findings behind the diagnostics of a document at its current version (for the code actions). */
  findingsFor(document: vscode.TextDocument): EditorFinding[] {
    const entry = this.resultOf(document.uri);
    return entry && entry.version === document.version ? entry.result.findings : [];
  }

  private readSettings(): void {
    this.isExcluded = excludeMatcher(this.config.scanner.exclude);
  }

  protected debounceMs(): number {
    return this.config.scanner.debounceMs;
  }

  protected wants(document: vscode.TextDocument): boolean {
    const wanted =
      this.config.scanner.enabled && (document.uri.scheme !== 'file' || !this.isExcluded(relativePath(document.uri)));
    if (!wanted) this.release(document.uri.toString());
    return wanted;
  }

  protected async check({ document, changes, token }: CheckRequest<EditorScan>): Promise<EditorScan> {
    const key = document.uri.toString();
    const path = relativePath(document.uri);
    const ignore = this.ignores.rulesFor(document.uri);
    const worker = (this.worker ??= new DocumentScanHost());
    const started = performance.now();
    const held = this.held.get(key);
    let scan: DocumentScan | undefined;
    if (held && changes) {
      // Edits a cancelled check already sent are in the worker's copy; only the rest go now, oldest first.
      const unsent = changes.filter((c) => !held.sent.has(c));
      for (const change of unsent) held.sent.add(change);
      scan = await worker
        .edit(key, unsent.map(textChange), () => document.getText())
        .catch((error: unknown) => {
          // Cancelled: the worker may be gone (settings changed, the extension stops); no new one for a stale check.
          if (token.isCancellationRequested) throw error;
          this.log.debug(`Re-scanning ${path} whole: the worker's copy could not take the edit (${String(error)}).`);
          return undefined;
        });
    }
    if (!scan) {
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      this.held.set(key, { sent: new WeakSet() });
      const options = scanOptions(path, document.languageId, this.config.scanner, ignore);
      scan = await worker.open(key, document.getText(), options);
    }
    this.lastScan = { uri: key, ...scan.rescanned, ms: performance.now() - started };
    const result = editorScanOf(scan, path, ignore);
    this.report(key, path, scan, result);
    return result;
  }

  protected toDiagnostics(result: EditorScan): vscode.Diagnostic[] {
    const diagnostics = result.findings.map(toDiagnostic);
    const notice = incompleteNotice(result);
    if (notice) {
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        notice,
        vscode.DiagnosticSeverity.Information,
      );
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = INCOMPLETE_SCAN_CODE;
      diagnostics.unshift(diagnostic);
    }
    return diagnostics;
  }

  protected describe(document: vscode.TextDocument): string {
    return `Scanning ${relativePath(document.uri)}`;
  }

  /** The log line of an incomplete scan (when its notice changes) and, once per pattern, a notification. */
  private report(key: string, path: string, scan: DocumentScan, result: EditorScan): void {
    const { rescanned } = scan;
    if (!rescanned.whole)
      this.log.trace(`Re-scanned lines ${rescanned.fromLine + 1}–${rescanned.toLine + 1} of ${path}.`);
    const notice = scan.notice ?? '';
    if (this.logged.get(key) !== notice) {
      if (notice) this.log.warn(`Scan of ${path} is incomplete: ${notice}`);
      this.logged.set(key, notice);
    }
    for (const pattern of result.disabledPatterns) {
      if (this.announced.has(pattern.id)) continue;
      this.announced.add(pattern.id);
      void notifyDisabledPattern(pattern.id, this.log);
    }
  }

  /** The worker forgets a document that closed or is no longer scanned. */
  private release(key: string): void {
    this.logged.delete(key);
    if (!this.held.delete(key)) return;
    void this.worker?.close(key).catch(() => undefined);
  }

  private restartWorker(): void {
    const old = this.worker;
    this.worker = undefined;
    this.held.clear();
    this.logged.clear();
    this.announced.clear();
    void old?.dispose();
  }
}

/** VS Code's change (offsets into the text before it, applied in order) as the core's. */
function textChange(change: vscode.TextDocumentContentChangeEvent): TextChange {
  return { start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text };
}

/** What a scan could not do, in sentences for the user; undefined when it was complete. */
export function incompleteNotice(result: EditorScan): string | undefined {
  const sentences: string[] = [];
  if (result.partialLines !== undefined)
    sentences.push(
      vscode.l10n.t(
        'Only lines 1–{0} of this file were scanned for hard-coded credentials: scanning the rest would take longer than the editor allows. Run "kms-secrets scan" on the file for a complete result.',
        result.partialLines,
      ),
    );
  if (result.omittedFindings)
    sentences.push(
      vscode.l10n.t('{0} more hard-coded credential(s) in this file are not shown.', result.omittedFindings),
    );
  for (const pattern of result.disabledPatterns)
    sentences.push(
      vscode.l10n.t(
        'Custom pattern "{0}" did not run: it is not a valid regular expression, or it ran past its time limit and was disabled.',
        pattern.id,
      ),
    );
  return sentences.length ? sentences.join(' ') : undefined;
}

async function notifyDisabledPattern(id: string, log: Log): Promise<void> {
  const openSettings = vscode.l10n.t('Open Settings');
  const showLog = vscode.l10n.t('Show Log');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'KMS Secrets did not run your custom pattern "{0}": it is not a valid regular expression, or it ran past its time limit (nested repetitions such as (a+)+ make patterns slow). The other rules still run.',
      id,
    ),
    openSettings,
    showLog,
  );
  if (choice === openSettings)
    await vscode.commands.executeCommand('workbench.action.openSettings', 'kmsSecrets.scanner.customPatterns');
  else if (choice === showLog) log.show();
}

const SEVERITY: Record<EditorFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: EditorFinding): vscode.Diagnostic {
  const range = new vscode.Range(finding.line, finding.column, finding.endLine, finding.endColumn);
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.ruleId;
  return diagnostic;
}
