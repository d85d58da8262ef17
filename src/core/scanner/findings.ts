/**
 * Kept candidates become findings: exact positions, the literal a quick fix replaces, a message that names the kind and
 * never the value, and a fingerprint that says nothing about the value. Per-finding work looks at a bounded stretch of
 * its line, so a long line with many findings still costs linear time.
 */
import * as l10n from '@vscode/l10n';
import { kindName } from './kindNames';
import { createHash } from 'node:crypto';
import { literalAround } from '../literalMove';
import { isIgnoredInline } from './ignore';
import { FINGERPRINT_LINE, FINGERPRINT_REACH, LINE_REACH } from './limits';
import { positionOf, type TextWindow } from './matchers/context';
import type { Candidate, Finding, TextRange } from './types';

/** Where a window sits in the whole text. */
export interface WindowBase {
  offset: number;
  line: number;
  /** Column of the window's first character in its line (non-zero only when a window starts mid-line). */
  column: number;
}

/** A finding before its fingerprint: `key` (rule and context) groups findings told apart only by occurrence. */
export interface Located {
  finding: Omit<Finding, 'fingerprint'> & { fingerprint?: string };
  key: string;
  context: string;
  /** The occurrence the fingerprint was computed for (an incremental scan keeps the hash while it holds). */
  occurrence?: number;
}

export function locate(window: TextWindow, base: WindowBase, kept: readonly Candidate[]): Located[] {
  const { text, lines, lineStarts } = window;
  const ignoredLines = new Map<number, boolean>();
  const isIgnored = (line: number): boolean => {
    let ignored = ignoredLines.get(line);
    if (ignored === undefined) ignoredLines.set(line, (ignored = isIgnoredInline(lines, line)));
    return ignored;
  };
  const range = (start: number, end: number): TextRange => {
    const from = positionOf(lineStarts, start);
    const to = end === start ? from : positionOf(lineStarts, end);
    return {
      start: base.offset + start,
      end: base.offset + end,
      line: base.line + from.line,
      column: from.column + (from.line === 0 ? base.column : 0),
      endLine: base.line + to.line,
      endColumn: to.column + (to.line === 0 ? base.column : 0),
    };
  };

  const located: Located[] = [];
  for (const candidate of kept) {
    const at = positionOf(lineStarts, candidate.start);
    if (isIgnored(at.line)) continue;
    const secret = text.slice(candidate.start, candidate.end);
    const context = fingerprintContext(lineAround(lines[at.line], at.column, secret.length), secret);
    const span = range(candidate.start, candidate.end);
    located.push({
      finding: {
        start: span.start,
        end: span.end,
        line: span.line,
        column: span.column,
        endLine: span.endLine,
        endColumn: span.endColumn,
        ruleId: candidate.ruleId,
        kind: candidate.kind,
        kindLabel: kindName(candidate.kind),
        severity: candidate.severity,
        message: messageFor(candidate),
        nameHint: candidate.nameHint,
        literal: literalOf(window, candidate, range),
      },
      key: `${candidate.ruleId}\0${context}`,
      context,
    });
  }
  return located;
}

/** The line a finding sits on, cut to a stretch around it when the line is long (minified code, data). */
function lineAround(line: string, column: number, length: number): string {
  if (line.length <= FINGERPRINT_LINE) return line;
  return line.slice(Math.max(0, column - FINGERPRINT_REACH), column + length + FINGERPRINT_REACH);
}

/**
 * The literal a finding sits in, as the quick fixes replace it: the enclosing quoted string on its line (a connection
 * string, a quoted value), the value of an unquoted `key = value`, else the secret itself. One definition, in
 * literalMove; it is given only the stretch of the lines around the finding.
 */
function literalOf(
  { text, lineStarts, lines }: TextWindow,
  candidate: Candidate,
  range: (start: number, end: number) => TextRange,
): TextRange {
  const first = positionOf(lineStarts, candidate.start).line;
  const last = positionOf(lineStarts, candidate.end).line;
  const from = Math.max(lineStarts[first], candidate.start - LINE_REACH);
  const to = Math.min(lineStarts[last] + lines[last].length, candidate.end + LINE_REACH);
  const literal = literalAround(text.slice(from, to), candidate.start - from, candidate.end - from);
  return range(from + literal.start, from + literal.end);
}

function messageFor(candidate: Candidate): string {
  return findingMessage({
    kind: candidate.kind,
    quotedName: candidate.namedInText ? candidate.nameHint : undefined,
  });
}

/**
 * A finding's sentence: names the kind (and the key it was assigned to, when read from the text), never the value. In the
 * display language (@vscode/l10n; scan workers receive the extension's bundle when they start).
 */
export function findingMessage(finding: { kind: string; quotedName?: string }): string {
  const name = finding.quotedName;
  return name && /^[\w.$@-]{1,80}$/.test(name)
    ? l10n.t('Hard-coded {0} in "{1}". Move it to KMS and reference it instead.', kindName(finding.kind), name)
    : l10n.t('Hard-coded {0}. Move it to KMS and reference it instead.', kindName(finding.kind));
}

/**
 * Gives each located finding its fingerprint (rule, path, the line without the secret, and which such occurrence it
 * is), in text order.
 */
export function assignFingerprints(located: readonly Located[], path: string): void {
  const occurrences = new Map<string, number>();
  for (const entry of located) {
    const occurrence = occurrences.get(entry.key) ?? 0;
    occurrences.set(entry.key, occurrence + 1);
    if (entry.finding.fingerprint && entry.occurrence === occurrence) continue;
    entry.occurrence = occurrence;
    entry.finding.fingerprint = fingerprintFor({
      ruleId: entry.finding.ruleId,
      path,
      context: entry.context,
      occurrence,
    });
  }
}

/** The line a finding starts on with the secret cut out and the ends trimmed: what a fingerprint hashes besides rule and path. */
export function fingerprintContext(lineText: string, secret: string): string {
  return lineText.replace(/\r$/, '').replace(secret.split('\n')[0], '\u2022').trim();
}

export interface FingerprintInput {
  ruleId: string;
  /** Path relative to the project root, forward slashes ('' for an unsaved document). */
  path: string;
  /** `fingerprintContext(line, secret)`: the line without the secret. */
  context: string;
  /** Which finding with the same rule, path and context this is (0 for the first). */
  occurrence?: number;
}

/**
 * The fingerprint of a finding: 32 hex characters of SHA-256 over rule, path, the line without the secret and the
 * occurrence. Nothing derived from the value goes in, so a committed ignore file reveals nothing about it (a hash of a
 * short password could be brute-forced); editing the value keeps the finding ignored, editing the rest of the line does
 * not.
 */
export function fingerprintFor(input: FingerprintInput): string {
  const key = `${input.ruleId}\0${input.path}\0${input.context}`;
  return createHash('sha256')
    .update(`${key}\0${input.occurrence ?? 0}`)
    .digest('hex')
    .slice(0, 32);
}
