/**
 * Remembers every secret value the process has seen and blanks it out of any text before that text is shown or logged.
 * Pure: used by the extension's log, the CLI's output masking and error sanitising alike.
 */
import { maskedForms } from './masking/forms';

export const MASK = '******';

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
    // The same spellings output masking knows: JSON members, JSON-escaped, line by line…
    for (const candidate of maskedForms(value)) this.values.add(candidate);
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

function buildPattern(values: Set<string>): RegExp {
  // Longest first, so a value that contains another is masked whole.
  const sorted = [...values].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
