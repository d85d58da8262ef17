/**
 * Exclude globs (`kmsSecrets.scanner.exclude`, `--exclude`, the default excludes), matched against a path relative to
 * the workspace or the current directory, written with `/`: `*`, `?`, `[…]`, `**`, `{a,b}`, `{1..9}`, extglobs, and a
 * leading `!` that negates. Dot files match like any other (`**\/.git/**`). Linear in the path: see pathPattern.ts.
 */
import { PathPattern } from './pathPattern';

/** A glob whose braces make more globs than this matches nothing: no exclude needs them, a hostile one would. */
export const MAX_BRACE_EXPANSION = 256;

/** Whether a path matches any of the globs. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const tests = globs.map(globTest);
  return (path) => {
    const segments = path.split('/');
    return tests.some((test) => test(segments));
  };
}

function globTest(glob: string): (segments: readonly string[]) => boolean {
  const negated = /^!(?!\()/.test(glob);
  const expanded = expandBraces(negated ? glob.slice(1) : glob);
  const patterns = expanded.length > MAX_BRACE_EXPANSION ? [] : expanded.map((g) => new PathPattern(g.split('/')));
  const test = (segments: readonly string[]): boolean => patterns.some((p) => p.matches(segments));
  return negated ? (segments) => !test(segments) : test;
}

/**
 * Every glob the first `{…}` (and then the rest) stands for: `{a,b}` its alternatives, `{1..3}` the numbers; a brace
 * without a comma or range, or escaped, is a character. Stops growing past MAX_BRACE_EXPANSION.
 */
export function expandBraces(glob: string): string[] {
  const open = findBrace(glob);
  if (!open) return [glob];
  const { start, end, alternatives } = open;
  const results: string[] = [];
  for (const alternative of alternatives) {
    for (const expanded of expandBraces(glob.slice(0, start) + alternative + glob.slice(end + 1))) {
      results.push(expanded);
      if (results.length > MAX_BRACE_EXPANSION) return results;
    }
  }
  return results;
}

/** The first brace that expands: its offsets and what it stands for. */
function findBrace(glob: string): { start: number; end: number; alternatives: string[] } | undefined {
  const opens: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{') opens.push(i);
    else if (c === '}' && opens.length) {
      const start = opens.pop()!;
      if (opens.length) continue;
      const alternatives = braceAlternatives(glob.slice(start + 1, i));
      if (alternatives) return { start, end: i, alternatives };
    }
  }
  return undefined;
}

/** `a,b{c,d}` → `a`, `b{c,d}` (commas inside inner braces stay); `1..3` → 1, 2, 3; anything else is no brace. */
function braceAlternatives(body: string): string[] | undefined {
  const range = /^(-?\d{1,6})\.\.(-?\d{1,6})$/.exec(body);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (Math.abs(to - from) >= MAX_BRACE_EXPANSION) return [];
    const step = from <= to ? 1 : -1;
    return Array.from({ length: Math.abs(to - from) + 1 }, (_, k) => String(from + k * step));
  }
  const alternatives: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      alternatives.push(body.slice(from, i));
      from = i + 1;
    }
  }
  if (!alternatives.length) return undefined;
  alternatives.push(body.slice(from));
  return alternatives;
}
