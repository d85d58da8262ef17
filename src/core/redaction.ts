/**
 * Remembers every secret value the process has seen and blanks it out of any text before that text is shown or logged.
 * Pure: used by the extension's log, the CLI's output masking and error sanitising alike.
 */
export const MASK = '******';

/** Values shorter than this are not registered: masking "1" or "on" would shred ordinary log lines without protecting anything. */
const MIN_LENGTH = 4;

/** Query parameters the Alibaba Cloud SDK puts into URLs it embeds in error messages. */
const SENSITIVE_QUERY_PARAMS = [
  'Signature',
  'SecurityToken',
  'SecretData',
  'AccessKeyId',
  'SignatureNonce',
  'AccessKeySecret',
];
const SENSITIVE_QUERY = new RegExp(`([?&](?:${SENSITIVE_QUERY_PARAMS.join('|')})=)[^&\\s"']*`, 'g');

export class Redactor {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;

  /** Registers a value (and, for JSON objects, each string member) so later text never shows it. */
  register(value: string | undefined): void {
    if (!value) return;
    const before = this.values.size;
    for (const candidate of expand(value)) {
      if (candidate.length >= MIN_LENGTH) this.values.add(candidate);
    }
    if (this.values.size !== before) this.pattern = undefined;
  }

  get size(): number {
    return this.values.size;
  }

  redact(text: string): string {
    let result = text.replace(SENSITIVE_QUERY, `$1${MASK}`);
    if (this.values.size === 0) return result;
    this.pattern ??= buildPattern(this.values);
    result = result.replace(this.pattern, MASK);
    return result;
  }
}

function expand(value: string): string[] {
  const out = [value];
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed && typeof parsed === 'object') {
        for (const member of Object.values(parsed as Record<string, unknown>)) {
          if (typeof member === 'string') out.push(member);
        }
      }
    } catch {
      // Not JSON: the whole value is registered, which is all there is to mask.
    }
  }
  // A value may reach a log line JSON-escaped (quotes, backslashes, newlines).
  for (const candidate of [...out]) {
    const escaped = JSON.stringify(candidate).slice(1, -1);
    if (escaped !== candidate) out.push(escaped);
  }
  return out;
}

function buildPattern(values: Set<string>): RegExp {
  // Longest first, so a value that contains another is masked whole.
  const sorted = [...values].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
