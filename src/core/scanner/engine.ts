/**
 * The scanner's orchestration: text goes through in windows (rules and matchers do the matching), candidates are
 * resolved where they overlap, and the survivors become findings. Every step is linear in the input, so no text,
 * however hostile, costs more than a bounded time per megabyte; a time budget can stop a scan between windows, and the
 * result then says which part was scanned.
 */
import * as l10n from '@vscode/l10n';
import { collectCandidates, type CollectPlan } from './collect';
import { assignFingerprints, locate, type Located } from './findings';
import { fileFormat, isTestFile, isTranslationCatalogue, type FileFormat } from './formats';
import { BINARY_SNIFF, WINDOW_BACK_CHARS, WINDOW_BACK_LINES, WINDOW_CHARS, WINDOW_OVERLAP } from './limits';
import { lineStartsOf } from './matchers/context';
import { compileCustomPatterns } from './matchers/custom';
import { resolveOverlaps } from './overlaps';
import type { DisabledPattern, Finding, ScanOptions, ScanResult, Severity } from './types';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function scanText(text: string, options: ScanOptions = {}): ScanResult {
  const scanner = new StreamScanner(options);
  scanner.push(text);
  return scanner.end();
}

/** What a scan needs beyond the text, prepared once per scan. */
export interface ScanPlan extends CollectPlan {
  format: FileFormat;
  path: string;
  minRank: number;
  ignored: ReadonlySet<string>;
  rejected: DisabledPattern[];
}

export function planFor(options: ScanOptions): ScanPlan {
  const config = options.config ?? {};
  const { ok, rejected } = compileCustomPatterns(config.customPatterns ?? []);
  return {
    disabledRules: new Set(config.disabledRules ?? []),
    customPatterns: ok,
    beforeCustomPattern: options.beforeCustomPattern,
    translations: isTranslationCatalogue(options.path),
    testFile: isTestFile(options.path),
    format: fileFormat(options.path, options.languageId),
    path: options.path ?? '',
    minRank: SEVERITY_RANK[config.minSeverity ?? 'info'],
    ignored: new Set(config.ignoredFingerprints ?? []),
    rejected,
  };
}

/**
 * Scans the lines of `text` (which starts at a line start) and returns the located findings that start inside
 * [keepFrom, keepTo) and at or after `notBefore`, with offsets and lines relative to `base`. The text on either side of
 * the kept stretch is context only: it lets line-context rules see their neighbours and overlaps resolve as in a
 * whole-text scan.
 */
export function scanStretch(
  text: string,
  plan: ScanPlan,
  binary: boolean,
  keep: { from: number; to: number; notBefore: number },
  base: { offset: number; line: number; column: number },
): { located: Located[]; keptUntil: number } {
  const split = text.split('\n');
  const lineStarts = lineStartsOf(split);
  // A line ends before a Windows `\r`: rules anchored at a line's end read CRLF files as they read LF ones.
  const lines = text.includes('\r') ? split.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)) : split;
  const window = { text, lines, lineStarts, format: plan.format, path: plan.path, binary };
  const kept = resolveOverlaps(collectCandidates(window, plan)).filter(
    (c) =>
      c.start >= keep.from &&
      c.start < keep.to &&
      c.start >= keep.notBefore &&
      SEVERITY_RANK[c.severity] >= plan.minRank,
  );
  return { located: locate(window, base, kept), keptUntil: kept.length ? kept[kept.length - 1].end : 0 };
}

/** The findings of located entries, fingerprinted in order, minus those the ignore file lists. */
export function findingsOf(located: readonly Located[], plan: ScanPlan): Finding[] {
  assignFingerprints(located, plan.path);
  const findings: Finding[] = [];
  for (const { finding } of located) if (!plan.ignored.has(finding.fingerprint!)) findings.push(finding as Finding);
  return findings;
}

/**
 * Scans text that arrives in pieces (a large file read as a stream) window by window, each window overlapping the
 * next, so memory stays bounded by the window size whatever the file's size.
 */
export class StreamScanner {
  private readonly plan: ScanPlan;
  private readonly windowChars: number;
  private readonly deadline: number;
  private buffer = '';
  /** Where `buffer` sits in the whole text. */
  private base = { offset: 0, line: 0, column: 0 };
  /** Offset (absolute) from which the next window's findings are its own. */
  private ownedFrom = 0;
  /** End (absolute) of the last finding kept: the next window must not overlap it. */
  private keptUntil = 0;
  private binary: boolean | undefined;
  private stopped = false;
  private readonly located: Located[] = [];

  constructor(options: ScanOptions) {
    this.plan = planFor(options);
    this.windowChars = Math.max(64 * 1024, options.windowChars ?? WINDOW_CHARS);
    this.deadline = options.budgetMs === undefined ? Infinity : Date.now() + options.budgetMs;
  }

  /** Adds text; scans every window that is complete. Returns false once the budget is spent (stop reading). */
  push(chunk: string): boolean {
    if (this.stopped) return false;
    this.buffer += chunk;
    if (this.binary === undefined && this.buffer.length >= BINARY_SNIFF) this.sniff();
    while (!this.stopped && this.buffer.length >= this.windowChars + WINDOW_OVERLAP) {
      this.scanWindow(false);
      if (Date.now() > this.deadline) this.stopped = true;
    }
    return !this.stopped;
  }

  end(): ScanResult {
    return this.finish().result;
  }

  /** The result, and the located findings behind it (an incremental scan keeps them to merge with later edits). */
  finish(): { result: ScanResult; located: Located[] } {
    if (this.binary === undefined) this.sniff();
    if (!this.stopped) this.scanWindow(true);
    const findings = findingsOf(this.located, this.plan);
    const result: ScanResult = { findings };
    const notices: string[] = [];
    if (this.binary) {
      result.binary = true;
      notices.push(l10n.t('Binary content: only known credential formats and private keys were looked for.'));
    }
    if (this.stopped) {
      result.partial = {
        scannedChars: this.ownedFrom,
        scannedLines: this.base.line + countLines(this.buffer, this.ownedFrom - this.base.offset),
      };
      notices.push(
        l10n.t(
          'Partly scanned for credentials: only lines 1–{0} (the scan stopped at its time budget).',
          result.partial.scannedLines,
        ),
      );
    }
    if (this.plan.rejected.length) {
      result.disabledPatterns = [...this.plan.rejected];
      notices.push(...this.plan.rejected.map((r) => r.reason));
    }
    if (notices.length) result.notice = notices.join(' ');
    return { result, located: this.located };
  }

  private sniff(): void {
    this.binary = this.buffer.slice(0, BINARY_SNIFF).includes('\0');
  }

  private scanWindow(final: boolean): void {
    const buffer = this.buffer;
    const ownedEnd = final ? buffer.length : cutAt(buffer, this.windowChars, this.windowChars / 2);
    const windowEnd = final ? buffer.length : cutAt(buffer, ownedEnd + WINDOW_OVERLAP, ownedEnd);
    const { located, keptUntil } = scanStretch(
      buffer.slice(0, windowEnd),
      this.plan,
      this.binary ?? false,
      {
        from: this.ownedFrom - this.base.offset,
        to: ownedEnd,
        notBefore: this.keptUntil - this.base.offset,
      },
      this.base,
    );
    for (const entry of located) this.located.push(entry);
    if (keptUntil) this.keptUntil = this.base.offset + keptUntil;
    if (final) {
      this.ownedFrom = this.base.offset + buffer.length;
      return;
    }
    const next = backContextStart(buffer, ownedEnd);
    this.base = advance(this.base, buffer, next);
    this.buffer = buffer.slice(next);
    this.ownedFrom = this.base.offset + (ownedEnd - next);
  }
}

/** The end of the last whole line before `limit`, if it is past `floor`; else `limit` itself (a cut mid-line). */
function cutAt(text: string, limit: number, floor: number): number {
  const newline = text.lastIndexOf('\n', limit - 1);
  return newline >= floor ? newline + 1 : limit;
}

/** Where the next window starts: a few whole lines before `ownedEnd`, so line-context rules see them. */
function backContextStart(text: string, ownedEnd: number): number {
  if (text[ownedEnd - 1] !== '\n') return ownedEnd; // cut mid-line: the line is far longer than any context
  let start = ownedEnd;
  for (let i = 0; i < WINDOW_BACK_LINES && start > 0; i++) {
    const newline = text.lastIndexOf('\n', start - 2);
    if (ownedEnd - (newline + 1) > WINDOW_BACK_CHARS) break;
    start = newline + 1;
  }
  return start;
}

function advance(
  base: { offset: number; line: number; column: number },
  text: string,
  to: number,
): { offset: number; line: number; column: number } {
  const lines = countLines(text, to);
  const lastNewline = text.lastIndexOf('\n', to - 1);
  return {
    offset: base.offset + to,
    line: base.line + lines,
    column: lastNewline < 0 ? base.column + to : to - lastNewline - 1,
  };
}

/** Newlines in text[0, to). */
function countLines(text: string, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
