/**
 * Incremental scanning for an editor: after an edit only the lines it touched, and a few lines of context either side,
 * are scanned again; findings elsewhere are shifted, not recomputed. The work for one keystroke is therefore a few
 * dozen lines whatever the document's size.
 */
import { findingsOf, planFor, scanStretch, StreamScanner, type ScanPlan } from './engine';
import type { Located } from './findings';
import { EMBEDDED_REACH } from './embeddedText';
import { PAIR_REACH } from './matchers/keyPairs';
import { findPrivateKeys, type KeyBlock } from './rules/privateKeys';
import { positionOf } from './matchers/context';
import { MAX_ROWS_CHARS } from './matchers/sqlInserts';
import { WholeFileConstructs } from './wholeFile';
import type { ScanOptions, ScanResult, TextRange } from './types';

/** One edit: replace [start, end) of the text as it was before this edit with `text` (VS Code's and LSP's order). */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

export interface EditResult extends ScanResult {
  /** What the edit cost: the lines scanned again (0-based, inclusive) and their length, or the whole text. */
  rescanned: { fromLine: number; toLine: number; chars: number; whole: boolean };
}

/**
 * Lines either side of an edit whose findings may change with it (an AccessKey ID pairs with a secret up to
 * `PAIR_REACH` lines away, a multi-line string's lines are its text up to `EMBEDDED_REACH` lines after it opens); the
 * scan itself reads as many again for their own context.
 */
export const CONTEXT_LINES = Math.max(PAIR_REACH, EMBEDDED_REACH) + 1;

export class DocumentScanner {
  private readonly plan: ScanPlan;
  private content = '';
  private lineStarts: number[] = [0];
  private located: Located[] = [];
  private last: ScanResult = { findings: [] };
  /** The text holds a whole-file construct (wholeFile.ts). */
  private wholeFile = false;
  private readonly constructs: WholeFileConstructs;
  /** The private-key blocks of the text, once an edit has needed them. */
  private keyBlocks: KeyBlock[] | undefined;

  constructor(private readonly options: ScanOptions) {
    this.plan = planFor(options);
    this.constructs = new WholeFileConstructs(this.plan);
  }

  get text(): string {
    return this.content;
  }

  get result(): ScanResult {
    return this.last;
  }

  /** Scans the whole text (within the options' budget). */
  open(text: string): ScanResult {
    this.content = text;
    this.wholeFile = this.constructs.holds(text);
    this.lineStarts = lineStartsOfText(text);
    this.keyBlocks = undefined;
    const scanner = new StreamScanner(this.options);
    scanner.push(text);
    const { result, located } = scanner.finish();
    this.located = located;
    this.last = result;
    return result;
  }

  /** Applies the changes in order, scans again what they touched, and merges with the findings elsewhere. */
  edit(changes: readonly TextChange[]): EditResult {
    const oldLength = this.content.length;
    const oldLines = this.lineStarts.length;
    let text = this.content;
    let dirty: { start: number; end: number; oldEnd: number } | undefined;
    for (const change of changes) {
      if (change.start < 0 || change.end < change.start || change.end > text.length)
        throw new RangeError(`Edit [${change.start}, ${change.end}) is outside a text of ${text.length} characters.`);
      text = text.slice(0, change.start) + change.text + text.slice(change.end);
      const d = change.text.length - (change.end - change.start);
      const prior = dirty ?? { start: change.start, end: change.start, oldEnd: change.start };
      dirty = {
        start: Math.min(prior.start, change.start),
        end: Math.max(prior.end, change.end) + d,
        oldEnd: prior.oldEnd + Math.max(0, change.end - prior.end),
      };
    }
    if (!dirty) return { ...this.last, rescanned: { fromLine: 0, toLine: -1, chars: 0, whole: false } };
    const lineStarts = editedLineStarts(this.lineStarts, text, dirty);
    if (this.needsWholeScan(text, lineStarts, dirty)) {
      const result = this.open(text);
      return {
        ...result,
        rescanned: { fromLine: 0, toLine: this.lineStarts.length - 1, chars: text.length, whole: true },
      };
    }
    const oldBlocks = this.keyBlocks ?? findPrivateKeys(this.content);
    this.content = text;
    this.lineStarts = lineStarts;
    const delta = text.length - oldLength;
    const lineDelta = this.lineStarts.length - oldLines;
    const starts = this.lineStarts;
    const lineOf = (offset: number): number => positionOf(starts, offset).line;
    const lineStart = (line: number): number => starts[Math.max(0, Math.min(line, starts.length - 1))];
    const lineEnd = (line: number): number => (line + 1 < starts.length ? starts[line + 1] : text.length);
    const lines: LineMap = { lineOf, lineStart, lineEnd };

    // Findings before the edit keep their place, those after it move; a finding across the edit is scanned again
    // (never kept: the edit may have removed it, even when what is left of it is empty).
    const moved = ({ start, end }: { start: number; end: number }) => {
      if (end <= dirty.start) return { start, end, after: false, across: false };
      if (start >= dirty.oldEnd) return { start: start + delta, end: end + delta, after: true, across: false };
      return {
        start: Math.min(start, dirty.start),
        end: end >= dirty.oldEnd ? end + delta : dirty.end,
        after: false,
        across: true,
      };
    };
    const mapped = this.located.map((entry) => ({ entry, ...moved(entry.finding) }));
    const stretch: Stretch = {
      keepFrom: lineStart(lineOf(dirty.start) - CONTEXT_LINES),
      keepTo: lineEnd(Math.min(starts.length - 1, lineOf(Math.max(dirty.start, dirty.end - 1)) + CONTEXT_LINES)),
    };
    // Each widening can reach into something the others must then take whole: widen until nothing moves. Findings are
    // taken whole (their lines); so are private-key blocks, whose BEGIN pairs with an END by every marker between
    // them, hence those of the whole text, before the edit (a block that hid what it covered, with or without a
    // finding of its own, may have shrunk) and after it.
    const blocks = findPrivateKeys(text);
    this.keyBlocks = blocks;
    const spans = [...mapped, ...oldBlocks.map(moved), ...blocks];
    for (let from = -1, to = -1; from !== stretch.keepFrom || to !== stretch.keepTo;) {
      [from, to] = [stretch.keepFrom, stretch.keepTo];
      for (const span of spans) takeWhole(stretch, span.start, span.end, lines);
      aroundStatements(text, stretch, lines);
    }
    const { keepFrom, keepTo } = stretch;
    const scanFromLine = Math.max(0, lineOf(keepFrom) - CONTEXT_LINES);
    const scanFrom = lineStart(scanFromLine);
    const scanTo = lineEnd(Math.min(starts.length - 1, lineOf(Math.max(keepFrom, keepTo - 1)) + CONTEXT_LINES));
    const { located: middle } = scanStretch(
      text.slice(scanFrom, scanTo),
      this.plan,
      false,
      { from: keepFrom - scanFrom, to: keepTo - scanFrom, notBefore: 0 },
      { offset: scanFrom, line: scanFromLine, column: 0 },
    );
    const before = mapped.filter((m) => !m.after && !m.across && m.end <= keepFrom).map((m) => m.entry);
    const after = mapped.filter((m) => m.after && m.start >= keepTo).map((m) => shifted(m.entry, delta, lineDelta));
    this.located = [...before, ...middle, ...after];
    this.last = { findings: findingsOf(this.located, this.plan) };
    return {
      ...this.last,
      rescanned: {
        fromLine: scanFromLine,
        toLine: lineOf(Math.max(scanFrom, scanTo - 1)),
        chars: scanTo - scanFrom,
        whole: false,
      },
    };
  }

  /**
   * A whole-file construct (wholeFile.ts) before the edit or after it, Markdown (a line's fence, code or prose, is
   * decided by every line above it), or a previous scan that was not complete: scan everything again.
   */
  private needsWholeScan(text: string, lineStarts: readonly number[], dirty: { start: number; end: number }): boolean {
    return (
      this.wholeFile ||
      this.plan.format === 'docs' ||
      !!this.last.partial ||
      !!this.last.binary ||
      (this.constructs.mayAppear(text, lineStarts, dirty.start, dirty.end) && this.constructs.holds(text))
    );
  }
}

/** Where lines of the edited text start and end. */
interface LineMap {
  lineOf(offset: number): number;
  lineStart(line: number): number;
  lineEnd(line: number): number;
}

/** The part of the edited text whose findings the re-scan decides (the rest are kept, moved by the edit). */
interface Stretch {
  keepFrom: number;
  keepTo: number;
}

/** Widens the stretch to the whole lines of [start, end) when that range reaches into it. */
function takeWhole(stretch: Stretch, start: number, end: number, { lineOf, lineStart, lineEnd }: LineMap): void {
  if (end <= stretch.keepFrom || start >= stretch.keepTo) return;
  stretch.keepFrom = Math.min(stretch.keepFrom, lineStart(lineOf(start)));
  stretch.keepTo = Math.max(stretch.keepTo, lineEnd(lineOf(Math.max(start, end - 1))));
}

/**
 * Widens the stretch to whole SQL INSERT statements (and EF Core's seeding calls) that reach into it: a row's values
 * are judged by the column list at the statement's start, which may be many lines above.
 */
function aroundStatements(text: string, stretch: Stretch, { lineOf, lineStart, lineEnd }: LineMap): void {
  // The statement an offset is in starts after the last `;` before it.
  const head = Math.max(0, stretch.keepFrom - MAX_ROWS_CHARS);
  const statement = text.lastIndexOf(';', stretch.keepFrom - 1) + 1;
  const from = Math.max(head, statement);
  const insert = text.slice(from, stretch.keepFrom).search(INSERT_INTO);
  if (insert >= 0) stretch.keepFrom = lineStart(lineOf(from + insert));
  const { keepFrom, keepTo } = stretch;
  const open = Math.max(keepFrom, text.lastIndexOf(';', keepTo - 1) + 1);
  if (INSERT_INTO.test(text.slice(open, keepTo))) {
    const end = text.indexOf(';', keepTo);
    const last = end >= 0 && end - keepTo <= MAX_ROWS_CHARS ? end : Math.min(text.length, keepTo + MAX_ROWS_CHARS) - 1;
    stretch.keepTo = lineEnd(lineOf(Math.max(keepTo, last)));
  }
}

/**
 * SQL's INSERT, and EF Core's InsertData and UpdateData calls (matchers/migrationSeeds.ts), whose columns come first;
 * a table of values (`USING (VALUES …) AS source (…)`), whose columns come last.
 */
const INSERT_INTO = /\binsert\s+(?:ignore\s+)?into\b|\b(?:insert|update)data\s*\(|\(\s*values\s*\(/i;

function shifted(entry: Located, delta: number, lineDelta: number): Located {
  const move = (r: TextRange): TextRange => ({
    start: r.start + delta,
    end: r.end + delta,
    line: r.line + lineDelta,
    column: r.column,
    endLine: r.endLine + lineDelta,
    endColumn: r.endColumn,
  });
  const { finding } = entry;
  return { ...entry, finding: { ...finding, ...move(finding), literal: move(finding.literal) } };
}

/** Line starts after an edit: kept before it, found again inside it, shifted after it. */
function editedLineStarts(
  old: readonly number[],
  text: string,
  dirty: { start: number; end: number; oldEnd: number },
): number[] {
  const delta = dirty.end - dirty.oldEnd;
  const kept = positionOf(old, dirty.start).line + 1; // starts at or before the edit: their newline precedes it
  const inside: number[] = [];
  for (let i = text.indexOf('\n', dirty.start); i >= 0 && i < dirty.end; i = text.indexOf('\n', i + 1))
    inside.push(i + 1);
  let after = kept;
  while (after < old.length && old[after] <= dirty.oldEnd) after++;
  const starts = new Array<number>(kept + inside.length + old.length - after);
  let n = 0;
  for (let i = 0; i < kept; i++) starts[n++] = old[i];
  for (const start of inside) starts[n++] = start;
  for (let i = after; i < old.length; i++) starts[n++] = old[i] + delta;
  return starts;
}

function lineStartsOfText(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
