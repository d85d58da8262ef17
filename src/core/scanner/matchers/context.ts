/** What every matcher receives: one window of text split into lines, the file's format, and where to put candidates. */
import type { FileFormat } from '../formats';
import type { Candidate } from '../types';

/** Where overlapping candidates meet, the higher priority wins (see overlaps.ts). */
export const PRIORITY = {
  privateKey: 5,
  connection: 4,
  token: 4,
  akSecret: 3,
  custom: 3,
  kubernetes: 2,
  assignment: 1,
} as const;

/** Takes a fresh candidate object (the engine completes it in place). */
export type Add = (candidate: Candidate, priority: number) => void;

/** A stretch of text as the engine hands it over. */
export interface TextWindow {
  /** The window's text; every offset a matcher reports is relative to it. */
  text: string;
  lines: string[];
  lineStarts: number[];
  format: FileFormat;
  path?: string;
  /** Binary content (a NUL near the start): only the known-format rules apply. */
  binary: boolean;
}

/** A window as the matchers read it, with what the one keyword pass over its text found. */
export interface Window extends TextWindow {
  /** Line index → the keywords on that line (lower case); lines without any are absent. */
  keywordLines: ReadonlyMap<number, ReadonlySet<string>>;
}

/** How far a line is indented (a blank line: its whole length). */
export const indentOf = (line: string): number => line.length - line.trimStart().length;

/** Where the last character at or before `from` that is not a space or a tab stands in `line` (-1 when none). */
export function lastNonSpace(line: string, from: number): number {
  let i = from;
  while (i >= 0 && (line[i] === ' ' || line[i] === '\t')) i--;
  return i;
}

/** A line's keywords include one of `keywords`: the few found on the line are looked up, not every keyword. */
export function hasAny(found: ReadonlySet<string>, keywords: ReadonlySet<string>): boolean {
  for (const word of found) if (keywords.has(word)) return true;
  return false;
}

export function lineStartsOf(lines: readonly string[]): number[] {
  const starts: number[] = new Array(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = offset;
    offset += lines[i].length + 1;
  }
  return starts;
}

/** The 0-based line and column of an offset (binary search over line starts). */
export function positionOf(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, column: offset - lineStarts[low] };
}
