/**
 * Patterns are written with named groups, for the reader; the hot loops run a copy whose groups are numbered, because
 * V8 builds a `groups` object for every match of a pattern with named groups (a million matches on a dense tree).
 */
export interface NumberedPattern {
  pattern: RegExp;
  /** Group name → its number in `pattern`. */
  groups: ReadonlyMap<string, number>;
}

/** `pattern` with each `(?<name>…)` made a plain group and each `\k<name>` a numbered back-reference; same matches. */
export function numberGroups(pattern: RegExp, flags = pattern.flags): NumberedPattern {
  const source = pattern.source;
  const groups = new Map<string, number>();
  let out = '';
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const named = !inClass && /^k<([A-Za-z_$][\w$]*)>/.exec(source.slice(i + 1, i + 100));
      if (named) {
        if (!groups.has(named[1])) throw new Error(`\\k<${named[1]}> comes before its group in /${source}/`);
        // wrapped, so a digit after it is not read as part of the number
        out += `(?:\\${groups.get(named[1])})`;
        i += named[0].length;
      } else {
        out += c + source[i + 1];
        i++;
      }
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '(' && source[i + 1] !== '?') {
      count++;
      out += c;
    } else if (c === '(' && source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
      const close = source.indexOf('>', i);
      groups.set(source.slice(i + 3, close), ++count);
      out += '(';
      i = close;
    } else out += c;
  }
  return { pattern: new RegExp(out, flags), groups };
}
