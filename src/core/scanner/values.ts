/**
 * Decides whether an assigned value is a real credential or something that only sits where one would: placeholders,
 * environment lookups, references, templates, UI text, hashes. Every false positive here is a reason to turn the
 * scanner off, so this errs towards silence for generic rules (known token formats do not come through here).
 */
import { looksLikeReference } from '../reference';
import { characterClasses, shannonEntropy } from './entropy';

const PLACEHOLDER_WORDS = new Set([
  'password', 'passwd', 'pass', 'secret', 'token', 'changeme', 'change_me', 'change-me', 'changeit', 'example', 'sample',
  'placeholder', 'default', 'none', 'null', 'nil', 'undefined', 'empty', 'todo', 'tbd', 'fixme', 'xxx', 'redacted', 'hidden',
  'masked', 'dummy', 'fake', 'test', 'testing', 'foo', 'bar', 'foobar', 'value', 'string', 'required', 'optional', 'true',
  'false', 'yes', 'no', 'on', 'off', 'secretkey', 'apikey', 'api_key', 'mysecret', 'mypassword', 'yourpassword', 'letmein',
  'your_password', 'your-password', 'your_secret', 'your_token', 'your_api_key', 'insert_here', 'replace_me', 'notset',
  'not_set', 'unset', 'n/a', 'na', 'str', 'text', 'env', 'auto', '$auto', 'secure', 'private', 'public', 'admin', 'root',
]);

const PLACEHOLDER_PATTERNS: RegExp[] = [
  /^<[^<>]*>$/, // <password>
  /^\[[^[\]]*\]$/, // [password]
  /^\{[^{}]*\}$/, // {password}
  /\$\{[^}]*\}/, // ${VAR}
  /\{\{[^}]*\}\}/, // {{ var }}
  /\{%.*%\}/, // {% tag %}
  /%\([\w.-]+\)[sd]/, // %(password)s
  /^%[\w.-]+%$/, // %VAR%
  /^\$[A-Za-z_][\w]*$/, // $VAR
  /^\$\([^)]*\)$/, // $(command)
  /^#\{[^}]*\}$/, // #{var}
  /^@[\w.]+@$/, // @token@
  /^_+[A-Z0-9_]+_+$/, // __TOKEN__
  /^(x+|\*+|\.+|-+|#+|0+|•+)$/i,
  /\*{3,}/, // ***
  /^(your|my|the|enter|insert|put|replace|some|add)[-_ ]?(own[-_ ])?[a-z_-]*$/i, // your-api-key-here
  /(^|[-_])(here|example|placeholder|changeme|dummy|sample|redacted)([-_]|$)/i,
  /example/i, // AKIAIOSFODNN7EXAMPLE, documentation keys
  /\.\.\.|\u2026|redacted|not[-_ ]?a[-_ ]?real|fake|dummy/i, // truncated or redacted samples
  /^\$/, // $VAR, $(command), $2b$… hashes
  /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/, // ACCESS_TOKEN: a constant's name, not its value
  /^(true|false|null|none|nil)$/i,
];

/** Code that produces the value at run time (a lookup, a call, a variable), not a literal. */
const INDIRECTIONS: RegExp[] = [
  /process\.env/, /os\.environ/, /os\.getenv/i, /getenv\s*\(/i, /System\.getenv/, /Environment\.GetEnvironmentVariable/,
  /\bENV\[/, /\$env:/i, /\bsecretKeyRef\b/, /\bvalueFrom\b/, /^!vault\b/, /^vault:/, /^op:\/\//, /^ENC\(/, /^arn:aws:/,
  /^projects\/[^/]+\/secrets\//, /^@Microsoft\.KeyVault/, /^\$\{\{\s*secrets\./, /^sm:\/\//,
];

export interface ValueCheck {
  /** Minimum length (generic passwords are allowed to be short-ish). */
  minLength: number;
  /** Minimum Shannon entropy, for weak context (a key name that only says "key"). */
  minEntropy?: number;
  /** Require letters mixed with digits or symbols (weak context). */
  mixed?: boolean;
}

/**
 * Filler that documentation and tests put where a token goes: long runs of one character (xxxx, AAAA, ####) and
 * keyboard sequences (123456789, abcdefghij, aBcDeFgHiJ).
 */
export function isFiller(text: string): boolean {
  if (/(.)\1{5,}/.test(text)) return true;
  const lower = text.toLowerCase();
  return ['0123456789', '123456789', 'abcdefghij', 'qwertyuiop', 'zyxwvutsrq', '9876543210'].some((run) => lower.includes(run));
}

export function isPlausibleSecret(raw: string, check: ValueCheck): boolean {
  const value = raw.trim();
  if (value.length < check.minLength || value.length > 1000) return false;
  if (looksLikeReference(value) || value.startsWith('kms://') || value.startsWith('acs:kms:')) return false;
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return false;
  if (PLACEHOLDER_PATTERNS.some((p) => p.test(value))) return false;
  if (INDIRECTIONS.some((p) => p.test(value))) return false;
  if (isProse(value)) return false;
  if (/^(https?|file):\/\/[^:@]*$/i.test(value)) return false; // a URL without credentials
  if (/^[./~]*[\w.-]+\/[\w./-]+\.(pem|key|crt|json|txt|p12|pfx|jks)$/i.test(value)) return false; // a path to a key file
  if (new Set(value).size <= 2 || isFiller(value)) return false;
  if (check.minEntropy !== undefined && shannonEntropy(value) < check.minEntropy) return false;
  if (check.mixed && characterClasses(value) < 2) return false;
  return true;
}

/** "Enter your password", "Password is required": words and spaces, a label or a message rather than a secret. */
function isProse(value: string): boolean {
  const words = value.split(/\s+/).filter(Boolean);
  if (words.length >= 2 && words.filter((w) => /^[A-Za-z][a-z]*[.,:!?]?$/.test(w)).length >= words.length - 1) return true;
  return /[.!?:]$/.test(value) && words.length >= 2;
}

/** Identifier-like right-hand sides in code (`password = password`, `token: string`): not a literal. */
export function isIdentifierOrType(value: string): boolean {
  return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*(\(\))?$/.test(value) || /^(str|string|String|int|bool|boolean|number|Optional\[.*\]|any)$/.test(value);
}

/** Hex digests, UUIDs and integrity hashes: flagged only when the key says it is a secret, never by entropy alone. */
export function isHashLike(value: string): boolean {
  return /^[0-9a-f]{32}$|^[0-9a-f]{40}$|^[0-9a-f]{64}$|^[0-9a-f]{128}$/i.test(value)
    || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
    || /^(sha(1|256|384|512)|md5)[-:]/i.test(value);
}
