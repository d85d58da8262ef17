/**
 * Configuration held by a multi-line string literal in source code: a YAML or `.env` block in a Python triple-quoted
 * string, a Java or Kotlin text block, a JavaScript template literal or Go raw string, a Ruby or PHP heredoc, a C#
 * verbatim string (`@"Server=db;` then `Password=x;";` a line below, the last line read too), a Terraform heredoc
 * (`user_data = <<-EOF`), a Nomad job's template (`data = <<EOF`; not Terragrunt's `generate`, Terraform code). Its
 * lines are read as the configuration they are (a bare `password: x` is a value there, not an identifier). A line
 * counts as inside such a string up to `EMBEDDED_REACH` lines after the one that opens it, so what a line is read as
 * depends on a bounded neighbourhood (an edit changes no line further away) and one pass over the lines finds them all.
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
const HAS_HEREDOCS =
  /\.(rb|rake|gemspec|php|pl|pm|tf|nomad)$|(?<!terragrunt)\.hcl$|(^|\/)(Rakefile|Gemfile|Vagrantfile)$/;
/** Languages with multi-line backtick strings (elsewhere a backtick is a character in a string, as in Python). */
const HAS_BACKTICK_STRINGS = /\.(m?[jt]sx?|c[jt]s|vue|svelte|astro|go)$/;
/** Languages with triple-quoted strings or text blocks. */
const HAS_TRIPLE_QUOTES = /\.(py|pyi|java|kt|kts|scala|sc|swift|groovy|gradle|jl|ex|exs|dart|cs)$/;
/** C#'s verbatim strings: `@"…"` (also interpolated, `$@"…"`), where `""` is a quote and a line break is text. */
const HAS_VERBATIM = /\.cs$/;
const OPENS_VERBATIM = /(?:@\$?|\$@)"/;

/** What every opening line holds: the lines to try are found in one pass over the text. */
const MAY_OPEN = /"""|'''|`|<<|@"|\$@"/g;

/** `closing` marks a string whose closing line holds text of its own (a verbatim string's last line). */
type Open = { line: number; close: (text: string) => boolean; closing?: boolean };
type Kinds = { heredocs: boolean; backticks: boolean; triples: boolean; verbatim: boolean };

/**
 * The lines (0-based) that stand inside a multi-line string literal of the source file at `path`; `lines` and
 * `lineStarts` are those of `text`.
 */
export function embeddedTextLines(
  text: string,
  lines: readonly string[],
  lineStarts: readonly number[],
  path: string,
): Set<number> {
  const kinds: Kinds = {
    heredocs: HAS_HEREDOCS.test(path),
    backticks: HAS_BACKTICK_STRINGS.test(path),
    triples: HAS_TRIPLE_QUOTES.test(path),
    verbatim: HAS_VERBATIM.test(path),
  };
  if (!kinds.heredocs && !kinds.backticks && !kinds.triples && !kinds.verbatim) return new Set();
  const inside = new Set<number>();
  let line = 0;
  MAY_OPEN.lastIndex = 0;
  for (let m = MAY_OPEN.exec(text); m; m = MAY_OPEN.exec(text)) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= m.index) line++;
    const open = lines[line].length <= 1000 ? opening(lines[line], line, kinds) : undefined;
    let next = line + 1;
    if (open)
      for (; next < lines.length && next - line <= EMBEDDED_REACH; next++) {
        if (open.close(lines[next])) {
          if (open.closing) inside.add(next);
          next++; // the closing line opens nothing
          break;
        }
        inside.add(next);
      }
    if (next >= lineStarts.length) break;
    line = next;
    MAY_OPEN.lastIndex = lineStarts[next];
  }
  return inside;
}

function opening(text: string, line: number, kinds: Kinds): Open | undefined {
  if (kinds.triples && (text.includes('"""') || text.includes("'''"))) {
    const m = OPENS_TRIPLE.exec(text);
    if (!m || count(text, m[1]) !== 1) return undefined;
    const quote = m[1];
    return { line, close: (t) => t.includes(quote) };
  }
  if (kinds.backticks && text.includes('`') && count(text, '`') % 2 === 1 && OPENS_BACKTICK.test(text))
    return { line, close: (t) => count(t, '`') % 2 === 1 };
  if (kinds.verbatim && text.includes('"')) {
    const m = OPENS_VERBATIM.exec(text);
    if (m && !hasQuote(text.slice(m.index + m[0].length))) return { line, close: (t) => hasQuote(t), closing: true };
  }
  if (kinds.heredocs && text.includes('<<')) {
    const m = OPENS_HEREDOC.exec(text);
    if (!m) return undefined;
    const end = new RegExp(`^\\s*${m[2]}\\b`);
    return { line, close: (t) => end.test(t) };
  }
  return undefined;
}

/** A verbatim string's closing quote: a `"` that is not half of a `""`. */
const hasQuote = (text: string): boolean => text.replace(/""/g, '').includes('"');

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
