/**
 * A token pattern opens with the boundary `B` (two lookbehinds), which the regex engine tests at every position of a
 * line before it looks at the token's first character. Led by that first atom, the same pattern turns most positions
 * away with one test: the same matches (the atom must stand there anyway), found two to four times as fast (Discord's
 * pattern over a server log: 94 → 41 ms with a lookahead for the atom; over lines that say `token`, 72 → 36 ms more
 * with the atom matched first and the boundary looked for behind it). An atom that repeats (`\d{15,16}`) is looked
 * ahead for. (Behind, the boundary is tested where the atom started only while no alternative of a group atom ends
 * another, `(?:ab|b)`: none does; the unit test compares every rule's matches.)
 */
import { B } from '../rules/vendorTokens';

/** B as a RegExp's `source` spells it (`/` escaped). */
const BOUNDARY = new RegExp(B).source;

export function ledByFirstAtom(pattern: RegExp): RegExp {
  if (!pattern.source.startsWith(`${BOUNDARY}(`)) return pattern;
  const body = pattern.source.slice(BOUNDARY.length + 1);
  const atom = firstAtom(body);
  if (!atom) return pattern;
  const rest = body.slice(atom.length);
  return new RegExp(
    /^[*+?{]/.test(rest) ? `(?=${atom})${pattern.source}` : `(${atom}(?<=${BOUNDARY}(?:${atom}))${rest}`,
    pattern.flags,
  );
}

/**
 * The first atom of a capture group's body, when every match of the group starts with it: none when the group's top
 * level has alternatives or the atom may repeat zero times.
 */
function firstAtom(body: string): string | undefined {
  let end = atomEnd(body, 0);
  if (end === undefined || mayBeAbsent(body, end)) return undefined;
  // A literal prefix is looked ahead for whole (`LTAI`, not `L`): fewer positions get past it.
  while (isLiteral(body, end - 1) && isLiteral(body, end) && !/[?*+{]/.test(body[end + 1] ?? '')) end++;
  // The rest of the group must hold no top-level `|`.
  let depth = 0;
  for (let i = 0; i < body.length;) {
    const next = atomEnd(body, i);
    const c = body[i];
    if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) return body.slice(0, end);
    else if (c === '|' && depth === 0) return undefined;
    i = c === '(' || c === ')' || c === '|' || next === undefined ? i + 1 : next;
  }
  return undefined;
}

/** The atom ending at `end` may match zero times. */
function mayBeAbsent(body: string, end: number): boolean {
  return body[end] === '?' || body[end] === '*' || body.startsWith('{0', end);
}

/** The character at `i`, which ends or follows an atom, stands for itself (a letter, digit, `_` or `-`, not escaped). */
function isLiteral(body: string, i: number): boolean {
  return /[\w-]/.test(body[i] ?? '') && body[i - 1] !== '\\';
}

/** Where the atom starting at `i` ends: a class, an escape, a non-capturing group, or one literal character. */
function atomEnd(source: string, i: number): number | undefined {
  const c = source[i];
  if (c === '\\') return i + 2;
  if (c === '[') {
    for (let j = i + 1; j < source.length; j++) {
      if (source[j] === '\\') j++;
      else if (source[j] === ']') return j + 1;
    }
    return undefined;
  }
  if (c === '(') {
    if (!source.startsWith('(?:', i)) return undefined;
    let depth = 0;
    for (let j = i; j < source.length; j++) {
      if (source[j] === '\\') j++;
      else if (source[j] === '[') j = (atomEnd(source, j) ?? source.length) - 1;
      else if (source[j] === '(') depth++;
      else if (source[j] === ')' && --depth === 0) return j + 1;
    }
    return undefined;
  }
  return /[\w-]/.test(c ?? '') ? i + 1 : undefined;
}
