/**
 * The spellings in which a program really prints a secret value, so output masking catches them and not only the raw
 * bytes. Base64, hex, URL-encoding and shell quoting are deliberately not covered (README, security model): a program
 * that transforms a value can always print it in a form no masker knows.
 */

/** Values shorter than this are not masked (masking "1" or "on" would shred the output without protecting anything). */
export const MIN_MASKED_LENGTH = 4;
/** A single line of a multi-line value is masked on its own only from this length (a PEM body line has 64). */
export const MIN_MASKED_LINE_LENGTH = 8;

/** Every form of `value` worth masking, each at least MIN_MASKED_LENGTH long; empty for short values. */
export function maskedForms(value: string): string[] {
  const forms = new Set<string>();
  for (const candidate of [value, ...jsonMembers(value)]) addSpellings(candidate, forms);
  if (/[\r\n]/.test(value)) {
    for (const line of value.split(/\r?\n|\r/)) {
      const trimmed = line.trim();
      if (trimmed.length >= MIN_MASKED_LINE_LENGTH) addSpellings(trimmed, forms);
    }
  }
  return [...forms];
}

function addSpellings(value: string, forms: Set<string>): void {
  if (value.length < MIN_MASKED_LENGTH) return;
  forms.add(value);
  // A terminal turns every "\n" into "\r\n".
  if (value.includes('\n')) forms.add(value.replace(/\r?\n/g, '\r\n'));
  // JSON.stringify (console.log of an object, loggers): quotes, backslashes and control characters escaped…
  const json = JSON.stringify(value).slice(1, -1);
  forms.add(json);
  // …and with non-ASCII as \uXXXX, as Python's json.dumps writes it by default.
  forms.add(json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  // Line breaks written as \n with nothing else escaped (printf-style debug output, single-line log formats).
  forms.add(value.replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
}

/** The string members of a JSON object value (RDS, RAM and ECS managed secrets hold JSON). */
function jsonMembers(value: string): string[] {
  const trimmed = value.trim();
  if (!trimmed.startsWith('{')) return [];
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
    return Object.values(parsed as Record<string, unknown>).filter((m): m is string => typeof m === 'string');
  } catch {
    return [];
  }
}
