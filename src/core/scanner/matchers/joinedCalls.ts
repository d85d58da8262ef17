/**
 * A call a formatter broke over lines (`jwt.sign(\n  payload,\n  '…',\n)`, `SymmetricSecurityKey(\n  Encoding.UTF8.GetBytes(…))`),
 * or an assignment broken after its `=`:
 * its lines are joined as the call would read on one line, and the sites that wait for a call's words read the joined
 * text. Offsets map back to the lines they came from; a match across a line break is dropped.
 */
import type { FileFormat } from '../formats';
import { MAX_ASSIGNMENT_LINE } from '../limits';
import { scanAssignments } from './assignments';
import { indentOf, type Add } from './context';

/** How many lines below its opening a broken call may go on. */
const CALL_REACH = 6;
/** The longest line a joined call takes in: the arguments of a call, not minified code. */
const MAX_PART = 300;

interface Piece {
  /** Where the piece starts in the joined text. */
  at: number;
  /** Where it starts in the window. */
  offset: number;
}

/** A lookup opened at the line's end (`secret: config.get<string>(`), its name and default on the lines below. */
export const OPENS_LOOKUP = /\b(?:get|getenv|env|fetch|lookup)\w{0,20}(?:<[\w\s|[\]]{1,40}>)?\(\s*$/i;

/**
 * The line opens a call it does not close (it ends with `(` or `,` and has more `(` than `)`), an assignment whose
 * value the next line holds (`SymmetricSecurityKey Key =` above `new(Encoding.UTF8.GetBytes("…"))`), or a Ruby call
 * without parentheses whose arguments go on below (`provider :github,`).
 */
export function opensCall(line: string): boolean {
  const trimmed = line.trimEnd();
  const last = trimmed.at(-1);
  return ((last === '(' || last === ',') && depthOf(line) > 0) || endsWithAssignment(trimmed) || opensCommand(trimmed);
}

const endsWithAssignment = (trimmed: string): boolean => trimmed.endsWith('=') && !/[=!<>+\-*/%&|^?:]=$/.test(trimmed);
/** A Ruby call of a symbol and arguments, without parentheses, that a comma continues: `provider :github,`. */
const opensCommand = (trimmed: string): boolean =>
  trimmed.endsWith(',') && /^\s*[a-z_]\w{0,40}\s+:\w{1,40}\s*,/.test(trimmed);

export function scanJoinedCall(
  lines: readonly string[],
  lineStarts: readonly number[],
  index: number,
  format: FileFormat,
  keywordsOf: (lower: string) => ReadonlySet<string> | undefined,
  add: Add,
  /** Every site reads the joined text, not only those that wait for their own words (a lookup's default). */
  allSites = false,
): void {
  const first = lines[index];
  if (first.length > MAX_PART) return;
  let text = first;
  const pieces: Piece[] = [{ at: 0, offset: lineStarts[index] }];
  let depth = depthOf(first);
  const assigns = endsWithAssignment(first.trimEnd());
  const command = opensCommand(first.trimEnd());
  for (
    let i = index + 1;
    i < lines.length &&
    i <= index + CALL_REACH &&
    (depth > 0 || (assigns && i === index + 1) || (command && lines[i - 1].trimEnd().endsWith(',')));
    i++
  ) {
    const line = lines[i];
    if (line.length > MAX_PART) return;
    if (opensCall(line) && i > index + 1) break; // a call of its own, not this one's arguments
    const indent = indentOf(line);
    text += ' ';
    pieces.push({ at: text.length, offset: lineStarts[i] + indent });
    text += line.slice(indent);
    depth += depthOf(line);
  }
  if (pieces.length === 1 || text.length > MAX_ASSIGNMENT_LINE) return;
  const lower = text.toLowerCase();
  const found = keywordsOf(lower);
  if (found) scanAssignments(text, lower, found, 0, format, mapped(add, pieces), lines, index, !allSites);
}

/** Open minus closed parentheses outside strings (a join that runs on is bounded by CALL_REACH). */
function depthOf(text: string): number {
  let depth = 0;
  let quote = 0; // the quote of the string the scan is in (brackets there are text: `"q8#zv!(n9c…"`), or 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === BACKSLASH) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 || c === 39 || c === 96) quote = c;
    else if (c === 40) depth++;
    else if (c === 41) depth--;
  }
  return depth;
}
const BACKSLASH = 92;

/** Candidates in the joined text, moved to the window's offsets. */
function mapped(add: Add, pieces: readonly Piece[]): Add {
  return (candidate, priority) => {
    let i = pieces.length - 1;
    while (i > 0 && pieces[i].at > candidate.start) i--;
    const piece = pieces[i];
    const next = pieces[i + 1];
    // on the first line the line's own reading finds it; across a line break it is no literal
    if (i === 0 || (next && candidate.end > next.at - 1)) return;
    const shift = piece.offset - piece.at;
    candidate.start += shift;
    candidate.end += shift;
    add(candidate, priority);
  };
}
