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
    // As a trie (`pass(?:word|phrase)?`): a flat alternation of hundreds of words tries each of them at every position.
    this.pattern = new RegExp(trieSource(unique), 'g');
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

/**
 * A pattern matching the longest of `words` that starts at a position: at each node the continuations come before the
 * end of a word, and at most one continuation can match (they start with different characters).
 */
function trieSource(words: readonly string[]): string {
  interface Node {
    children: Map<string, Node>;
    end: boolean;
  }
  const root: Node = { children: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.children.get(ch);
      if (!child) node.children.set(ch, (child = { children: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const escape = (ch: string): string => ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const source = (node: Node): string => {
    const continuations = [...node.children].map(([ch, child]) => escape(ch) + source(child));
    if (!continuations.length) return '';
    const body = continuations.length === 1 ? continuations[0] : `(?:${continuations.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return source(root) || '(?!)';
}
