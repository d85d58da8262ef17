/**
 * A path glob matched a path segment at a time, without regular expressions: `**` segments step through a small
 * automaton over the path's segments, every other segment is a `Matcher` of @isaacs/nonrecursive-glob-match (a Thompson
 * NFA). Globs come from workspace settings, `.gitignore` files and `--config` files, so from a cloned repository: a
 * compiled glob such as `*a*a*a*a*a*a*a*a*a*a*a*ab`, or `**\/a/**\/a/**\/a/**\/a/**\/a/**\/a/b` against a deep path, kept
 * picomatch and ignore backtracking for minutes. Here a test costs at most segments × pattern parts × segment length.
 */
import { Matcher } from '@isaacs/nonrecursive-glob-match';

export interface PathPatternOptions {
  /** Letter case is ignored (what `.gitignore` files get, as on the file systems of macOS and Windows). */
  nocase?: boolean;
  /** `@(a|b)` and friends are plain characters (git's patterns have none). */
  noext?: boolean;
}

/** A pattern of more segments than this matches nothing (no real one comes near it): its state fits in a number. */
export const MAX_PATTERN_SEGMENTS = 30;

/**
 * The parts a pattern's position may be at, a bit per part; the bit of `parts.length` is set when the whole pattern
 * matched; 0 when no path that starts so can match.
 */
export type PatternState = number;

const MAGIC = /[*?[\\]|[@!+]\(/;

export class PathPattern {
  private readonly tests: ((segment: string) => boolean)[] = [];
  /** A bit for each `**` part. */
  private readonly globstars: number = 0;

  /** `segments`: the pattern split at `/`; a segment `**` matches any number of path segments, none included. */
  constructor(segments: readonly string[], options: PathPatternOptions = {}) {
    if (segments.length > MAX_PATTERN_SEGMENTS) return;
    for (const [i, segment] of segments.entries()) {
      if (segment === '**') this.globstars |= 1 << i;
      this.tests.push(segment === '**' ? () => true : segmentTest(segment, options));
    }
  }

  /** Whether the whole path (its segments) matches. */
  matches(segments: readonly string[]): boolean {
    let state = this.start();
    for (let i = 0; i < segments.length && state; i++) state = this.step(state, segments[i]);
    return this.accepts(state);
  }

  start(): PatternState {
    return this.tests.length ? this.close(1) : 0;
  }

  /** The state after one more path segment. */
  step(state: PatternState, segment: string): PatternState {
    let next = 0;
    for (let i = 0; i < this.tests.length; i++) {
      const bit = 1 << i;
      if (!(state & bit)) continue;
      if (this.globstars & bit) next |= bit;
      else if (this.tests[i](segment)) next |= bit << 1;
    }
    return this.close(next);
  }

  accepts(state: PatternState): boolean {
    return (state & (1 << this.tests.length)) !== 0;
  }

  /** A `**` may match no segment: whoever stands before one also stands after it. */
  private close(state: PatternState): PatternState {
    for (let i = 0; i < this.tests.length; i++) if (state & this.globstars & (1 << i)) state |= 1 << (i + 1);
    return state;
  }
}

function segmentTest(segment: string, { nocase = false, noext = false }: PathPatternOptions): (s: string) => boolean {
  if (!MAGIC.test(segment)) {
    const literal = nocase ? segment.toLowerCase() : segment;
    return nocase ? (s) => s.toLowerCase() === literal : (s) => s === literal;
  }
  // a `**` inside a segment (`a**b`) is a `*`, as in git and picomatch; dot files are files like any other
  const matcher = new Matcher(segment, { dot: true, nocase, noext });
  return (s) => matcher.testUnchecked(s);
}
