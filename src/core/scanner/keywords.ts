/**
 * One pass over the lower-cased text finds every rule keyword and the lines it sits on, so the rules run only on lines
 * that can match (most lines of most files have none). Overlapping keywords are all found: after each match the search
 * goes on from the next character, and a keyword found also stands for each keyword that is a prefix of it.
 */
export class KeywordIndex {
  private readonly pattern: RegExp;
  private readonly prefixes = new Map<string, string[]>();

  constructor(keywords: Iterable<string>) {
    const unique = [...new Set([...keywords].map((k) => k.toLowerCase()).filter(Boolean))].sort(
      (a, b) => b.length - a.length,
    );
    for (const k of unique)
      this.prefixes.set(
        k,
        unique.filter((p) => k.startsWith(p)),
      );
    const escaped = unique.map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    // Longest first, so a position reports its longest keyword (and, through `prefixes`, the ones it starts with).
    this.pattern = new RegExp(`(?:${escaped.join('|')})`, 'g');
  }

  /** Line index → the keywords on that line. `lower` must be `text.toLowerCase()` with the same length as the text. */
  linesOf(lower: string, lineStarts: readonly number[]): Map<number, Set<string>> {
    const lines = new Map<number, Set<string>>();
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    let line = 0;
    for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= m.index) line++;
      let found = lines.get(line);
      if (!found) lines.set(line, (found = new Set()));
      for (const k of this.prefixes.get(m[0]) ?? [m[0]]) found.add(k);
      pattern.lastIndex = m.index + 1;
    }
    return lines;
  }
}
