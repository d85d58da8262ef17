/** How many word ends the scan notes before it reads them. */
const HIT_BATCH = 1024;

/**
 * One pass over the text finds every rule keyword and the lines it sits on, so the rules run only on lines that can
 * match (most lines of most files have none). The keywords are an Aho–Corasick automaton: one table step per
 * character, however many keywords there are, and every keyword is found, overlapping ones too. Letters are matched in
 * any case, as in the lower-cased text, without lower-casing the text (a whole-text copy cost more than the pass).
 *
 * The same pass finds gate words: words a whole-text matcher cannot match without (`insert`, `].join(`). They mark no
 * line; the pass only says which of them the text holds, so a matcher asks a set instead of searching the text again.
 */
export class KeywordIndex {
  /** Character code → its column in the table; 0 for every character no keyword holds. */
  private readonly columnOf = new Uint8Array(0x10000);
  private readonly width: number;
  /** `row + column` → the next state's row (`state * width`) shifted left one bit, the low bit set if words end there. */
  private readonly next: Uint32Array;
  /** Per state, the keywords that end there (its own and those its failure links reach); undefined for most. */
  private readonly ends: (readonly string[] | undefined)[];
  /** Per state, the gate words that end there. */
  private readonly gateEnds: (readonly string[] | undefined)[];
  /** Where the words of a batch end, and the state each ends in (reused: a scan allocates nothing per character). */
  private readonly hitAt = new Int32Array(HIT_BATCH);
  private readonly hitState = new Uint32Array(HIT_BATCH);

  constructor(keywords: Iterable<string>, gateWords: Iterable<string> = []) {
    // A keyword never spans lines: a hit's line is the line of its last character.
    const usable = (words: Iterable<string>): string[] => [
      ...new Set([...words].map((k) => k.toLowerCase()).filter((k) => k && !k.includes('\n'))),
    ];
    const lineWords = usable(keywords);
    const gates = usable(gateWords);
    const words = [...new Set([...lineWords, ...gates])];
    let columns = 1;
    for (const word of words)
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        if (!this.columnOf[code]) this.columnOf[code] = columns++;
      }
    if (columns > 256) throw new Error('Keywords use more than 255 distinct characters.');
    for (const [code, lower] of caseVariants(words, this.columnOf)) this.columnOf[code] = this.columnOf[lower];
    this.width = columns;
    const { next, ends } = automaton(words, this.columnOf, columns);
    const among = (kept: ReadonlySet<string>): (readonly string[] | undefined)[] =>
      Array.from(ends, (found) => {
        const words = found?.filter((w) => kept.has(w));
        return words?.length ? words : undefined;
      });
    this.next = next;
    this.ends = among(new Set(lineWords));
    this.gateEnds = among(new Set(gates));
  }

  /**
   * Line index → the keywords on that line (lower case). The gate words the text holds are added to `gates` when it
   * is given.
   */
  linesOf(text: string, lineStarts: readonly number[], gates?: Set<string>): Map<number, Set<string>> {
    const lines = new Map<number, Set<string>>();
    const { columnOf, next, ends, gateEnds, width, hitAt, hitState } = this;
    let state = 0;
    let line = -1;
    let nextLine = 0; // where the line after `line` starts
    let found = new Set<string>();
    // The table steps run in a tight loop that only notes where words end; the words are read after each batch.
    for (let i = 0; i < text.length;) {
      let hits = 0;
      for (; i < text.length && hits < HIT_BATCH; i++) {
        state = next[(state >>> 1) + columnOf[text.charCodeAt(i)]];
        if ((state & 1) === 0) continue;
        hitAt[hits] = i;
        hitState[hits++] = state;
      }
      for (let h = 0; h < hits; h++) {
        const at = ((hitState[h] >>> 1) / width) | 0;
        const gateWords = gateEnds[at];
        if (gateWords && gates) for (const word of gateWords) gates.add(word);
        const words = ends[at];
        if (!words) continue;
        const end = hitAt[h];
        if (nextLine <= end) {
          while (nextLine <= end) nextLine = ++line + 1 < lineStarts.length ? lineStarts[line + 1] : Infinity;
          lines.set(line, (found = new Set()));
        }
        for (const word of words) found.add(word);
      }
    }
    return lines;
  }
}

/**
 * Characters whose lower case is another character some word holds, each with that character: the text is then read
 * as if lower-cased. (`İ`, whose lower case is two characters, shifted the lower-cased text: it matches nothing.)
 */
function caseVariants(words: readonly string[], columnOf: Uint8Array): [number, number][] {
  const variants: [number, number][] = [];
  const add = (code: number): void => {
    const lower = String.fromCharCode(code).toLowerCase();
    if (lower.length === 1 && columnOf[lower.charCodeAt(0)] && !columnOf[code])
      variants.push([code, lower.charCodeAt(0)]);
  };
  // Only A–Z and the Kelvin sign lower-case to ASCII letters; words with other cased letters have every character tried.
  const cased = words.some((word) =>
    [...word].some((char) => char.charCodeAt(0) > 0x7f && char.toUpperCase() !== char),
  );
  if (cased) for (let code = 0; code < columnOf.length; code++) add(code);
  else {
    for (let code = 0x41; code <= 0x5a; code++) add(code);
    add(0x212a);
  }
  return variants;
}

/**
 * The automaton's full transition table (failure links folded in) and the keywords ending at each state. Each row is
 * built as a copy of its failure state's row with the state's own children written over it: a native copy per state
 * rather than a step per cell, so a worker that starts does not spend tens of milliseconds here.
 */
function automaton(
  words: readonly string[],
  columnOf: Uint8Array,
  width: number,
): { next: Uint32Array; ends: (readonly string[] | undefined)[] } {
  // The trie first: state 0 is the root, 0 in `trie` means "no child yet"; each state's children are also linked in a
  // list (first child, next sibling) so the breadth-first pass visits children without reading whole rows.
  const most = 1 + words.reduce((sum, word) => sum + word.length, 0);
  const trie = new Uint32Array(most * width);
  const firstChild = new Uint32Array(most);
  const sibling = new Uint32Array(most);
  const columnAt = new Uint8Array(most);
  const ends: (string[] | undefined)[] = [];
  let count = 1;
  for (const word of words) {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const column = columnOf[word.charCodeAt(i)];
      const cell = state * width + column;
      if (!trie[cell]) {
        trie[cell] = count;
        columnAt[count] = column;
        sibling[count] = firstChild[state];
        firstChild[state] = count++;
      }
      state = trie[cell];
    }
    (ends[state] ??= []).push(word);
  }
  // Then breadth first, so a state's failure state (always shallower) has its row complete. Each entry is the next
  // state's row offset shifted left one bit, with the low bit set when keywords end there: the scan's step is then a
  // shift and an add, and most characters need no second lookup. A state also ends every keyword its failure state
  // ends.
  const table = new Uint32Array(count * width);
  const fail = new Uint32Array(count);
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    const row = state * width;
    const failRow = fail[state] * width;
    if (state) table.copyWithin(row, failRow, failRow + width);
    for (let child = firstChild[state]; child; child = sibling[child]) {
      if (state) fail[child] = (table[failRow + columnAt[child]] >>> 1) / width;
      const inherited = ends[fail[child]];
      if (inherited) ends[child] = [...(ends[child] ?? []), ...inherited];
      table[row + columnAt[child]] = ((child * width) << 1) | (ends[child] ? 1 : 0);
      queue.push(child);
    }
  }
  return { next: table, ends };
}
