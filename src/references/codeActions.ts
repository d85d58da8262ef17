import * as vscode from 'vscode';
import { Commands } from '../commands';
import { ProblemCodes, type ProblemCode } from '../core/check';
import { keyPath, scalarStyle, yamlScalar } from '../core/externalSecret';
import { DEFAULT_STAGE, formatReference, tryParseReference } from '../core/reference';
import { asSecretTarget, secretTarget } from '../platform/automation';
import type { SecretCatalog } from './catalog';
import type { ReferenceDiagnostics, ReferenceProblem } from './diagnostics';
import { manifestFieldIn } from './mentions';

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
  if (!FIX_COMMANDS.has(id)) throw new Error(vscode.l10n.t("'{0}' is not a reference quick fix.", id));
  const result: unknown = await vscode.commands.executeCommand(id, target, extra);
  catalog.invalidate(asSecretTarget(target)?.name);
  diagnostics.recheckAll();
  return result;
}

const MAX_ALTERNATIVES = 6;

/** Collects the quick fixes of one diagnostic. */
class Fixes {
  readonly actions: vscode.CodeAction[] = [];

  constructor(
    private readonly document: vscode.TextDocument,
    private readonly diagnostic: vscode.Diagnostic,
  ) {}

  add(title: string, preferred = false): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [this.diagnostic];
    action.isPreferred = preferred;
    this.actions.push(action);
    return action;
  }

  replace(title: string, range: vscode.Range, text: string, preferred = false): void {
    const action = this.add(title, preferred);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(this.document.uri, range, text);
  }

  /** Create or restore the secret itself (through runReferenceFix, which re-checks afterwards). */
  secretFixes({ problem }: ReferenceProblem): void {
    const target = problem.name ? secretTarget({ name: problem.name, region: problem.region }) : undefined;
    if (problem.code === ProblemCodes.unknownSecret) {
      this.add(vscode.l10n.t("Create secret '{0}' in KMS…", problem.name ?? '')).command = {
        title: vscode.l10n.t('Create secret'),
        command: Commands.runReferenceFix,
        arguments: [Commands.createSecret, target],
      };
    } else if (problem.code === ProblemCodes.pendingDeletion) {
      this.add(vscode.l10n.t("Restore secret '{0}'", problem.name ?? '')).command = {
        title: vscode.l10n.t('Restore secret'),
        command: Commands.runReferenceFix,
        arguments: [Commands.restoreSecret, target],
      };
    }
  }

  pickAnother(range: vscode.Range): void {
    this.add(vscode.l10n.t('Pick another secret…')).command = {
      title: vscode.l10n.t('Pick another secret'),
      command: Commands.replaceReference,
      arguments: [this.document.uri, range],
    };
  }
}

/**
 * Quick fixes for broken references and ExternalSecret entries: pick another secret, create or restore it, or use a
 * stage, version or JSON key that exists.
 */
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
      const fixes = new Fixes(document, diagnostic);
      if (found.origin === 'reference') referenceFixes(fixes, found);
      else if (found.origin === 'entry') entryFixes(fixes, document, found);
      actions.push(...fixes.actions);
    }
    return actions;
  }
}

function referenceFixes(fixes: Fixes, found: ReferenceProblem): void {
  const { problem, range } = found;
  const reference = tryParseReference(found.text);
  fixes.secretFixes(found);
  switch (problem.code) {
    case ProblemCodes.unknownStage:
    case ProblemCodes.unknownVersion:
      if (!reference) break;
      fixes.replace(
        vscode.l10n.t('Use the current version ({0})', DEFAULT_STAGE),
        range,
        formatReference({ ...reference, stage: undefined, versionId: undefined }),
        true,
      );
      if (problem.code === ProblemCodes.unknownStage) {
        for (const stage of otherStages(problem.alternatives))
          fixes.replace(
            vscode.l10n.t("Use stage '{0}'", stage),
            range,
            formatReference({ ...reference, versionId: undefined, stage }),
          );
      }
      break;
    case ProblemCodes.jsonKeyAbsent:
      if (!reference) break;
      for (const key of (problem.alternatives ?? []).slice(0, MAX_ALTERNATIVES))
        fixes.replace(vscode.l10n.t("Use JSON key '{0}'", key), range, formatReference({ ...reference, jsonKey: key }));
      break;
    case ProblemCodes.notJson:
      if (reference)
        fixes.replace(
          vscode.l10n.t('Use the whole value (drop the JSON key)'),
          range,
          formatReference({ ...reference, jsonKey: undefined }),
          true,
        );
      break;
    default:
      break;
  }
  fixes.pickAnother(range);
}

/** The same fixes on an ExternalSecret entry: each edits the one field the problem is on, in its own quoting. */
function entryFixes(fixes: Fixes, document: vscode.TextDocument, found: ReferenceProblem): void {
  const at = manifestFieldIn(document, found.range);
  if (!at) return;
  const { problem, range } = found;
  const style = scalarStyle(document.getText(), at.value);
  const write = (value: string) => yamlScalar(value, style);
  fixes.secretFixes(found);
  if (at.field === 'versionStage' && problem.code === ProblemCodes.unknownStage) {
    fixes.replace(vscode.l10n.t('Use the current version ({0})', DEFAULT_STAGE), range, write(DEFAULT_STAGE), true);
    for (const stage of otherStages(problem.alternatives))
      fixes.replace(vscode.l10n.t("Use stage '{0}'", stage), range, write(stage));
  } else if (at.field === 'versionId' && problem.code === ProblemCodes.unknownVersion) {
    for (const id of (problem.alternatives ?? []).slice(0, MAX_ALTERNATIVES))
      fixes.replace(vscode.l10n.t("Use version '{0}'", id), range, write(id));
  } else if (at.field === 'jmesPath.path' && problem.code === ProblemCodes.jsonKeyAbsent) {
    for (const key of (problem.alternatives ?? []).slice(0, MAX_ALTERNATIVES))
      fixes.replace(vscode.l10n.t("Use JSON key '{0}'", key), range, write(keyPath(key)));
  } else if (at.field === 'key') {
    fixes.pickAnother(range);
  }
}

function otherStages(stages: string[] | undefined): string[] {
  return (stages ?? []).filter((s) => s !== DEFAULT_STAGE).slice(0, MAX_ALTERNATIVES);
}
