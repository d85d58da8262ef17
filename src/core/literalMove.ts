/**
 * Plans the text edits of "Move to KMS secret" and "Use existing secret": which text becomes the secret value, and what
 * replaces it. Config-like files get the reference in place of the value; source code gets an environment lookup in
 * place of the whole string literal, and the references env file gets `NAME=kms://…`. Pure, so every case is
 * unit-tested.
 */
import { envLookup, isConfigLike } from './codeEdits';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** The text that holds a finding: a quoted string literal, or an unquoted config value. */
export interface Literal {
  /** The value without quotes: what goes into KMS. */
  valueStart: number;
  valueEnd: number;
  /** The literal including its quotes (equal to the value span when unquoted). */
  start: number;
  end: number;
  quote?: string;
}

const QUOTES = new Set(['"', "'", '`']);

/**
 * The literal around [start, end): the nearest enclosing quotes on the same line, else the unquoted value of a
 * `key = value` / `key: value` line (to the end of the line, without a trailing comment), else the finding itself.
 * A finding inside a connection string therefore moves the whole string: it is the secret the program reads.
 */
export function literalAround(text: string, start: number, end: number): Literal {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;

  // Every opening quote before `start` looks for its closing quote from `end` on, so each quote character's closing
  // position is found once: linear in the line, however many quotes it holds.
  const closing = new Map<string, number>();
  for (let open = start - 1; open >= lineStart; open--) {
    const quote = text[open];
    if (!QUOTES.has(quote) || isEscaped(text, open)) continue;
    let close = closing.get(quote);
    if (close === undefined) closing.set(quote, (close = findClosingQuote(text, quote, end, lineEnd)));
    if (close >= end) return { valueStart: open + 1, valueEnd: close, start: open, end: close + 1, quote };
  }

  const line = text.slice(lineStart, lineEnd);
  const assignment = /^\s*(?:export\s+)?[^\s=:]+\s*(?:=|:\s)\s*/.exec(line);
  if (assignment && lineStart + assignment[0].length <= start) {
    const valueStart = lineStart + assignment[0].length;
    let valueEnd = lineEnd;
    const comment = /\s+#.*$/.exec(text.slice(end, lineEnd));
    if (comment) valueEnd = end + comment.index;
    while (valueEnd > end && /\s/.test(text[valueEnd - 1])) valueEnd--;
    return { valueStart, valueEnd, start: valueStart, end: valueEnd };
  }
  return { valueStart: start, valueEnd: end, start, end };
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function findClosingQuote(text: string, quote: string, from: number, lineEnd: number): number {
  for (let i = from; i < lineEnd; i++) {
    if (text[i] === quote && !isEscaped(text, i)) return i;
  }
  return -1;
}

export interface MovePlanInput {
  text: string;
  /** The finding's range (the secret itself). */
  start: number;
  end: number;
  languageId: string;
  path?: string;
  /** The `kms://…` reference that replaces the literal. */
  reference: string;
  /** The environment variable that code reads (used for source files only). */
  envVarName: string;
}

export interface MovePlan {
  /** What goes into KMS (the literal's value, unescaped where the quotes escape). */
  secretValue: string;
  /** Edits to the file that held the literal, in ascending order. */
  edits: TextEdit[];
  /** For source files: the entry to add to the references env file. */
  envEntry?: { key: string; value: string };
}

export function planMoveToReference(input: MovePlanInput): MovePlan {
  const literal = literalAround(input.text, input.start, input.end);
  const raw = input.text.slice(literal.valueStart, literal.valueEnd);
  const secretValue =
    literal.quote === '"' || literal.quote === '`'
      ? unescapeDoubleQuoted(raw)
      : literal.quote === "'"
        ? raw.replace(/\\'/g, "'")
        : raw;
  const lookup = isConfigLike(input.languageId, input.path) ? undefined : envLookup(input.languageId, input.envVarName);
  if (!lookup) {
    return { secretValue, edits: [{ start: literal.valueStart, end: literal.valueEnd, newText: input.reference }] };
  }
  const edits: TextEdit[] = [];
  if (lookup.import && !hasImport(input.text, lookup.import.module, lookup.import.statement)) {
    edits.push({
      start: importOffset(input.text),
      end: importOffset(input.text),
      newText: `${lookup.import.statement}\n`,
    });
  }
  const replacement = literal.quote ? lookup.expression : (lookup.interpolation ?? lookup.expression);
  edits.push({ start: literal.start, end: literal.end, newText: replacement });
  return { secretValue, edits, envEntry: { key: input.envVarName, value: input.reference } };
}

function unescapeDoubleQuoted(raw: string): string {
  return raw.replace(/\\(["\\`nrt])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}

function hasImport(text: string, module: string, statement: string): boolean {
  if (text.includes(statement)) return true;
  const escaped = module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (
    new RegExp(
      `^\\s*(import\\s+${escaped}\\b|from\\s+${escaped}\\s+import|#include\\s*[<"]${escaped}[>"]|using\\s+${escaped}\\s*;|import\\s*\\([^)]*"${escaped}")`,
      'm',
    ).test(text) || new RegExp(`^\\s*"${escaped}"\\s*$`, 'm').test(text)
  );
}

/** After a shebang, an encoding line or a leading `package` clause, so the new import stays legal. */
function importOffset(text: string): number {
  let offset = 0;
  const lines = text.split('\n');
  for (const line of lines) {
    if (/^#!|^#.*coding[:=]|^package\s+\w+|^<\?php/.test(line)) offset += line.length + 1;
    else break;
  }
  return Math.min(offset, text.length);
}
