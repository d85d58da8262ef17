import * as vscode from 'vscode';
import { findReferences, referenceKey } from '../core/reference';
import type { Config } from '../platform/config';
import { DocumentChecker, type CheckRequest } from '../platform/documentChecker';
import type { Log } from '../platform/log';
import type { SecretCatalog } from './catalog';
import { checkReference, syntaxProblem, type Problem } from '../core/check';

export const DIAGNOSTIC_SOURCE = 'KMS Secret References';
/** Files larger than this are not checked (references live in config and source files, not in dumps). */
const MAX_TEXT = 2_000_000;

export interface ReferenceProblem {
  range: vscode.Range;
  /** The reference text as it stands in the document. */
  text: string;
  problem: Problem;
}

/**
 * Flags broken references in any open document (a DocumentChecker): a check runs after the document opened or stopped
 * changing, off the typing path; a newer edit cancels the running check. KMS answers come from the catalog's cache, so
 * re-checking is cheap.
 */
export class ReferenceDiagnostics extends DocumentChecker<ReferenceProblem[]> {
  constructor(
    private readonly catalog: SecretCatalog,
    private readonly config: Config,
    log: Log,
  ) {
    super('kmsSecrets.references', log);
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.recheckAll()));
    this.recheckAll();
  }

  /** Problems found in a document at its last check (the code-action provider reads them). */
  problemsOf(uri: vscode.Uri): readonly ReferenceProblem[] {
    return this.resultOf(uri)?.result ?? [];
  }

  protected debounceMs(document: vscode.TextDocument): number {
    return this.config.references(document.uri).debounceMs;
  }

  protected wants(): boolean {
    return true;
  }

  protected async check({ document, token }: CheckRequest<ReferenceProblem[]>): Promise<ReferenceProblem[]> {
    if (!this.config.references(document.uri).diagnostics) return [];
    const text = document.getText();
    if (text.length > MAX_TEXT || (!text.includes('kms://') && !text.includes('acs:kms:'))) return [];
    const out: ReferenceProblem[] = [];
    const checks = new Map<string, Promise<Problem | undefined>>();
    const pending: { range: vscode.Range; text: string; check: Promise<Problem | undefined> }[] = [];
    const readValues = vscode.workspace.isTrusted;
    for (const found of findReferences(text)) {
      const range = new vscode.Range(document.positionAt(found.start), document.positionAt(found.end));
      if (found.error) {
        const problem = syntaxProblem(found);
        if (problem) out.push({ range, text: found.text, problem });
        continue;
      }
      const reference = found.reference;
      if (!reference || !this.catalog.signedIn || reference.profile) continue;
      const id = `${referenceKey(reference)}#${reference.jsonKey ?? ''}`;
      let check = checks.get(id);
      if (!check) {
        check = checkReference(reference, this.catalog, { readValues }).catch((error: unknown) => {
          this.log.debug(`Could not check ${found.text}: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        });
        checks.set(id, check);
      }
      pending.push({ range, text: found.text, check });
    }
    for (const item of pending) {
      const problem = await item.check;
      if (token.isCancellationRequested) return [];
      if (problem) out.push({ range: item.range, text: item.text, problem });
    }
    return out.sort((a, b) => a.range.start.compareTo(b.range.start));
  }

  protected toDiagnostics(problems: ReferenceProblem[]): vscode.Diagnostic[] {
    return problems.map(toDiagnostic);
  }

  protected describe(document: vscode.TextDocument): string {
    return `Checking the secret references of ${document.uri.fsPath}`;
  }
}

function toDiagnostic({ range, problem }: ReferenceProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    range,
    problem.message,
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}
