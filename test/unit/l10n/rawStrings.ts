// A lint-like check for the localisation rule: text the user reads goes through `vscode.l10n.t(…)`. It parses the
// extension's TypeScript with the compiler and looks at the places where text reaches the user — notification and modal
// messages and their buttons, quick-pick and input-box titles, prompts, placeholders and validation messages, items'
// labels, descriptions and details, tree-item labels and tooltips, Markdown (hovers, tooltips), diagnostics, code
// actions, status-bar text and messages, the failure sentence of a guarded command, and the message of an Error the
// extension throws (its own errors are shown as they are). A string literal that reads as prose at one of those places
// is reported; an expression is followed through `?:`, `+`, `??`, `||`, parentheses, `as`, template literals and, for a
// plain identifier, the `const` of the same file it names. Calls are not followed: `vscode.l10n.t(…)` is what they
// should be, and a helper returning a literal is beyond a lint.
import * as ts from 'typescript';

export interface RawString {
  file: string;
  line: number;
  text: string;
  /** Where the text goes, e.g. `showWarningMessage`, `prompt`, `new Error`. */
  sink: string;
}

/** Strings that are not prose in any language: the product name. */
const UNTRANSLATED = new Set(['KMS Secrets']);

const MESSAGE_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage']);
/** Options objects of these calls carry user-facing properties (checked below). */
const FIRST_ARGUMENT_CALLS = new Set(['setStatusBarMessage', 'appendMarkdown', 'appendText']);
/** Object properties (in any object literal: items, options, tree items) whose string the user reads. */
const TEXT_PROPERTIES = new Set([
  'title',
  'prompt',
  'placeHolder',
  'placeholder',
  'label',
  'description',
  'detail',
  'tooltip',
  'failure',
  'validationMessage',
  'openLabel',
  'saveLabel',
]);
/** Properties assigned on objects the user sees (status-bar items, tree items, quick picks, input boxes). */
const ASSIGNED_PROPERTIES = new Set([...TEXT_PROPERTIES, 'text', 'message']);
/** `new X(…)`: which arguments are text. */
const CONSTRUCTORS: Record<string, number[]> = {
  TreeItem: [0],
  MarkdownString: [0],
  Diagnostic: [1],
  CodeAction: [0],
  CodeLens: [],
};

/** Prose: words a person reads, after template holes and `$(codicon)` names are removed. Code-like tokens are not. */
export function isProse(text: string): boolean {
  const words = text.replace(/\$\([a-z0-9-~]+\)/gi, ' ').trim();
  if (!words || UNTRANSLATED.has(words)) return false;
  if (!/[A-Za-z]{2,}/.test(words)) return false;
  // A single token: prose only when it is a word ("Allow", "Retry."), not an id, path, URL or ARN.
  if (!/\s/.test(words)) return /^[A-Za-z][a-z]+[.…!?:]?$/.test(words);
  return true;
}

export function findRawStrings(file: string, source: string): RawString[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const constants = new Map<string, ts.Expression>();
  const collectConstants = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      node.parent.flags & ts.NodeFlags.Const
    )
      constants.set(node.name.text, node.initializer);
    ts.forEachChild(node, collectConstants);
  };
  collectConstants(sf);

  const found: RawString[] = [];
  const report = (node: ts.Node, text: string, sink: string) =>
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text, sink });

  /** Reports the prose literals an expression can evaluate to. */
  const check = (expr: ts.Expression | undefined, sink: string, seen = new Set<string>()): void => {
    if (!expr) return;
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
      if (isProse(expr.text)) report(expr, expr.text, sink);
    } else if (ts.isTemplateExpression(expr)) {
      const text = [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)].join(' ');
      if (isProse(text)) report(expr, expr.getText(sf), sink);
    } else if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr)) {
      check(expr.expression, sink, seen);
    } else if (ts.isConditionalExpression(expr)) {
      check(expr.whenTrue, sink, seen);
      check(expr.whenFalse, sink, seen);
    } else if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken) {
        check(expr.left, sink, seen);
        check(expr.right, sink, seen);
      } else if (
        op === ts.SyntaxKind.QuestionQuestionToken ||
        op === ts.SyntaxKind.BarBarToken ||
        op === ts.SyntaxKind.AmpersandAmpersandToken
      ) {
        check(expr.right, sink, seen);
        if (op !== ts.SyntaxKind.AmpersandAmpersandToken) check(expr.left, sink, seen);
      }
    } else if (ts.isIdentifier(expr) && constants.has(expr.text) && !seen.has(expr.text)) {
      seen.add(expr.text);
      check(constants.get(expr.text), sink, seen);
    } else if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) {
      // validateInput: what the function returns is shown under the input box.
      if (ts.isBlock(expr.body)) {
        const visitReturns = (node: ts.Node): void => {
          if (ts.isReturnStatement(node)) check(node.expression, sink, seen);
          else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visitReturns);
        };
        ts.forEachChild(expr.body, visitReturns);
      } else check(expr.body, sink, seen);
    }
  };

  const calleeName = (callee: ts.Expression): string | undefined =>
    ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      if (name && MESSAGE_CALLS.has(name)) {
        // The message and the buttons; an options object's `detail` is a text property like any other.
        for (const arg of node.arguments) if (!ts.isObjectLiteralExpression(arg)) check(arg, name);
      } else if (name && FIRST_ARGUMENT_CALLS.has(name)) {
        check(node.arguments[0], name);
      } else if (name === 'showError') {
        check(node.arguments[1], name);
      } else if (name === 'validateInput') {
        check(node.arguments[0], name);
      }
    } else if (ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      if (name && name in CONSTRUCTORS) for (const i of CONSTRUCTORS[name]) check(node.arguments?.[i], `new ${name}`);
      else if (name && /Error$/.test(name)) check(node.arguments?.[0], `new ${name}`);
    } else if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      const key = node.name.text;
      if (TEXT_PROPERTIES.has(key)) check(node.initializer, key);
      else if (key === 'validateInput') check(node.initializer, key);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      ASSIGNED_PROPERTIES.has(node.left.name.text)
    ) {
      check(node.right, `.${node.left.name.text} =`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
