/**
 * Constructs that decide findings far from themselves: a Kubernetes Secret's `kind:` every value under `data:`, a
 * SealedSecret's that no value is judged by its key, a `CREATE TABLE` the columns of inserts without a column list, a
 * signing call whether a literal far above is its key, an HTML table's header the values of its credential's column… A
 * document that holds one is scanned whole again on every edit (incremental.ts).
 *
 * Whether an edit made one appear is decided from the lines around it, not by reading the whole text again: each
 * construct is found within a few lines (or, for a few, from the text's start), so the edit touched it, and it lies
 * among those lines. Only a signing flow reaches further, through the names its calls use, which are kept from the
 * last whole reading (an edit that adds a call reads the text again).
 */
import type { FileFormat } from './formats';
import { holdsAlgoliaClient } from './matchers/browserKeys';
import { positionOf } from './matchers/context';
import { isDelimitedExport } from './matchers/delimitedColumns';
import { holdsCredentialTable } from './matchers/htmlTables';
import { holdsSealedSecret, KUBERNETES_SECRET, mayHoldSealedSecret } from './matchers/kubernetes';
import { holdsCredentialRecord } from './matchers/positionalArguments';
import { holdsSigningFlow, mayMakeSigningFlow, signingUses, usedNamesPattern } from './matchers/signingFlows';
import { holdsColumnlessInserts, mayHoldColumnlessInserts } from './matchers/sqlInserts';
import { holdsRandomPassword } from './matchers/terraformState';

/** A construct's lines, blank lines aside, are at most this many, or hold at most REACH_CHARS characters. */
const REACH_LINES = 32;
const REACH_CHARS = 1_000;

export class WholeFileConstructs {
  /** The names the signing calls of the text last read whole used, as a pattern for an edit's lines. */
  private usedNames: RegExp | undefined;

  constructor(private readonly plan: { format: FileFormat; path: string }) {}

  /** Reads the whole text: whether it holds a construct. */
  holds(text: string): boolean {
    const { format, path } = this.plan;
    const uses = format === 'code' ? signingUses(text) : undefined;
    this.usedNames = usedNamesPattern(uses);
    return (
      (format === 'config' && KUBERNETES_SECRET.test(text)) ||
      holdsSealedSecret(text) ||
      holdsColumnlessInserts(text) ||
      holdsRandomPassword(text) ||
      isDelimitedExport(path, text) ||
      holdsCredentialRecord(text) ||
      (!!uses && holdsSigningFlow(text, uses)) ||
      holdsAlgoliaClient(text) ||
      holdsCredentialTable(text)
    );
  }

  /**
   * After an edit of [start, end) (offsets in the edited text) in a text that held no construct: whether it may hold
   * one now. Reads the lines around the edit, and only a JSON text's start besides.
   */
  mayAppear(text: string, lineStarts: readonly number[], start: number, end: number): boolean {
    const { format, path } = this.plan;
    const around = linesAround(text, lineStarts, start, end);
    return (
      (format === 'config' && KUBERNETES_SECRET.test(around)) ||
      mayHoldSealedSecret(around, text) ||
      mayHoldColumnlessInserts(around) ||
      holdsRandomPassword(around) ||
      isDelimitedExport(path, text) ||
      holdsCredentialRecord(around) ||
      (format === 'code' && mayMakeSigningFlow(around, this.usedNames)) ||
      holdsAlgoliaClient(around) ||
      holdsCredentialTable(around)
    );
  }
}

/**
 * The lines of [start, end) and those either side, until REACH_LINES lines and REACH_CHARS characters that are not
 * blank are passed each way: any construct the edit touched lies within them.
 */
function linesAround(text: string, lineStarts: readonly number[], start: number, end: number): string {
  const last = lineStarts.length - 1;
  const lineEnd = (line: number): number => (line < last ? lineStarts[line + 1] : text.length);
  /** The length of a line, 0 when it is blank. */
  const weight = (line: number): number => {
    const content = text.slice(lineStarts[line], lineEnd(line));
    return /\S/.test(content) ? content.length : 0;
  };
  let first = positionOf(lineStarts, start).line;
  for (let lines = 0, chars = 0; first > 0 && (lines < REACH_LINES || chars < REACH_CHARS); first--) {
    const w = weight(first - 1);
    if (w) [lines, chars] = [lines + 1, chars + w];
  }
  let final = positionOf(lineStarts, Math.max(start, end - 1)).line;
  for (let lines = 0, chars = 0; final < last && (lines < REACH_LINES || chars < REACH_CHARS); final++) {
    const w = weight(final + 1);
    if (w) [lines, chars] = [lines + 1, chars + w];
  }
  return text.slice(lineStarts[first], lineEnd(final));
}
