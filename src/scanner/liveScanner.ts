import * as vscode from 'vscode';
import type { Config } from '../platform/config';
import { DocumentChecker, type CheckRequest } from '../platform/documentChecker';
import type { Log } from '../platform/log';
import { EditorFinding, scanForEditor } from './editorScan';
import type { IgnoreFiles } from './ignoreFile';
import { excludeMatcher, MAX_LIVE_BYTES, relativePath } from './paths';

export const DIAGNOSTIC_SOURCE = 'KMS Secrets';

/**
 * Findings as you type (a DocumentChecker): each change schedules a scan of that document after a short quiet period,
 * off the typing path; a scan whose document changed meanwhile is dropped. Diagnostics carry the rule id as `code`,
 * and the findings behind them are kept for the quick fixes.
 */
export class LiveScanner extends DocumentChecker<EditorFinding[]> {
  private isExcluded = excludeMatcher([]);

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
        this.recheckAll();
      }),
    );
    this.register(ignores.onDidChange(() => this.recheckAll()));
    void ignores.loadAll().then(() => this.recheckAll());
  }

  /** The findings behind the diagnostics of a document at its current version (for the code actions). */
  findingsFor(document: vscode.TextDocument): EditorFinding[] {
    const entry = this.resultOf(document.uri);
    return entry && entry.version === document.version ? entry.result : [];
  }

  private readSettings(): void {
    this.isExcluded = excludeMatcher(this.config.scanner.exclude);
  }

  protected debounceMs(): number {
    return this.config.scanner.debounceMs;
  }

  protected wants(document: vscode.TextDocument): boolean {
    if (!this.config.scanner.enabled) return false;
    if (document.getText().length > MAX_LIVE_BYTES) return false;
    return document.uri.scheme !== 'file' || !this.isExcluded(relativePath(document.uri));
  }

  protected async check({ document }: CheckRequest<EditorFinding[]>): Promise<EditorFinding[]> {
    const started = Date.now();
    const findings = scanForEditor({
      text: document.getText(),
      relativePath: relativePath(document.uri),
      languageId: document.languageId,
      settings: this.config.scanner,
      ignore: this.ignores.rulesFor(document.uri),
    });
    const ms = Date.now() - started;
    if (ms > 50) this.log.debug(`Scanned ${relativePath(document.uri)} in ${ms} ms.`);
    return findings;
  }

  protected toDiagnostics(findings: EditorFinding[]): vscode.Diagnostic[] {
    return findings.map(toDiagnostic);
  }

  protected describe(document: vscode.TextDocument): string {
    return `Scanning ${relativePath(document.uri)}`;
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
