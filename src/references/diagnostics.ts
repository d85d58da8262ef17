import * as vscode from 'vscode';
import { findReferences, referenceKey } from '../core/reference';
import { DisposableOwner } from '../platform/disposables';
import type { Log } from '../platform/log';
import type { SecretCatalog } from './catalog';
import { checkReference, syntaxProblem, type Problem } from './check';
import { settings } from './settings';

export const DIAGNOSTIC_SOURCE = 'KMS Secret References';
/** Files larger than this are not checked (references live in config and source files, not in dumps). */
const MAX_TEXT = 2_000_000;
const SCHEMES = new Set(['file', 'untitled', 'vscode-userdata']);

export interface ReferenceProblem {
  range: vscode.Range;
  /** The reference text as it stands in the document. */
  text: string;
  problem: Problem;
}

/**
 * Flags broken references in any open document. A check runs after the document opened or stopped changing (debounced),
 * off the typing path; a newer edit cancels the running check. KMS answers come from the catalog's cache, so
 * re-checking is cheap.
 */
export class ReferenceDiagnostics extends DisposableOwner {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('kmsSecrets.references'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, vscode.CancellationTokenSource>();
  private readonly problems = new Map<string, ReferenceProblem[]>();

  constructor(
    private readonly catalog: SecretCatalog,
    private readonly log: Log,
  ) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)));
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.schedule(e.document)),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.recheckAll()));
    this.register({ dispose: () => this.forgetAll() });
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  /** Problems found in a document at its last check (the code-action provider reads them). */
  problemsOf(uri: vscode.Uri): readonly ReferenceProblem[] {
    return this.problems.get(uri.toString()) ?? [];
  }

  recheckAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  schedule(doc: vscode.TextDocument, delay = settings().debounceMs): void {
    if (!SCHEMES.has(doc.uri.scheme)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.running.get(key)?.cancel();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(doc);
      }, delay),
    );
  }

  private async check(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const source = new vscode.CancellationTokenSource();
    this.running.set(key, source);
    try {
      const found = await this.compute(doc, source.token);
      if (source.token.isCancellationRequested || doc.isClosed) return;
      this.problems.set(key, found);
      this.collection.set(doc.uri, found.map(toDiagnostic));
    } catch (error) {
      this.log.error(`Checking the secret references of ${doc.uri.fsPath} failed`, error);
    } finally {
      source.dispose();
      if (this.running.get(key) === source) this.running.delete(key);
    }
  }

  private async compute(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<ReferenceProblem[]> {
    const config = settings(doc.uri);
    if (!config.diagnostics) return [];
    const text = doc.getText();
    if (text.length > MAX_TEXT || (!text.includes('kms://') && !text.includes('acs:kms:'))) return [];
    const out: ReferenceProblem[] = [];
    const checks = new Map<string, Promise<Problem | undefined>>();
    const pending: { range: vscode.Range; text: string; check: Promise<Problem | undefined> }[] = [];
    const readValues = vscode.workspace.isTrusted;
    for (const found of findReferences(text)) {
      const range = new vscode.Range(doc.positionAt(found.start), doc.positionAt(found.end));
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

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.running.get(key)?.cancel();
    this.problems.delete(key);
    this.collection.delete(uri);
  }

  private forgetAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const source of this.running.values()) source.cancel();
    this.timers.clear();
    this.running.clear();
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
