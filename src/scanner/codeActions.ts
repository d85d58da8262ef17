import * as vscode from 'vscode';
import { Commands as ScannerCommands } from '../commands';
import { asOwnArgs, ownArgs } from '../platform/automation';
import type { EditorFinding } from './editorScan';
import { DIAGNOSTIC_SOURCE, type LiveScanner } from './liveScanner';

/**
 * What a quick-fix command receives (branded: src/platform/automation.ts): enough to find the finding again and to
 * notice the document changed meanwhile.
 */
export interface FindingArgs {
  uri: string;
  version: number;
  start: number;
  end: number;
  ruleId: string;
  kind: string;
  /** The kind in the display language, for messages. */
  kindLabel: string;
  fingerprint: string;
  nameHint?: string;
}

/** The rule of values in a `kind: Secret`: their quick fix moves the whole Secret (src/scanner/moveToExternalSecret.ts). */
const KUBERNETES_SECRET_RULE = 'kubernetes-secret';

/** Quick fixes on each scanner diagnostic: move into KMS (preferred), use an existing secret, ignore. */
export class ScannerCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly scanner: LiveScanner) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (!ours.length) return [];
    const findings = this.scanner.findingsFor(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const finding = findings.find(
        (f) => f.ruleId === diagnostic.code && document.offsetAt(diagnostic.range.start) === f.start,
      );
      if (!finding) continue;
      const args = findingArgs(document, finding);
      // A value in a `kind: Secret` moves best with its whole Secret, which becomes an ExternalSecret.
      const wholeSecret = finding.ruleId === KUBERNETES_SECRET_RULE;
      if (wholeSecret)
        actions.push(
          action(
            vscode.l10n.t('Move Secret to KMS as ExternalSecret…'),
            ScannerCommands.moveToExternalSecret,
            args,
            diagnostic,
            true,
          ),
        );
      actions.push(
        action(
          vscode.l10n.t('Move {0} to KMS secret…', finding.kindLabel),
          ScannerCommands.moveToKms,
          args,
          diagnostic,
          !wholeSecret,
        ),
        action(vscode.l10n.t('Use existing KMS secret…'), ScannerCommands.useExistingSecret, args, diagnostic),
        action(vscode.l10n.t('Ignore this finding (ignore file)'), ScannerCommands.ignoreFinding, args, diagnostic),
        action(
          vscode.l10n.t('Ignore {0} in this file', finding.ruleId),
          ScannerCommands.ignoreRuleInFile,
          args,
          diagnostic,
        ),
      );
    }
    if (findings.length > 1) {
      const all = new vscode.CodeAction(
        vscode.l10n.t('Ignore all {0} findings in this file', findings.length),
        vscode.CodeActionKind.QuickFix,
      );
      all.command = {
        title: all.title,
        command: ScannerCommands.ignoreAllInFile,
        arguments: [ownArgs('finding', { uri: document.uri.toString(), version: document.version })],
      };
      all.diagnostics = ours;
      actions.push(all);
    }
    return actions;
  }
}

function action(
  title: string,
  command: string,
  args: FindingArgs,
  diagnostic: vscode.Diagnostic,
  preferred = false,
): vscode.CodeAction {
  const result = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  result.command = { title, command, arguments: [args] };
  result.diagnostics = [diagnostic];
  result.isPreferred = preferred;
  return result;
}

export function findingArgs(document: vscode.TextDocument, finding: EditorFinding): FindingArgs {
  return ownArgs('finding', {
    uri: document.uri.toString(),
    version: document.version,
    start: finding.start,
    end: finding.end,
    ruleId: finding.ruleId,
    kind: finding.kind,
    kindLabel: finding.kindLabel,
    fingerprint: finding.fingerprint,
    nameHint: finding.nameHint,
  });
}

/** The finding a quick-fix command was given, or an error saying to use the light bulb. */
export function findingOf(arg: unknown): FindingArgs {
  const args = asOwnArgs<FindingArgs>('finding', arg);
  if (
    !args ||
    typeof args.uri !== 'string' ||
    typeof args.version !== 'number' ||
    typeof args.start !== 'number' ||
    typeof args.end !== 'number' ||
    typeof args.ruleId !== 'string' ||
    typeof args.kind !== 'string' ||
    typeof args.kindLabel !== 'string' ||
    typeof args.fingerprint !== 'string'
  )
    throw new Error(
      vscode.l10n.t('This command fixes a finding of the credential scanner: use it from the light bulb.'),
    );
  return args as FindingArgs;
}

/** The document (and version) of `Ignore all findings in this file`. */
export function documentOf(arg: unknown): { uri: string; version: number } {
  const args = asOwnArgs<{ uri: string; version: number }>('finding', arg);
  if (!args || typeof args.uri !== 'string' || typeof args.version !== 'number')
    throw new Error(
      vscode.l10n.t('This command ignores findings of the credential scanner: use it from the light bulb.'),
    );
  return { uri: args.uri, version: args.version };
}
