import * as vscode from 'vscode';
import { Commands } from '../commands';
import { DEFAULT_STAGE, formatReference, tryParseReference } from '../core/reference';
import { asSecretTarget, secretTarget } from '../platform/automation';
import type { SecretCatalog } from './catalog';
import { ProblemCodes, type ProblemCode } from '../core/check';
import type { ReferenceDiagnostics, ReferenceProblem } from './diagnostics';

/** Commands a reference quick fix may run through `kmsSecrets.runReferenceFix` (which re-checks afterwards). */
export const FIX_COMMANDS: ReadonlySet<string> = new Set([Commands.createSecret, Commands.restoreSecret]);

/**
 * `kmsSecrets.runReferenceFix`: runs an explorer command for a broken reference's secret (`target`, a `secretTarget`;
 * `extra` is passed through, e.g. the tests' scripted answers), then forgets what the catalog knew about it and checks
 * every document again.
 */
export async function runReferenceFix(
  catalog: SecretCatalog,
  diagnostics: ReferenceDiagnostics,
  id: string,
  target?: unknown,
  extra?: unknown,
): Promise<unknown> {
  if (!FIX_COMMANDS.has(id)) throw new Error(`'${id}' is not a reference quick fix.`);
  const result: unknown = await vscode.commands.executeCommand(id, target, extra);
  catalog.invalidate(asSecretTarget(target)?.name);
  diagnostics.recheckAll();
  return result;
}

const MAX_ALTERNATIVES = 6;

/** Quick fixes for broken references: pick another secret, create or restore it, or use a stage/version/key that exists. */
export class ReferenceCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: ReferenceDiagnostics) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const problems = this.diagnostics.problemsOf(document.uri);
    for (const diagnostic of context.diagnostics) {
      const code = (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) as
        ProblemCode | undefined;
      const found = problems.find((p) => p.problem.code === code && p.range.isEqual(diagnostic.range));
      if (!found) continue;
      actions.push(...this.fixes(document, found, diagnostic));
    }
    return actions;
  }

  private fixes(
    document: vscode.TextDocument,
    found: ReferenceProblem,
    diagnostic: vscode.Diagnostic,
  ): vscode.CodeAction[] {
    const { problem, range } = found;
    const out: vscode.CodeAction[] = [];
    const action = (title: string, preferred = false): vscode.CodeAction => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.diagnostics = [diagnostic];
      a.isPreferred = preferred;
      out.push(a);
      return a;
    };
    const replaceWith = (title: string, text: string, preferred = false) => {
      const a = action(title, preferred);
      a.edit = new vscode.WorkspaceEdit();
      a.edit.replace(document.uri, range, text);
    };
    const reference = tryParseReference(found.text);
    const target = problem.name ? secretTarget({ name: problem.name, region: problem.region }) : undefined;

    switch (problem.code) {
      case ProblemCodes.unknownSecret:
        action(`Create secret '${problem.name}' in KMS…`).command = {
          title: 'Create secret',
          command: Commands.runReferenceFix,
          arguments: [Commands.createSecret, target],
        };
        break;
      case ProblemCodes.pendingDeletion:
        action(`Restore secret '${problem.name}'`).command = {
          title: 'Restore secret',
          command: Commands.runReferenceFix,
          arguments: [Commands.restoreSecret, target],
        };
        break;
      case ProblemCodes.unknownStage:
      case ProblemCodes.unknownVersion:
        if (reference) {
          replaceWith(
            `Use the current version (${DEFAULT_STAGE})`,
            formatReference({ ...reference, stage: undefined, versionId: undefined }),
            true,
          );
          if (problem.code === ProblemCodes.unknownStage) {
            for (const stage of (problem.alternatives ?? [])
              .filter((s) => s !== DEFAULT_STAGE)
              .slice(0, MAX_ALTERNATIVES)) {
              replaceWith(`Use stage '${stage}'`, formatReference({ ...reference, versionId: undefined, stage }));
            }
          }
        }
        break;
      case ProblemCodes.jsonKeyAbsent:
        if (reference) {
          for (const key of (problem.alternatives ?? []).slice(0, MAX_ALTERNATIVES)) {
            replaceWith(`Use JSON key '${key}'`, formatReference({ ...reference, jsonKey: key }));
          }
        }
        break;
      case ProblemCodes.notJson:
        if (reference)
          replaceWith(
            'Use the whole value (drop the JSON key)',
            formatReference({ ...reference, jsonKey: undefined }),
            true,
          );
        break;
      default:
        break;
    }
    action('Pick another secret…').command = {
      title: 'Pick another secret',
      command: Commands.replaceReference,
      arguments: [document.uri, range],
    };
    return out;
  }
}
