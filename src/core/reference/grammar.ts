/**
 * The secret-reference grammar: the ONE place that recognises and parses references (formatting is in format.ts,
 * finding them in running text in find.ts, what is typed at a cursor in cursor.ts; import them all from
 * `core/reference`). The scanner, hover, completion, links, diagnostics, the debug resolver and the CLI all go through
 * it (pure: never imports vscode).
 *
 * ```
 * kms://<secret-name>[?region=<id>&profile=<name>&stage=<VersionStage>|version=<VersionId>][#<json-key>]
 * acs:kms:<region>:<account-id>:secret/<secret-name>[?profile=…&stage=…|version=…][#<json-key>]
 * ```
 *
 * Decisions (documented here because every feature relies on them):
 * - The scheme is exactly `kms://` (lowercase); the ARN prefix exactly `acs:kms:`. `KMS://x` is not a reference.
 * - The ARN alias takes the same `?query` and `#json-key` suffix as `kms://`, except `region` (the ARN carries it). An
 * ARN
 *   containing `*` is a RAM policy pattern, never a reference: `findReferences` skips it, `parseReference` rejects it.
 * - Query parameters: `region`, `profile`, `stage`, `version`, in any order; unknown, duplicate or empty ones are
 * errors;
 *   `stage` and `version` are exclusive. Values are plain (no percent-encoding): region `[a-z0-9-]`, profile
 *   `[A-Za-z0-9_.@+-]`, stage/version `[A-Za-z0-9_.-]`, 1–64 characters each.
 * - `#json-key`: letters, digits and `_/+=.@~-` appear as they are; every other character is percent-encoded (UTF-8,
 * `%XX`).
 * - `formatReference` writes the canonical `kms://` form: parameters in the order region, profile, stage|version, and
 * no
 *   `stage=ACSCurrent` (the default).
 * - Where a reference ends in running text: at the first delimiter (whitespace, control character, quote, backquote,
 *   bracket, `,;|\`) or the end of the text. Everything up to there belongs to it, so `kms://db*` is one malformed
 *   reference, not a valid `kms://db` followed by `*`. `findReferences` reports the malformed ones with their error.
 * - A reference containing a template expression (`${…}`, `{{…}}`, `$(…)`, `$NAME`) is reported with error code
 *   `template`: it only becomes a reference after substitution (op-vscode#219 flagged such strings as secrets).
 * - `isReference(s)` is exact: the whole string, no trimming of quotes or whitespace, and it is by definition
 *   `tryParseReference(s) !== undefined`. `looksLikeReference` is the lenient test for "someone meant a reference
 * here".
 *
 * Recogniser and parser share one scanner (`extentEnd`) and one validator (`validate`), so they cannot disagree:
 * `findReferences` slices each occurrence at `extentEnd` and hands the slice to the same `validate` as
 * `parseReference`.
 */

import * as l10n from '@vscode/l10n';
import { printable } from '../printable';

export const REFERENCE_SCHEME = 'kms://';
export const ARN_PREFIX = 'acs:kms:';
export const DEFAULT_STAGE = 'ACSCurrent';
export const MAX_NAME_LENGTH = 192;
const MAX_VALUE_LENGTH = 64;

export interface SecretReference {
  name: string;
  region?: string;
  profile?: string;
  stage?: string;
  versionId?: string;
  /** Top-level key of a JSON secret value, decoded (no percent-encoding). */
  jsonKey?: string;
  /** Present when the reference was written as an ARN. */
  arn?: { region: string; accountId: string };
}

export type ReferenceErrorCode =
  | 'scheme'
  | 'arn'
  | 'arn-wildcard'
  | 'empty-name'
  | 'name-char'
  | 'name-length'
  | 'query'
  | 'unknown-param'
  | 'duplicate-param'
  | 'exclusive'
  | 'value'
  | 'json-key'
  | 'template';

export class ReferenceSyntaxError extends Error {
  override readonly name = 'ReferenceSyntaxError';
  constructor(
    message: string,
    /** Offset of the offending character, in the text handed to the parser (absolute in `findReferences` results). */
    readonly offset: number,
    readonly code: ReferenceErrorCode = 'scheme',
  ) {
    super(message);
  }

  /** The same error for a reference found `by` characters further into a larger text. */
  shifted(by: number): ReferenceSyntaxError {
    const template = TEMPLATES.get(this);
    if (!template || by === 0) return this;
    return fail(template, this.offset + by, this.code);
  }
}

/** Message templates (with AT_MARK where the offset goes), so an error can be re-stated at an absolute offset. */
const TEMPLATES = new WeakMap<ReferenceSyntaxError, string>();
const AT_MARK = '\u0001';

const arnWildcard = (): string =>
  l10n.t("An ARN with '*' is a RAM policy pattern, not a reference to one secret (found '*' at {0}).", AT_MARK);

function fail(template: string, offset: number, code: ReferenceErrorCode): ReferenceSyntaxError {
  const error = new ReferenceSyntaxError(template.split(AT_MARK).join(String(offset)), offset, code);
  TEMPLATES.set(error, template);
  return error;
}

export interface FoundReference {
  start: number;
  end: number;
  text: string;
  reference?: SecretReference;
  /** Set when the occurrence is malformed; its offset is absolute (into the text given to `findReferences`). */
  error?: ReferenceSyntaxError;
}

// ---------------------------------------------------------------------------------------------------------------------
// Character classes

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Letters, digits and `_/+=.@-` (KMS secret-name rules). */
function isNameChar(c: number): boolean {
  return (
    isAlnum(c) ||
    c === 95 /* _ */ ||
    c === 47 /* / */ ||
    c === 43 /* + */ ||
    c === 61 /* = */ ||
    c === 46 /* . */ ||
    c === 64 /* @ */ ||
    c === 45
  ); /* - */
}

/** Characters a JSON key may hold without percent-encoding. */
function isKeyChar(c: number): boolean {
  return isNameChar(c) || c === 126; /* ~ */
}

const DELIMITERS = new Set('"\'`()[]{}<>,;|\\'.split('').map((ch) => ch.charCodeAt(0)));

/** Characters that end a reference in running text. */
function isDelimiter(c: number): boolean {
  return (
    c <= 32 ||
    c === 127 ||
    (c >= 0x80 && c <= 0x9f) ||
    c === 0xa0 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0xfeff ||
    c === 0x3000 ||
    DELIMITERS.has(c)
  );
}

/** Characters that may not immediately precede a recognised `kms://` or `acs:kms:` (it would be part of another word). */
/** @internal (core/reference only) */
export function blocksStart(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 43 || c === 46 || c === 45; /* _ + . - */
}

interface ParamSpec {
  test: (c: number) => boolean;
  /** The allowed characters, for people (a function: the display language is set at activation). */
  chars: () => string;
}

const PARAMS: Record<QueryKey, ParamSpec> = {
  region: {
    test: (c) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45,
    chars: () => l10n.t('lowercase letters, digits and -'),
  },
  profile: {
    test: (c) => isAlnum(c) || c === 95 || c === 46 || c === 64 || c === 43 || c === 45,
    chars: () => l10n.t('letters, digits and _.@+-'),
  },
  stage: {
    test: (c) => isAlnum(c) || c === 95 || c === 46 || c === 45,
    chars: () => l10n.t('letters, digits and _.-'),
  },
  version: {
    test: (c) => isAlnum(c) || c === 95 || c === 46 || c === 45,
    chars: () => l10n.t('letters, digits and _.-'),
  },
};
export type QueryKey = 'region' | 'profile' | 'stage' | 'version';
export const QUERY_KEYS: readonly QueryKey[] = ['region', 'profile', 'stage', 'version'];

/** What was found at `offset`, or "the end" past it. */
function foundAt(text: string, offset: number): string {
  return offset < text.length ? describe(text, offset) : l10n.t('the end');
}

const nameChars = (): string => l10n.t('letters, digits and _/+=.@-');

/** @internal (core/reference only) */
export function describe(text: string, offset: number): string {
  const cp = text.codePointAt(offset) ?? 0;
  const ch = String.fromCodePoint(cp);
  if (cp < 32 || cp === 127 || (cp >= 0x80 && cp <= 0xa0) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff) {
    return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `'${ch}'`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Shared scanner: where a reference ends, and where template expressions sit

const TEMPLATE_SPAN_LIMIT = 256;

/** If a template expression starts at `i`, returns the index just after it; otherwise undefined. */
function templateEnd(text: string, i: number): number | undefined {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  let open: number;
  let close: number;
  let from: number;
  if (c === 36 /* $ */ && next === 123 /* { */) [open, close, from] = [123, 125, i + 2];
  else if (c === 36 && next === 40 /* ( */) [open, close, from] = [40, 41, i + 2];
  else if (c === 123 && next === 123) {
    const limit = Math.min(text.length, i + TEMPLATE_SPAN_LIMIT);
    for (let j = i + 2; j + 1 < limit; j++) {
      const d = text.charCodeAt(j);
      if (d === 10 || d === 13) return undefined;
      if (d === 125 && text.charCodeAt(j + 1) === 125) return j + 2;
    }
    return undefined;
  } else if (c === 36 && ((next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95)) {
    let j = i + 2;
    while (j < text.length && (isAlnum(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
    return j;
  } else return undefined;
  let depth = 1;
  const limit = Math.min(text.length, i + TEMPLATE_SPAN_LIMIT);
  for (let j = from; j < limit; j++) {
    const d = text.charCodeAt(j);
    if (d === 10 || d === 13) return undefined;
    if (d === open) depth++;
    else if (d === close && --depth === 0) return j + 1;
  }
  return undefined;
}

interface Extent {
  end: number;
  /** Offset of the first template expression inside the extent, if any. */
  template?: number;
}

/** The end of the reference that starts at `start` (after its head): the first delimiter outside a template expression. */
/** @internal (core/reference only) */
export function extentEnd(text: string, start: number): Extent {
  let template: number | undefined;
  let i = start;
  while (i < text.length) {
    const t = templateEnd(text, i);
    if (t !== undefined) {
      template ??= i;
      i = t;
      continue;
    }
    if (isDelimiter(text.charCodeAt(i))) break;
    i++;
  }
  return { end: i, template };
}

const ARN_HEAD = /acs:kms:([a-z0-9-]{1,64}):([0-9]{1,32}):secret\//y;

/** Length of a recognisable reference head at `i` (`kms://` or a full secret-ARN head), or 0. */
/** @internal (core/reference only) */
export function headLength(text: string, i: number): number {
  if (text.startsWith(REFERENCE_SCHEME, i)) return REFERENCE_SCHEME.length;
  if (text.startsWith(ARN_PREFIX, i)) {
    ARN_HEAD.lastIndex = i;
    const m = ARN_HEAD.exec(text);
    if (m) return m[0].length;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------------
// The validator (strict grammar over a whole string)

interface Parts {
  reference: SecretReference;
  nameStart: number;
  nameEnd: number;
}

/** @internal (core/reference only) */
export function validate(text: string): Parts {
  let pos: number;
  let arn: SecretReference['arn'];
  if (text.startsWith(REFERENCE_SCHEME)) {
    pos = REFERENCE_SCHEME.length;
  } else if (text.startsWith(ARN_PREFIX)) {
    ({ pos, arn } = validateArnHead(text));
  } else {
    throw fail(
      l10n.t(
        'References start with {0} or {1}<region>:<account-id>:secret/ (found {2} at {3}).',
        REFERENCE_SCHEME,
        ARN_PREFIX,
        text ? describe(text, 0) : l10n.t('nothing'),
        AT_MARK,
      ),
      0,
      'scheme',
    );
  }
  const extent = extentEnd(text, pos);
  if (extent.template !== undefined) {
    throw fail(
      l10n.t(
        'This reference contains a template expression at {0}; it is a reference only after substitution.',
        AT_MARK,
      ),
      extent.template,
      'template',
    );
  }
  if (arn && text.includes('*', pos)) {
    const at = text.indexOf('*', pos);
    throw fail(arnWildcard(), at, 'arn-wildcard');
  }

  const nameStart = pos;
  while (pos < text.length && isNameChar(text.charCodeAt(pos))) pos++;
  const nameEnd = pos;
  const next = text.charCodeAt(pos);
  if (pos < text.length && next !== 63 /* ? */ && next !== 35 /* # */) {
    throw fail(
      l10n.t('Secret names may contain only {0} (found {1} at {2}).', nameChars(), describe(text, pos), AT_MARK),
      pos,
      'name-char',
    );
  }
  if (nameEnd === nameStart) {
    throw fail(l10n.t('The secret name is missing (expected at {0}).', AT_MARK), nameStart, 'empty-name');
  }
  if (nameEnd - nameStart > MAX_NAME_LENGTH) {
    throw fail(
      l10n.t('Secret names are at most {0} characters (this one has {1}).', MAX_NAME_LENGTH, nameEnd - nameStart),
      nameStart + MAX_NAME_LENGTH,
      'name-length',
    );
  }
  const reference: SecretReference = { name: text.slice(nameStart, nameEnd) };
  if (arn) {
    reference.region = arn.region;
    reference.arn = arn;
  }

  if (text.charCodeAt(pos) === 63) pos = validateQuery(text, pos + 1, reference);
  if (text.charCodeAt(pos) === 35) pos = validateJsonKey(text, pos + 1, reference);
  if (pos < text.length) {
    // Only reachable when the query stopped at a second '?' or similar; report it plainly.
    throw fail(l10n.t('Unexpected {0} at {1}.', describe(text, pos), AT_MARK), pos, 'query');
  }
  return { reference, nameStart, nameEnd };
}

function validateArnHead(text: string): { pos: number; arn: { region: string; accountId: string } } {
  let pos = ARN_PREFIX.length;
  const regionStart = pos;
  while (pos < text.length && PARAMS.region.test(text.charCodeAt(pos))) pos++;
  if (text[pos] === '*') throw fail(arnWildcard(), pos, 'arn-wildcard');
  if (pos === regionStart || pos - regionStart > MAX_VALUE_LENGTH || text[pos] !== ':') {
    throw fail(
      l10n.t(
        'A secret ARN reads {0}<region>:<account-id>:secret/<secret-name>; the region is lowercase letters, digits and - (found {1} at {2}).',
        ARN_PREFIX,
        foundAt(text, pos),
        AT_MARK,
      ),
      pos,
      'arn',
    );
  }
  const region = text.slice(regionStart, pos);
  const accountStart = ++pos;
  while (pos < text.length && text.charCodeAt(pos) >= 48 && text.charCodeAt(pos) <= 57) pos++;
  if (text[pos] === '*') throw fail(arnWildcard(), pos, 'arn-wildcard');
  if (pos === accountStart || pos - accountStart > 32 || text[pos] !== ':') {
    throw fail(
      l10n.t(
        'A secret ARN reads {0}<region>:<account-id>:secret/<secret-name>; the account id is digits (found {1} at {2}).',
        ARN_PREFIX,
        foundAt(text, pos),
        AT_MARK,
      ),
      pos,
      'arn',
    );
  }
  const accountId = text.slice(accountStart, pos);
  pos++;
  if (!text.startsWith('secret/', pos)) {
    throw fail(
      l10n.t(
        'A secret ARN reads {0}<region>:<account-id>:secret/<secret-name>; only secret ARNs are references (found {1} at {2}).',
        ARN_PREFIX,
        foundAt(text, pos),
        AT_MARK,
      ),
      pos,
      'arn',
    );
  }
  return { pos: pos + 'secret/'.length, arn: { region, accountId } };
}

function validateQuery(text: string, pos: number, reference: SecretReference): number {
  const seen = new Set<QueryKey>();
  for (;;) {
    const paramStart = pos;
    while (pos < text.length && text[pos] !== '=' && text[pos] !== '&' && text[pos] !== '#') pos++;
    const key = text.slice(paramStart, pos);
    if (!key) {
      throw fail(
        l10n.t(
          'Expected a query parameter (region, profile, stage or version) but found {0} at {1}.',
          foundAt(text, pos),
          AT_MARK,
        ),
        pos,
        'query',
      );
    }
    if (!(QUERY_KEYS as readonly string[]).includes(key)) {
      throw fail(
        l10n.t(
          "Unknown query parameter '{0}' at {1}; references take region, profile, stage or version.",
          printable(key),
          AT_MARK,
        ),
        paramStart,
        'unknown-param',
      );
    }
    const k = key as QueryKey;
    if (seen.has(k))
      throw fail(
        l10n.t("The query parameter '{0}' appears twice (again at {1}).", k, AT_MARK),
        paramStart,
        'duplicate-param',
      );
    if ((k === 'stage' && seen.has('version')) || (k === 'version' && seen.has('stage'))) {
      throw fail(l10n.t("Use either stage or version, not both ('{0}' at {1}).", k, AT_MARK), paramStart, 'exclusive');
    }
    if (k === 'region' && reference.arn) {
      throw fail(
        l10n.t("The ARN already names the region; drop '?region=' (at {0}).", AT_MARK),
        paramStart,
        'unknown-param',
      );
    }
    seen.add(k);
    if (text[pos] !== '=') throw fail(l10n.t("Expected '=' after '{0}' at {1}.", k, AT_MARK), pos, 'query');
    const valueStart = ++pos;
    const spec = PARAMS[k];
    while (pos < text.length && text[pos] !== '&' && text[pos] !== '#') {
      if (!spec.test(text.charCodeAt(pos))) {
        throw fail(
          l10n.t(
            "Values of '{0}' may contain only {1} (found {2} at {3}).",
            k,
            spec.chars(),
            describe(text, pos),
            AT_MARK,
          ),
          pos,
          'value',
        );
      }
      pos++;
    }
    if (pos === valueStart)
      throw fail(l10n.t("The value of '{0}' is empty (at {1}).", k, AT_MARK), valueStart, 'value');
    if (pos - valueStart > MAX_VALUE_LENGTH) {
      throw fail(
        l10n.t("Values of '{0}' are at most {1} characters.", k, MAX_VALUE_LENGTH),
        valueStart + MAX_VALUE_LENGTH,
        'value',
      );
    }
    const value = text.slice(valueStart, pos);
    if (k === 'version') reference.versionId = value;
    else reference[k] = value;
    if (text[pos] !== '&') return pos;
    pos++;
  }
}

function validateJsonKey(text: string, pos: number, reference: SecretReference): number {
  const start = pos;
  const bytes: number[] = [];
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (isKeyChar(c)) {
      bytes.push(c);
      pos++;
    } else if (c === 37 /* % */ && /^[0-9A-Fa-f]{2}$/.test(text.slice(pos + 1, pos + 3))) {
      bytes.push(parseInt(text.slice(pos + 1, pos + 3), 16));
      pos += 3;
    } else if (c === 37) {
      throw fail(l10n.t("'%' in a JSON key must start an escape like %23 (at {0}).", AT_MARK), pos, 'json-key');
    } else {
      const enc = encodeKeyChar(text, pos);
      throw fail(
        enc
          ? l10n.t('JSON keys must percent-encode {0} as {1} (found at {2}).', describe(text, pos), enc, AT_MARK)
          : l10n.t('JSON keys must percent-encode {0} (found at {1}).', describe(text, pos), AT_MARK),
        pos,
        'json-key',
      );
    }
  }
  if (pos === start) throw fail(l10n.t("The JSON key after '#' is empty (at {0}).", AT_MARK), start, 'json-key');
  try {
    reference.jsonKey = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    throw fail(l10n.t("The JSON key's percent-escapes are not valid UTF-8 (at {0}).", AT_MARK), start, 'json-key');
  }
  return pos;
}

function encodeKeyChar(text: string, pos: number): string | undefined {
  const cp = text.codePointAt(pos);
  if (cp === undefined) return undefined;
  try {
    return encodeKeyComponent(String.fromCodePoint(cp));
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Public API

export function parseReference(text: string): SecretReference {
  return validate(text).reference;
}

export function tryParseReference(text: string): SecretReference | undefined {
  try {
    return validate(text).reference;
  } catch (error) {
    if (error instanceof ReferenceSyntaxError) return undefined;
    throw error;
  }
}

/** The whole string, exactly (no trimming), is a valid reference. Same as `tryParseReference(value) !== undefined`. */
export function isReference(value: string): boolean {
  return tryParseReference(value) !== undefined;
}

/**
 * Lenient: after trimming whitespace and one pair of matching quotes, the value starts with `kms://` or a secret-ARN
 * head — valid or not. The scanner uses it to leave (possibly broken or templated) references alone; diagnostics flag
 * them.
 */
export function looksLikeReference(value: string): boolean {
  let v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'" || v[0] === '`') && v[v.length - 1] === v[0])
    v = v.slice(1, -1).trim();
  return headLength(v, 0) > 0;
}

/** undefined when `name` is a valid KMS secret name, else a one-sentence reason. */
export function validateSecretName(name: string): string | undefined {
  if (name.length === 0) return l10n.t('The secret name is empty.');
  if (name.length > MAX_NAME_LENGTH)
    return l10n.t('Secret names are at most {0} characters (this one has {1}).', MAX_NAME_LENGTH, name.length);
  for (let i = 0; i < name.length; i++) {
    if (!isNameChar(name.charCodeAt(i)))
      return l10n.t('Secret names may contain only {0} (found {1} at {2}).', nameChars(), describe(name, i), i);
  }
  return undefined;
}

/** @internal (core/reference only) */
export function validateValue(key: QueryKey, value: string): string | undefined {
  const spec = PARAMS[key];
  if (!value) return l10n.t("The value of '{0}' is empty.", key);
  if (value.length > MAX_VALUE_LENGTH)
    return l10n.t("Values of '{0}' are at most {1} characters.", key, MAX_VALUE_LENGTH);
  for (let i = 0; i < value.length; i++) {
    if (!spec.test(value.charCodeAt(i)))
      return l10n.t(
        "Values of '{0}' may contain only {1} (found {2} at {3}).",
        key,
        spec.chars(),
        describe(value, i),
        i,
      );
  }
  return undefined;
}

/** Percent-encodes a JSON key for the `#` part: letters, digits and `_/+=.@~-` stay; everything else becomes UTF-8 `%XX`. */
export function encodeKeyComponent(key: string): string {
  let out = '';
  for (const ch of key) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && isKeyChar(c)) out += ch;
    else {
      for (const b of new TextEncoder().encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}
