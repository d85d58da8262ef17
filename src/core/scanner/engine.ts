/**
 * The scanner: applies the rule tables to a text and returns findings with exact ranges. Work per line is gated by
 * cheap keyword checks, every pattern has bounded repetitions, very long lines only meet the known-format rules, and
 * binary or huge inputs are skipped, so no input costs more than linear time.
 */
import { createHash } from 'node:crypto';
import { isIgnoredInline } from './ignore';
import { fileFormat, isTranslationCatalogue, type FileFormat } from './formats';
import { ASSIGNMENT_SITES, type AssignmentSite } from './rules/assignments';
import { CONNECTION_RULES, connectionRuleId } from './rules/connectionStrings';
import { findPrivateKeys } from './rules/privateKeys';
import { ASSIGNMENT_KEYWORDS, secretNameStrength } from './rules/secretNames';
import { TOKEN_RULES } from './rules/tokens';
import type { Candidate, Finding, ScanOptions, ScanResult } from './types';
import { isBase64OfText, isFiller, isHashLike, isIdentifierOrType, isPlausibleSecret } from './values';
import { characterClasses, shannonEntropy } from './entropy';
import { KeywordIndex } from './keywords';
import { literalAround as findLiteral } from '../literalMove';
import { matchCustomPatterns, timedOutNotice } from './customPatterns';

/** A real token's random part is not filler: known formats still get this check (docs are full of `ghp_xxxx…`). */
function looksRandom(token: string): boolean {
  const body = token.replace(/^[A-Za-z]{2,8}[_-]/, '');
  return !isFiller(body) && shannonEntropy(body) >= 3;
}

/** Inputs above this are not scanned (generated data, dumps, bundles): reported as skipped with a notice. */
export const MAX_SCAN_CHARS = 2 * 1024 * 1024;
/** Lines above this meet only the known-format rules (minified code, embedded data). */
const MAX_ASSIGNMENT_LINE = 4000;

const withIndices = (pattern: RegExp): RegExp =>
  new RegExp(pattern.source, pattern.flags.includes('d') ? pattern.flags : `${pattern.flags}d`);
const SITES = ASSIGNMENT_SITES.map((site) => ({ ...site, pattern: withIndices(site.pattern) }));
const CONNECTIONS = CONNECTION_RULES.map((rule) => ({ ...rule, pattern: withIndices(rule.pattern) }));

const PRIORITY: Record<string, number> = {
  'private-key': 5,
  connection: 4,
  token: 4,
  'ak-secret': 3,
  custom: 3,
  assignment: 1,
};

export function scanText(text: string, options: ScanOptions = {}): ScanResult {
  if (text.length > MAX_SCAN_CHARS) {
    return {
      findings: [],
      skipped: 'too-large',
      notice: `Not scanned for credentials: larger than ${MAX_SCAN_CHARS / 1024 / 1024} MB.`,
    };
  }
  if (text.slice(0, 8000).includes('\0'))
    return { findings: [], skipped: 'binary', notice: 'Not scanned for credentials: binary content.' };
  const disabled = new Set(options.config?.disabledRules ?? []);
  const format = fileFormat(options.path, options.languageId);
  const lines = text.split('\n');
  const lineStarts = offsetsOf(lines);
  const candidates: (Candidate & { priority: number })[] = [];
  const add = (candidate: Candidate, priority: number): void => {
    if (!disabled.has(candidate.ruleId) && candidate.end > candidate.start) candidates.push({ ...candidate, priority });
  };

  for (const block of findPrivateKeys(text)) {
    add(
      { ruleId: 'private-key', kind: 'private key', severity: 'error', start: block.start, end: block.end },
      PRIORITY['private-key'],
    );
  }
  const akIdLines: number[] = [];
  const translations = isTranslationCatalogue(options.path);
  const lowerText = text.toLowerCase();
  // Lower-casing keeps offsets for nearly all text; when it does not (a few Unicode letters), keywords are found per
  // line.
  const keywordLines =
    lowerText.length === text.length ? KEYWORDS.linesOf(lowerText, lineStarts) : perLineKeywords(lines);
  const assignments = !translations && format !== 'docs';
  for (const [index, found] of keywordLines) {
    const line = lines[index];
    const base = lineStarts[index];
    scanTokens(line, found, base, add);
    if (found.has('ltai')) akIdLines.push(index);
    if (line.length > MAX_ASSIGNMENT_LINE) continue;
    scanConnections(line, found, base, add);
    scanBearer(line, found, base, add);
    if (assignments) scanAssignments(line, found, base, format, add, lines, index);
  }
  scanKubernetesSecret(text, lines, lineStarts, add);
  const slowPatterns = scanCustom(lines, lineStarts, options, add);
  const hasAccessKeyId = candidates.some((c) => c.ruleId === 'alibaba-access-key-id');
  if (hasAccessKeyId) scanUnnamedAccessKeySecrets(lines, lineStarts, akIdLines, add);

  const minRank = SEVERITY_RANK[options.config?.minSeverity ?? 'info'];
  const kept = resolveOverlaps(candidates).filter((c) => SEVERITY_RANK[c.severity] >= minRank);
  const ignored = new Set(options.config?.ignoredFingerprints ?? []);
  const occurrences = new Map<string, number>();
  const findings: Finding[] = [];
  for (const candidate of kept) {
    const start = position(lineStarts, candidate.start);
    if (isIgnoredInline(lines, start.line)) continue;
    const end = position(lineStarts, candidate.end);
    const fingerprint = fingerprintOf(candidate, text, lines, start.line, options.path ?? '', occurrences);
    const literal = literalOf(text, lineStarts, candidate);
    if (ignored.has(fingerprint)) continue;
    findings.push({
      ruleId: candidate.ruleId,
      kind: candidate.kind,
      severity: candidate.severity,
      message: messageFor(candidate),
      start: candidate.start,
      end: candidate.end,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      fingerprint,
      nameHint: candidate.nameHint,
      literal,
    });
  }
  const notice = timedOutNotice(slowPatterns);
  return notice ? { findings, notice } : { findings };
}

type Add = (candidate: Candidate, priority: number) => void;

/** Every keyword any rule waits for; `value`/`default` wake the contextual-name check. */
const KEYWORDS = new KeywordIndex([
  ...TOKEN_RULES.flatMap((r) => r.keywords),
  ...CONNECTION_RULES.flatMap((r) => r.keywords),
  ...ASSIGNMENT_SITES.flatMap((s) => s.keywords ?? []),
  ...ASSIGNMENT_KEYWORDS,
  'bearer',
  'authorization',
  'value',
  'default',
  'val',
]);

function perLineKeywords(lines: readonly string[]): Map<number, Set<string>> {
  const result = new Map<number, Set<string>>();
  lines.forEach((line, index) => {
    const found = KEYWORDS.linesOf(line.toLowerCase(), [0]).get(0);
    if (found) result.set(index, found);
  });
  return result;
}

const hasAny = (found: ReadonlySet<string>, keywords: readonly string[]): boolean => keywords.some((k) => found.has(k));

/** Keyword → the token rules it wakes. */
const TOKENS_BY_KEYWORD = new Map<string, typeof TOKEN_RULES>();
const TOKEN_ORDER = new Map(TOKEN_RULES.map((rule, i) => [rule, i]));
for (const rule of TOKEN_RULES) {
  for (const k of rule.keywords) TOKENS_BY_KEYWORD.set(k, [...(TOKENS_BY_KEYWORD.get(k) ?? []), rule]);
}

function scanTokens(line: string, found: ReadonlySet<string>, base: number, add: Add): void {
  const woken = new Set<(typeof TOKEN_RULES)[number]>();
  for (const k of found) for (const rule of TOKENS_BY_KEYWORD.get(k) ?? []) woken.add(rule);
  // In catalogue order, so that of two rules matching the same text the earlier, more specific one wins.
  const rules = woken.size > 1 ? [...woken].sort((a, b) => TOKEN_ORDER.get(a)! - TOKEN_ORDER.get(b)!) : woken;
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(line); m; m = rule.pattern.exec(line)) {
      const secret = m[1] ?? m[0];
      const start = m.index + m[0].indexOf(secret);
      if ((rule.accept && !rule.accept(secret)) || !looksRandom(secret)) continue;
      add(
        {
          ruleId: rule.id,
          kind: rule.kind,
          severity: rule.severity,
          start: base + start,
          end: base + start + secret.length,
        },
        PRIORITY.token,
      );
    }
  }
}

function scanConnections(line: string, found: ReadonlySet<string>, base: number, add: Add): void {
  for (const rule of CONNECTIONS) {
    if (!hasAny(found, rule.keywords)) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(line); m; m = rule.pattern.exec(line)) {
      const range = m.indices?.groups?.secret;
      const secret = m.groups?.secret;
      if (!range || !secret || !isPlausibleSecret(decodeURIComponentSafe(secret), { minLength: 4 })) continue;
      if (/^\$|^%|^\{|^<|^:/.test(secret) || secret === m.groups?.user) continue;
      const { id, kind } =
        rule.id === 'url-credentials'
          ? connectionRuleId(m.groups?.scheme)
          : { id: 'db-connection-string', kind: rule.kind };
      add(
        {
          ruleId: id,
          kind,
          severity: rule.severity,
          start: base + range[0],
          end: base + range[1],
          nameHint: 'CONNECTION_STRING',
        },
        PRIORITY.connection,
      );
    }
  }
}

const BEARER = /\b(?:[Bb]earer|BEARER)\s+(?<secret>[A-Za-z0-9_~+/.=-]{20,1000})/dg;
const BASIC =
  /\bAuthorization["']?(?:\s*[:=,]\s*["']?(?:(?:Basic|Token|Api-Token|ApiKey|Key|Digest)\s+)?|\s+["']?(?:Basic|Token)\s+)(?<secret>[A-Za-z0-9_~+/.=:@-]{12,500})/dgi;

function scanBearer(line: string, found: ReadonlySet<string>, base: number, add: Add): void {
  if (!found.has('bearer') && !found.has('authorization')) return;
  for (const [pattern, ruleId, kind] of [
    [BEARER, 'bearer-token', 'bearer token'],
    [BASIC, 'authorization-header', 'credentials in an Authorization header'],
  ] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
      const range = m.indices?.groups?.secret;
      const secret = m.groups?.secret ?? '';
      if (!range || !isPlausibleSecret(secret, { minLength: 12, minEntropy: 3, mixed: true })) continue;
      add(
        { ruleId, kind, severity: 'error', start: base + range[0], end: base + range[1], nameHint: 'AUTH_TOKEN' },
        PRIORITY.token,
      );
    }
  }
}

const VALUE_GROUPS = ['dq', 'sq', 'bq', 'eq', 'bare'] as const;
const GENERIC_LINE = /(?:^|[\s{,"'])(?:value|default|defaultValue|default_value|initial_value|val)["']?\s{0,4}[:=]/i;

/** Keys that say nothing by themselves: their name is on the line or lines before (`- name: DB_PASSWORD` / `value: …`). */
const GENERIC_KEY = /^["']?(value|default|defaultValue|default_value|initial_value|val)["']?$/i;
const NAMING = [
  /(?:^|[\s{,-])["']?(?:name|key|Name|Key|ParameterKey|variable)["']?\s{0,4}[:=]\s{0,4}["']?([A-Za-z_][\w.-]{0,79})/g,
  /\bvariable\s+"([\w-]{1,80})"/g,
];

/** The name that a generic key's value belongs to: on the same line before it, or up to three lines above. */
function contextualName(lines: readonly string[], index: number, before: string): string | undefined {
  const last = (text: string): string | undefined => {
    let name: string | undefined;
    for (const pattern of NAMING) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) name = m[1];
    }
    return name;
  };
  const here = last(before);
  if (here) return here;
  for (let i = index - 1; i >= Math.max(0, index - 3); i--) {
    const text = lines[i] ?? '';
    if (text.length > MAX_ASSIGNMENT_LINE) return undefined;
    const name = last(text);
    if (name) return name;
    if (/^\s*[-}\]]/.test(text) && i < index - 1) return undefined;
  }
  return undefined;
}

function scanAssignments(
  line: string,
  found: ReadonlySet<string>,
  base: number,
  format: FileFormat,
  add: Add,
  lines: readonly string[],
  index: number,
): void {
  const named =
    hasAny(found, ASSIGNMENT_KEYWORDS) || ((found.has('val') || found.has('default')) && GENERIC_LINE.test(line));
  for (const site of SITES) {
    if (site.keywords ? !hasAny(found, site.keywords) : !named) continue;
    if (site.requires && !site.requires.some((r) => line.includes(r))) continue;
    if (site.lineContext && !site.lineContext.test(line)) continue;
    site.pattern.lastIndex = 0;
    for (let m = site.pattern.exec(line); m; m = site.pattern.exec(line)) {
      if (m[0].length === 0) site.pattern.lastIndex++;
      let key = m.groups?.key ?? site.fixedKey ?? '';
      if (!site.fixedKey && GENERIC_KEY.test(key)) key = contextualName(lines, index, line.slice(0, m.index)) ?? key;
      if (!site.fixedKey && !site.keyIsSecretName && !strengthOf(key)) continue; // most keys on a line name no secret
      const group = VALUE_GROUPS.find((g) => m.groups?.[g] !== undefined);
      const range = group && m.indices?.groups?.[group];
      if (!group || !range) continue;
      let value = m.groups?.[group] ?? '';
      const valueStart = range[0];
      let valueEnd = range[1];
      if (
        group === 'bare' &&
        site.id === 'assignment' &&
        /:$/.test(line.slice(0, range[0]).trimEnd()) &&
        !/\s/.test(line[range[0] - 1] ?? '')
      )
        continue;
      // `cond ? 'password' : 'x'` is a ternary, not a key.
      if (site.id === 'assignment' && /\?\s*["']?$/.test(line.slice(0, m.index + m[0].indexOf(m.groups?.key ?? '\0'))))
        continue;
      if (group === 'bare' && format !== 'config' && /[,;.]$/.test(value)) {
        // Punctuation that ends a sentence, an argument or a statement: `-pS3cret,` in prose or code.
        value = value.slice(0, -1);
        valueEnd--;
      }
      const candidate = assignmentCandidate(site, key, value, group === 'bare', format);
      if (candidate)
        add(
          { ...candidate, start: base + valueStart, end: base + valueEnd },
          PRIORITY[candidate.ruleId === 'alibaba-access-key-secret' ? 'ak-secret' : 'assignment'],
        );
    }
  }
}

const strengths = new Map<string, ReturnType<typeof secretNameStrength>>();
/** `secretNameStrength`, remembered: the same few hundred keys recur across lines and scans. */
function strengthOf(key: string): ReturnType<typeof secretNameStrength> {
  let strength = strengths.get(key);
  if (strength === undefined && !strengths.has(key)) {
    strength = secretNameStrength(key);
    if (strengths.size > 20_000) strengths.clear();
    strengths.set(key, strength);
  }
  return strength;
}

function assignmentCandidate(
  site: AssignmentSite,
  key: string,
  value: string,
  bare: boolean,
  format: FileFormat,
): Omit<Candidate, 'start' | 'end'> | undefined {
  const strength = site.fixedKey || site.keyIsSecretName ? 'strong' : strengthOf(key);
  if (!strength) return undefined;
  const trimmed = value.trim();
  if (trimmed !== value || !trimmed) return undefined;
  if (bare && !site.bareInCode && format === 'code') return undefined;
  if (
    bare &&
    (format === 'code' || site.id === 'assignment') &&
    isIdentifierOrType(trimmed) &&
    format !== 'config' &&
    format !== 'shell'
  )
    return undefined;
  if (bare && /^[!&*|>]/.test(trimmed)) return undefined; // YAML tags, anchors and block scalars
  if (bare && /^[\w.]+\(/.test(trimmed)) return undefined; // a call
  if (/^[a-z][\w+.-]{0,30}:\/\//i.test(trimmed)) return undefined; // a URL: the connection-string rules judge its credentials
  const nameHint = site.fixedKey ?? key.replace(/^[$@"']+|["']+$/g, '').replace(/^(set|with)(?=[A-Z])/, '');
  const namedInText = !site.fixedKey;
  if (
    /^[A-Za-z0-9]{30}$/.test(trimmed) &&
    /access.?key.?secret|secret.?access.?key|aliyun|alibaba|alicloud|ak.?secret|^(sk|secret.?key)$/i.test(nameHint)
  ) {
    return {
      ruleId: 'alibaba-access-key-secret',
      kind: 'Alibaba Cloud AccessKey secret',
      severity: 'error',
      nameHint,
      namedInText,
    };
  }
  if (strength === 'strong') {
    if (!isPlausibleSecret(trimmed, { minLength: 4 })) return undefined;
    if (bare && format === 'config' && isIdentifierOrType(trimmed) && trimmed.length < 6) return undefined;
    return { ...classify(nameHint), severity: 'warning', nameHint, namedInText };
  }
  if (isHashLike(trimmed) || isBase64OfText(trimmed) || !/^[A-Za-z0-9+/=_~-]{16,}$/.test(trimmed)) return undefined;
  if (!isPlausibleSecret(trimmed, { minLength: 16, minEntropy: 3.3, mixed: true }) || characterClasses(trimmed) < 3)
    return undefined;
  if (/^[a-z]+([_.-][a-z]+)*$/i.test(trimmed)) return undefined;
  return { ruleId: 'high-entropy-secret', kind: 'secret-like value', severity: 'warning', nameHint, namedInText };
}

function classify(name: string): { ruleId: string; kind: string } {
  if (/pass|pw/i.test(name)) return { ruleId: 'hardcoded-password', kind: 'password' };
  if (/api.?key|apikey/i.test(name)) return { ruleId: 'hardcoded-api-key', kind: 'API key' };
  if (/token|bearer/i.test(name)) return { ruleId: 'hardcoded-token', kind: 'token' };
  if (/private.?key/i.test(name)) return { ruleId: 'hardcoded-private-key', kind: 'private key' };
  if (/cred/i.test(name)) return { ruleId: 'hardcoded-secret', kind: 'credential' };
  return { ruleId: 'hardcoded-secret', kind: 'secret' };
}

/** Keys of a Secret that hold where and who, not the credential (`username`, `host`, `port`, `database`). */
const NOT_SECRET_IN_K8S =
  /^(?:[\w-]*[._-])?(user|username|user_name|login|host|hostname|port|db|database|dbname|db_name|schema|region|endpoint|namespace|name|email|driver|sslmode)$/i;

/** Kubernetes Secret manifests: every value under `data:` (base64) and `stringData:` is a secret, whatever its key. */
function scanKubernetesSecret(text: string, lines: string[], lineStarts: number[], add: Add): void {
  if (!/^kind:\s*Secret\s*$/m.test(text)) return;
  let blockIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    if (/^(data|stringData):\s*$/.test(line.trim()) && indent <= 2) {
      blockIndent = indent;
      continue;
    }
    if (blockIndent < 0 || !line.trim() || line.trim().startsWith('#')) continue;
    if (indent <= blockIndent) {
      blockIndent = -1;
      continue;
    }
    const m = /^(\s*)([\w.-]{1,253}):\s*["']?([^"'\s#][^"'#]*?)["']?\s*$/.exec(line);
    if (!m || NOT_SECRET_IN_K8S.test(m[2])) continue;
    const value = m[3];
    const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : value;
    if (!isPlausibleSecret(decoded, { minLength: 4 })) continue;
    const start = lineStarts[i] + line.indexOf(value, m[1].length + m[2].length + 1);
    add(
      {
        ruleId: 'kubernetes-secret',
        kind: 'value in a Kubernetes Secret',
        severity: 'warning',
        start,
        end: start + value.length,
        nameHint: m[2],
        namedInText: true,
      },
      PRIORITY.assignment + 1,
    );
  }
}

/** A 30-character literal near an AccessKey ID is its secret even without a telling name (`new Config("LTAI…", "…")`). */
function scanUnnamedAccessKeySecrets(lines: string[], lineStarts: number[], idLines: number[], add: Add): void {
  const pattern = /["'`]([A-Za-z0-9]{30})["'`]|(?:^|[=:\s])([A-Za-z0-9]{30})\s*$/g;
  const near = new Set<number>();
  for (const idLine of idLines)
    for (let l = Math.max(0, idLine - 5); l <= Math.min(lines.length - 1, idLine + 5); l++) near.add(l);
  for (const index of near) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(lines[index]); m; m = pattern.exec(lines[index])) {
      const secret = m[1] ?? m[2];
      if (!/[0-9]/.test(secret) || !/[a-z]/.test(secret) || !/[A-Z]/.test(secret)) continue;
      const start = lineStarts[index] + m.index + m[0].indexOf(secret);
      add(
        {
          ruleId: 'alibaba-access-key-secret',
          kind: 'Alibaba Cloud AccessKey secret',
          severity: 'error',
          start,
          end: start + 30,
          nameHint: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
        },
        PRIORITY['ak-secret'],
      );
    }
  }
}

function scanCustom(lines: string[], lineStarts: number[], options: ScanOptions, add: Add): string[] {
  const patterns = options.config?.customPatterns ?? [];
  const { matches, timedOut } = matchCustomPatterns(lines, patterns, { maxLine: MAX_ASSIGNMENT_LINE });
  for (const m of matches) {
    const custom = patterns[m.pattern];
    const secret = m.group ?? m.match;
    const start = lineStarts[m.line] + m.index + Math.max(0, m.match.indexOf(secret));
    add(
      {
        ruleId: custom.id,
        kind: custom.kind ?? custom.id,
        severity: custom.severity ?? 'warning',
        start,
        end: start + secret.length,
      },
      PRIORITY.custom,
    );
  }
  return timedOut;
}

/** Where candidates overlap, the more specific rule wins (a GitHub token in `token = "…"` is a GitHub token). */
function resolveOverlaps<T extends Candidate & { priority: number }>(candidates: T[]): T[] {
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority || a.start - b.start);
  const kept: T[] = [];
  for (const candidate of sorted) {
    if (!kept.some((k) => candidate.start < k.end && k.start < candidate.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function messageFor(candidate: Candidate): string {
  const where =
    candidate.namedInText && candidate.nameHint && /^[\w.$@-]{1,80}$/.test(candidate.nameHint)
      ? ` in "${candidate.nameHint}"`
      : '';
  return `Hard-coded ${candidate.kind}${where}. Move it to KMS and reference it instead.`;
}

/**
 * Identifies a finding without anything derived from its value: the rule, the file, the line with the secret cut out,
 * and which such occurrence it is. A committed ignore file of these reveals nothing, not even to a dictionary attack.
 */
function fingerprintOf(
  candidate: Candidate,
  text: string,
  lines: string[],
  line: number,
  path: string,
  seen: Map<string, number>,
): string {
  const context = fingerprintContext(lines[line] ?? '', text.slice(candidate.start, candidate.end));
  const key = `${candidate.ruleId}\0${path}\0${context}`;
  const occurrence = seen.get(key) ?? 0;
  seen.set(key, occurrence + 1);
  return fingerprintFor({ ruleId: candidate.ruleId, path, context, occurrence });
}

/** The line a finding starts on with the secret cut out and the ends trimmed: what a fingerprint hashes besides rule and path. */
export function fingerprintContext(lineText: string, secret: string): string {
  return lineText.replace(/\r$/, '').replace(secret.split('\n')[0], '\u2022').trim();
}

export interface FingerprintInput {
  ruleId: string;
  /** Path relative to the project root, forward slashes ('' for an unsaved document). */
  path: string;
  /** `fingerprintContext(line, secret)`: the line without the secret. */
  context: string;
  /** Which finding with the same rule, path and context this is (0 for the first). */
  occurrence?: number;
}

/**
 * The fingerprint of a finding: 32 hex characters of SHA-256 over rule, path, the line without the secret and the
 * occurrence. Nothing derived from the value goes in, so a committed ignore file reveals nothing about it (a hash of a
 * short password could be brute-forced); editing the value keeps the finding ignored, editing the rest of the line does
 * not.
 */
export function fingerprintFor(input: FingerprintInput): string {
  const key = `${input.ruleId}\0${input.path}\0${input.context}`;
  return createHash('sha256')
    .update(`${key}\0${input.occurrence ?? 0}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * The literal a finding sits in, as the quick fixes replace it: the enclosing quoted string on its line (a connection
 * string, a quoted value), the value of an unquoted `key = value`, else the secret itself. One definition, in
 * literalMove.
 */
function literalOf(text: string, lineStarts: number[], candidate: Candidate): Finding['literal'] {
  const literal = findLiteral(text, candidate.start, candidate.end);
  const from = position(lineStarts, literal.start);
  const to = position(lineStarts, literal.end);
  return {
    start: literal.start,
    end: literal.end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
  };
}

const SEVERITY_RANK: Record<string, number> = { info: 0, warning: 1, error: 2 };

function offsetsOf(lines: string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

interface Position {
  line: number;
  column: number;
}

function position(lineStarts: number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, column: offset - lineStarts[low] };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
