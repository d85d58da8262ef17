import * as vscode from 'vscode';
import { checkSecretUse, type CheckResult, type Problem } from '../core/check';
import { EXTERNAL_SECRET_KIND } from '../core/externalSecret';
import { findSecretUses, type FoundUse } from '../core/secretUses';
import type { Config } from '../platform/config';
import { DocumentChecker, type CheckRequest } from '../platform/documentChecker';
import type { Log } from '../platform/log';
import type { SecretCatalog } from './catalog';
import { holdsManifests, MAX_CHECKED_TEXT, rangeOf } from './mentions';

export const DIAGNOSTIC_SOURCE = 'KMS Secret References';

export interface ReferenceProblem {
  range: vscode.Range;
  /** A reference as written, or the `kms://` form of what an ExternalSecret entry reads (the CRD path for schema issues). */
  text: string;
  /** Where the problem is: in a reference, an ExternalSecret entry field, or the manifest's shape (CRD schema). */
  origin: FoundUse['origin'];
  problem: Problem;
}

/**
 * Flags broken references in any open document (a DocumentChecker): `kms://` and ARN references everywhere, and in YAML
 * the entries of ack-secret-manager ExternalSecrets (their `key`, `versionStage`, `versionId`, `jmesPath[].path`) and
 * where a manifest breaks the CRD schema. A check runs after the document opened or stopped changing, off the typing
 * path; a newer edit cancels the running check. KMS answers come from the catalog's cache, so re-checking is cheap;
 * when KMS cannot tell (network, throttling), nothing is shown.
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
    const manifests = holdsManifests(document) && text.includes(EXTERNAL_SECRET_KIND);
    if (text.length > MAX_CHECKED_TEXT || (!manifests && !text.includes('kms://') && !text.includes('acs:kms:')))
      return [];
    const out: ReferenceProblem[] = [];
    const problemAt = (found: FoundUse, problem: Problem): ReferenceProblem => ({
      range: rangeOf(document, found.place(problem)),
      text: found.label(problem),
      origin: found.origin,
      problem,
    });
    const checks = new Map<string, Promise<CheckResult>>();
    const pending: { found: FoundUse; check: Promise<CheckResult> }[] = [];
    const readValues = vscode.workspace.isTrusted;
    for (const found of findSecretUses(text, { manifests })) {
      if (found.problem) {
        out.push(problemAt(found, found.problem));
        continue;
      }
      const use = found.use;
      // A `?profile=` reference reads with other credentials than the catalog's: not checked in the editor.
      if (!use || !this.catalog.signedIn || use.profile) continue;
      const id = JSON.stringify([use.name, use.region, use.arn, use.stage, use.versionId, use.jsonKeys, use.yamlValue]);
      let check = checks.get(id);
      if (!check) {
        check = checkSecretUse(use, this.catalog, { readValues }).catch((error: unknown) => ({
          problems: [],
          unverified: error,
        }));
        checks.set(id, check);
      }
      pending.push({ found, check });
    }
    for (const { found, check } of pending) {
      const { problems, unverified } = await check;
      if (token.isCancellationRequested) return [];
      if (unverified) {
        const reason = unverified instanceof Error ? unverified.message : String(unverified);
        this.log.debug(`Could not check ${text.slice(found.start, found.end)}: ${reason}`);
      }
      for (const problem of problems) out.push(problemAt(found, problem));
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
