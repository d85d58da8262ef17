/**
 * Configuration held by a multi-line string literal in source code: a YAML or `.env` block in a Python triple-quoted
 * string, a Java or Kotlin text block, a JavaScript template literal or Go raw string, a Ruby or PHP heredoc. Its lines
 * are read as the configuration they are (a bare `password: x` is a value there, not an identifier). A line counts as
 * inside such a string up to `EMBEDDED_REACH` lines after the one that opens it, so what a line is read as depends on a
 * bounded neighbourhood (an edit changes no line further away) and one pass over the lines finds them all.
 */

/** How many lines after its opening line a multi-line string's lines are read as its text. */
export const EMBEDDED_REACH = 24;

/** `= """`, `("""`, `return '''`, `f"""`: a triple-quoted string opened at the end of an expression's start. */
const OPENS_TRIPLE = /(?:[=(,:[{]|\breturn|=>)\s*[rRbBuUfFsS]{0,2}("""|''')[^"']*$/;
/** `` = ` ``, `` yaml` ``: a template literal or raw string opened and left open. */
const OPENS_BACKTICK = /(?:[=(,:[{?]|\breturn|=>|\w)\s*`[^`]*$/;
/**
 * `<<~YAML`, `<<-EOF`, `<<<'EOT'`, `<<"END"`: a heredoc and its closing word, in the languages that have them (elsewhere
 * `1<<SHIFT` is a shift).
 */
const OPENS_HEREDOC = /<<(?:<\s?|[~-])?(["']?)([A-Z_][A-Z0-9_]{0,30})\1/;
const HAS_HEREDOCS = /\.(rb|rake|gemspec|php|pl|pm)$|(^|\/)(Rakefile|Gemfile|Vagrantfile)$/;

type Open = { line: number; close: (text: string) => boolean };

/** The lines (0-based) of `lines` that stand inside a multi-line string literal of the source file at `path`. */
export function embeddedTextLines(lines: readonly string[], path: string): Set<number> {
  const heredocs = HAS_HEREDOCS.test(path);
  const inside = new Set<number>();
  let open: Open | undefined;
  lines.forEach((text, index) => {
    if (open && index - open.line > EMBEDDED_REACH) open = undefined;
    if (open) {
      if (open.close(text)) open = undefined;
      else inside.add(index);
      return;
    }
    if (text.length > 1000) return;
    open = opening(text, index, heredocs);
  });
  return inside;
}

function opening(text: string, line: number, heredocs: boolean): Open | undefined {
  if (text.includes('"""') || text.includes("'''")) {
    const m = OPENS_TRIPLE.exec(text);
    if (!m || count(text, m[1]) !== 1) return undefined;
    const quote = m[1];
    return { line, close: (t) => t.includes(quote) };
  }
  if (text.includes('`') && count(text, '`') % 2 === 1 && OPENS_BACKTICK.test(text))
    return { line, close: (t) => count(t, '`') % 2 === 1 };
  if (heredocs && text.includes('<<')) {
    const m = OPENS_HEREDOC.exec(text);
    if (!m) return undefined;
    const end = new RegExp(`^\\s*${m[2]}\\b`);
    return { line, close: (t) => end.test(t) };
  }
  return undefined;
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
