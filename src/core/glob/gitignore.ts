/**
 * The rules of one `.gitignore` file, read as git reads them (gitignore(5)): blank lines and `#` comments skipped,
 * trailing spaces dropped unless escaped, `!` re-includes, a trailing `/` matches folders only, a pattern with a `/`
 * before its end is anchored to the file's folder, one without matches at any depth, a trailing `/**` matches what is
 * inside (not the folder), and nothing inside an ignored folder comes back. Case is ignored. Linear in the path: see
 * pathPattern.ts (a repository's `.gitignore` is as hostile as the rest of it).
 */
import { PathPattern } from './pathPattern';

interface Rule {
  pattern: PathPattern;
  negated: boolean;
  foldersOnly: boolean;
}

export class GitignoreRules {
  private readonly rules: Rule[];

  constructor(text: string) {
    this.rules = text.split(/\r?\n/).flatMap((line) => {
      const rule = parseLine(line);
      return rule ? [rule] : [];
    });
  }

  /**
   * Whether git ignores a path relative to the file's folder, written with `/`; a folder's path ends with `/`. A path
   * whose folder is ignored is ignored.
   */
  ignores(path: string): boolean {
    const folder = path.endsWith('/');
    const segments = (folder ? path.slice(0, -1) : path).split('/');
    const states = this.rules.map((rule) => rule.pattern.start());
    for (let i = 0; i < segments.length; i++) {
      const isFolder = folder || i < segments.length - 1;
      let ignored = false;
      for (let r = 0; r < this.rules.length; r++) {
        const { pattern, negated, foldersOnly } = this.rules[r];
        if (states[r]) states[r] = pattern.step(states[r], segments[i]);
        if (pattern.accepts(states[r]) && (isFolder || !foldersOnly)) ignored = !negated;
      }
      if (ignored) return true;
    }
    return false;
  }
}

function parseLine(line: string): Rule | undefined {
  // trailing spaces go unless escaped (counted from the end: a regular expression here is quadratic in a line of spaces)
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && line[end - 2] !== '\\') end--;
  let text = line.slice(0, end);
  if (!text || text.startsWith('#')) return undefined;
  const negated = text.startsWith('!');
  if (negated || text.startsWith('\\!') || text.startsWith('\\#')) text = text.slice(1);
  const foldersOnly = text.endsWith('/');
  if (foldersOnly) text = text.slice(0, -1);
  if (!text) return undefined;
  const anchored = text.includes('/');
  const segments = (text.startsWith('/') ? text.slice(1) : text).split('/');
  if (!anchored) segments.unshift('**');
  // `dir/**` is what is inside dir, at least one segment deep
  if (segments.length > 1 && segments[segments.length - 1] === '**') segments.splice(-1, 1, '*', '**');
  return { pattern: new PathPattern(segments, { nocase: true, noext: true }), negated, foldersOnly };
}
