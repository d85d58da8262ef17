/**
 * One pass over the lower-cased text finds every rule keyword and the lines it sits on, so the rules run only on lines
 * that can match (most lines of most files have none). The keywords are an Aho–Corasick automaton: one table step per
 * character, however many keywords there are, and every keyword is found, overlapping ones too.
 */
export class KeywordIndex {
  /** Character code → its column in the table; 0 for every character no keyword holds. */
  private readonly columnOf = new Uint8Array(0x10000);
  private readonly width: number;
  /** `row + column` → the next state's row (`state * width`) shifted left one bit, the low bit set if keywords end there. */
  private readonly next: Uint32Array;
  /** Per state, the keywords that end there (its own and those its failure links reach); undefined for most. */
  private readonly ends: (readonly string[] | undefined)[];

  constructor(keywords: Iterable<string>) {
    // A keyword never spans lines: a hit's line is the line of its last character.
    const words = [...new Set([...keywords].map((k) => k.toLowerCase()).filter((k) => k && !k.includes('\n')))];
    let columns = 1;
    for (const word of words)
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        if (!this.columnOf[code]) this.columnOf[code] = columns++;
      }
    if (columns > 256) throw new Error('Keywords use more than 255 distinct characters.');
    this.width = columns;
    const { next, ends } = automaton(words, this.columnOf, columns);
    this.next = next;
    this.ends = ends;
  }

  /** Line index → the keywords on that line. `lower` must be `text.toLowerCase()` with the same length as the text. */
  linesOf(lower: string, lineStarts: readonly number[]): Map<number, Set<string>> {
    const lines = new Map<number, Set<string>>();
    const { columnOf, next, ends, width } = this;
    let state = 0;
    let line = -1;
    let nextLine = 0; // where the line after `line` starts
    let found = new Set<string>();
    for (let i = 0; i < lower.length; i++) {
      state = next[(state >>> 1) + columnOf[lower.charCodeAt(i)]];
      if ((state & 1) === 0) continue;
      const words = ends[(state >>> 1) / width];
      if (nextLine <= i) {
        while (nextLine <= i) nextLine = ++line + 1 < lineStarts.length ? lineStarts[line + 1] : Infinity;
        lines.set(line, (found = new Set()));
      }
      for (const word of words!) found.add(word);
    }
    return lines;
  }
}

/** The automaton's full transition table (failure links folded in) and the keywords ending at each state. */
function automaton(
  words: readonly string[],
  columnOf: Uint8Array,
  width: number,
): { next: Uint32Array; ends: (readonly string[] | undefined)[] } {
  // The trie first: state 0 is the root, 0 in the table means "no child yet".
  const states = 1 + words.reduce((sum, word) => sum + word.length, 0);
  const next = new Uint32Array(states * width);
  const ends: (string[] | undefined)[] = [];
  let count = 1;
  for (const word of words) {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const cell = state * width + columnOf[word.charCodeAt(i)];
      if (!next[cell]) next[cell] = count++;
      state = next[cell];
    }
    (ends[state] ??= []).push(word);
  }
  // Then breadth first: a missing transition goes where the failure state's would; a state also ends every keyword its
  // failure state ends.
  const fail = new Uint32Array(count);
  const queue: number[] = [];
  for (let column = 0; column < width; column++) {
    const child = next[column];
    if (child) queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    const inherited = ends[fail[state]];
    if (inherited) ends[state] = [...(ends[state] ?? []), ...inherited];
    for (let column = 0; column < width; column++) {
      const cell = state * width + column;
      const fallback = next[fail[state] * width + column];
      if (next[cell]) {
        fail[next[cell]] = fallback;
        queue.push(next[cell]);
      } else next[cell] = fallback;
    }
  }
  // Each entry becomes the next state's row offset, shifted left one bit, with the low bit set when keywords end there:
  // the scan's step is then a shift and an add, and most characters need no second lookup.
  const table = new Uint32Array(count * width);
  for (let cell = 0; cell < table.length; cell++)
    table[cell] = ((next[cell] * width) << 1) | (ends[next[cell]] ? 1 : 0);
  return { next: table, ends };
}
