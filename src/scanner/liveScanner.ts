import * as vscode from 'vscode';
import type { Config } from '../platform/config';
import { DisposableOwner } from '../platform/disposables';
import type { Log } from '../platform/log';
import { EditorFinding, scanForEditor } from './engine';
import type { IgnoreFiles } from './ignoreFile';
import { excludeMatcher, MAX_LIVE_BYTES, relativePath } from './paths';

export const DIAGNOSTIC_SOURCE = 'KMS Secrets';

/**
 * Findings as you type: each change schedules a scan of that document after a short quiet period, off the typing path;
 * a scan whose document changed meanwhile is dropped. Diagnostics carry the rule id as `code`, and the findings behind
 * them are kept for the quick fixes.
 */
export class LiveScanner extends DisposableOwner {
  readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('kmsSecrets.scanner'));
  private readonly findings = new Map<string, { version: number; findings: EditorFinding[] }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private isExcluded = excludeMatcher([]);

  constructor(
    private readonly config: Config,
    private readonly ignores: IgnoreFiles,
    private readonly log: Log,
  ) {
    super();
    this.readSettings();
    this.register(vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)));
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.schedule(e.document)),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)));
    this.register(
      config.onDidChange(
        (e) => e.affectsConfiguration('kmsSecrets.scanner') && (this.readSettings(), this.rescanAll()),
      ),
    );
    this.register(ignores.onDidChange(() => this.rescanAll()));
    this.register(new vscode.Disposable(() => this.timers.forEach((t) => clearTimeout(t))));
    void ignores.loadAll().then(() => this.rescanAll());
  }

  /** The findings behind the diagnostics of a document at its current version (for the code actions). */
  findingsFor(document: vscode.TextDocument): EditorFinding[] {
    const entry = this.findings.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.findings : [];
  }

  rescanAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  /** Scans now (tests and commands that need the result before going on). */
  scanNow(document: vscode.TextDocument): EditorFinding[] {
    this.scan(document);
    return this.findingsFor(document);
  }

  private readSettings(): void {
    this.isExcluded = excludeMatcher(this.config.scanner.exclude);
  }

  private schedule(document: vscode.TextDocument, delay = this.config.scanner.debounceMs): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.scan(document);
      }, delay),
    );
  }

  private scan(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (document.isClosed || !this.wants(document)) {
      this.forget(document.uri);
      return;
    }
    const version = document.version;
    const started = Date.now();
    try {
      const findings = scanForEditor({
        text: document.getText(),
        relativePath: relativePath(document.uri),
        languageId: document.languageId,
        settings: this.config.scanner,
        ignore: this.ignores.rulesFor(document.uri),
      });
      if (document.version !== version) return;
      this.findings.set(key, { version, findings });
      this.diagnostics.set(document.uri, findings.map(toDiagnostic));
      const ms = Date.now() - started;
      if (ms > 50) this.log.debug(`Scanned ${relativePath(document.uri)} in ${ms} ms.`);
    } catch (error) {
      this.log.error(`Scanning ${relativePath(document.uri)} failed`, error);
    }
  }

  private wants(document: vscode.TextDocument): boolean {
    if (!this.config.scanner.enabled) return false;
    if (!['file', 'untitled', 'vscode-notebook-cell'].includes(document.uri.scheme)) return false;
    if (document.getText().length > MAX_LIVE_BYTES) return false;
    return document.uri.scheme !== 'file' || !this.isExcluded(relativePath(document.uri));
  }

  private forget(uri: vscode.Uri): void {
    this.findings.delete(uri.toString());
    this.diagnostics.delete(uri);
  }
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
