/**
 * Custom patterns are regular expressions a person wrote — in a trusted workspace, possibly the author of a cloned
 * repository (`kmsSecrets.scanner.customPatterns` in its settings). One such as `(a+)+$` backtracks for hours on a line
 * of forty a's, and JavaScript cannot stop a regex from outside. So they run in a `vm` context with a time limit, which
 * V8 enforces even in the middle of a match: a pattern out of time is dropped for this text, and the caller is told.
 */
import { Script, createContext } from 'node:vm';

/** Time all custom patterns together may take on one text, on top of the built-in rules. */
export const CUSTOM_PATTERN_BUDGET_MS = 200;

export interface CustomPatternSource {
  id: string;
  pattern: string;
}

export interface CustomMatch {
  /** Index of the pattern in the list given. */
  pattern: number;
  line: number;
  /** Offset of the match in its line. */
  index: number;
  match: string;
  /** The first capture group, when it matched. */
  group?: string;
}

export interface CustomMatches {
  matches: CustomMatch[];
  /** Ids of the patterns that ran out of time (their matches are left out). */
  timedOut: string[];
}

// Compiled in the sandbox's realm; it reads its input from `input` and returns flat tuples (cheap to cross realms).
const MATCHER = new Script(`(() => {
  const { source, lines, maxLine } = input;
  const re = new RegExp(source, 'g');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > maxLine) continue;
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push(i, m.index, m[0], m[1]);
    }
  }
  return out;
})()`);

/**
 * Every match of each pattern in each line up to `maxLine` characters. Patterns that do not compile are skipped (the
 * settings layer reports them); patterns that exceed what is left of `budgetMs` are listed in `timedOut`.
 */
export function matchCustomPatterns(
  lines: readonly string[],
  patterns: readonly CustomPatternSource[],
  options: { maxLine: number; budgetMs?: number },
): CustomMatches {
  const result: CustomMatches = { matches: [], timedOut: [] };
  if (!patterns.length) return result;
  const deadline = Date.now() + (options.budgetMs ?? CUSTOM_PATTERN_BUDGET_MS);
  const sandbox: { input?: unknown } = {};
  const context = createContext(sandbox, { codeGeneration: { strings: false, wasm: false } });
  patterns.forEach((custom, index) => {
    try {
      new RegExp(custom.pattern, 'g');
    } catch {
      return;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      result.timedOut.push(custom.id);
      return;
    }
    sandbox.input = { source: custom.pattern, lines, maxLine: options.maxLine };
    let flat: unknown[];
    try {
      flat = MATCHER.runInContext(context, { timeout: Math.max(1, Math.ceil(left)) }) as unknown[];
    } catch {
      result.timedOut.push(custom.id);
      return;
    }
    for (let i = 0; i < flat.length; i += 4) {
      const group = flat[i + 3];
      result.matches.push({
        pattern: index,
        line: flat[i] as number,
        index: flat[i + 1] as number,
        match: flat[i + 2] as string,
        ...(typeof group === 'string' && { group }),
      });
    }
  });
  sandbox.input = undefined;
  return result;
}

/** The notice for patterns that ran out of time (names the pattern ids, never text). */
export function timedOutNotice(ids: readonly string[]): string | undefined {
  if (!ids.length) return undefined;
  const list = ids.map((id) => `"${id}"`).join(', ');
  return `Not scanned with custom pattern(s) ${list}: too slow on this file (simplify nested repetitions such as (a+)+).`;
}
