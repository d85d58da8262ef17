import * as vscode from 'vscode';
import { DisposableOwner } from './disposables';
import type { Log } from './log';

/** The documents the extension checks and offers editor help in: files, unsaved files, settings and notebook cells. */
export const CHECKED_DOCUMENTS: vscode.DocumentFilter[] = [
  { scheme: 'file' },
  { scheme: 'untitled' },
  { scheme: 'vscode-userdata' },
  { scheme: 'vscode-notebook-cell' },
];
const CHECKED_SCHEMES = new Set(CHECKED_DOCUMENTS.map((f) => f.scheme));

/** One check of one document version. */
export interface CheckRequest<Result> {
  readonly document: vscode.TextDocument;
  readonly version: number;
  /**
   * The edits since the last completed check (oldest first), for a checker that re-checks only what changed; undefined
   * when everything must be checked (the document just opened, settings changed, or the last check never completed).
   */
  readonly changes: readonly vscode.TextDocumentContentChangeEvent[] | undefined;
  /** The result of the last completed check of this document, if any. */
  readonly previous: Result | undefined;
  /** Cancelled when a newer version arrives, the document closes, or the checker is disposed. */
  readonly token: vscode.CancellationToken;
}

interface Pending {
  timer?: ReturnType<typeof setTimeout>;
  running?: vscode.CancellationTokenSource;
  /** Edits since the last completed check (none yet: `[]`); undefined = check everything. */
  changes: vscode.TextDocumentContentChangeEvent[] | undefined;
}

/**
 * The skeleton of every checker that turns open documents into diagnostics (the credential scanner, the reference
 * diagnostics): a check runs after the document opened or stopped changing, always from a timer (never inside the
 * open/change event), and returns a promise; a newer version cancels the running check and its late result is dropped.
 * Results are kept per document for the quick fixes. Subclasses say which documents they want, how long to wait, how
 * to check and how a result becomes diagnostics.
 */
export abstract class DocumentChecker<Result> extends DisposableOwner {
  readonly diagnostics: vscode.DiagnosticCollection;
  private readonly pending = new Map<string, Pending>();
  private readonly results = new Map<string, { version: number; result: Result }>();

  constructor(
    collection: string,
    protected readonly log: Log,
  ) {
    super();
    this.diagnostics = this.register(vscode.languages.createDiagnosticCollection(collection));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0, undefined)));
    this.register(
      vscode.workspace.onDidChangeTextDocument(
        (e) => e.contentChanges.length && this.schedule(e.document, this.debounceMs(e.document), e.contentChanges),
      ),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)));
    this.register({ dispose: () => this.stopAll() });
  }

  /** Whether to check this document now (settings, size, excludes); a declined document's diagnostics are cleared. */
  protected abstract wants(document: vscode.TextDocument): boolean;
  /** Quiet time after an edit before the document is checked again. */
  protected abstract debounceMs(document: vscode.TextDocument): number;
  protected abstract check(request: CheckRequest<Result>): Promise<Result>;
  protected abstract toDiagnostics(result: Result, document: vscode.TextDocument): vscode.Diagnostic[];
  /** For the log line of a failed check. */
  protected abstract describe(document: vscode.TextDocument): string;

  /** The result behind a document's diagnostics, with the version it was computed for. */
  resultOf(uri: vscode.Uri): { version: number; result: Result } | undefined {
    return this.results.get(uri.toString());
  }

  /** Checks every open document again from scratch (at start, and when settings, sign-in or ignore rules changed). */
  recheckAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0, undefined);
  }

  /** Checks a document now and waits for the result (Scan Workspace, which reports on open files too). */
  async checkNow(document: vscode.TextDocument): Promise<Result | undefined> {
    const state = this.state(document.uri);
    clearTimeout(state.timer);
    state.timer = undefined;
    state.changes = undefined;
    await this.run(document);
    const done = this.results.get(document.uri.toString());
    return done && done.version === document.version ? done.result : undefined;
  }

  private state(uri: vscode.Uri): Pending {
    const key = uri.toString();
    let state = this.pending.get(key);
    if (!state) this.pending.set(key, (state = { changes: undefined }));
    return state;
  }

  private schedule(
    document: vscode.TextDocument,
    delay: number,
    changes: readonly vscode.TextDocumentContentChangeEvent[] | undefined,
  ): void {
    if (!CHECKED_SCHEMES.has(document.uri.scheme)) return;
    const state = this.state(document.uri);
    // Edits add up until a check completes; anything else (an open, a recheck) means "check everything".
    state.changes = changes && state.changes ? [...state.changes, ...changes] : undefined;
    state.running?.cancel();
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.run(document);
    }, delay);
  }

  private async run(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    if (document.isClosed || !this.wants(document)) {
      this.forget(document.uri);
      return;
    }
    const state = this.state(document.uri);
    state.running?.cancel();
    const source = new vscode.CancellationTokenSource();
    state.running = source;
    const version = document.version;
    const previous = this.results.get(key);
    try {
      const result = await this.check({
        document,
        version,
        changes: state.changes ? [...state.changes] : undefined,
        previous: previous?.result,
        token: source.token,
      });
      if (source.token.isCancellationRequested || document.isClosed || document.version !== version) return;
      this.results.set(key, { version, result });
      this.diagnostics.set(document.uri, this.toDiagnostics(result, document));
      // Any edit during the check would have cancelled it: nothing changed since this result.
      state.changes = [];
    } catch (error) {
      if (!source.token.isCancellationRequested) this.log.error(`${this.describe(document)} failed`, error);
    } finally {
      source.dispose();
      if (state.running === source) state.running = undefined;
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const state = this.pending.get(key);
    if (state) {
      clearTimeout(state.timer);
      state.running?.cancel();
      this.pending.delete(key);
    }
    this.results.delete(key);
    this.diagnostics.delete(uri);
  }

  private stopAll(): void {
    for (const state of this.pending.values()) {
      clearTimeout(state.timer);
      state.running?.cancel();
    }
    this.pending.clear();
  }
}
