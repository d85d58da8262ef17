/**
 * The scanner: applies the rule tables to a text and returns findings with exact ranges. Work per line is gated by cheap
 * keyword checks, every pattern has bounded repetitions, very long lines only meet the known-format rules, and binary or
 * huge inputs are skipped, so no input costs more than linear time.
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
import { isFiller, isHashLike, isIdentifierOrType, isPlausibleSecret } from './values';
import { characterClasses, shannonEntropy } from './entropy';

/** A real token's random part is not filler: known formats still get this check (docs are full of `ghp_xxxx…`). */
function looksRandom(token: string): boolean {
  const body = token.replace(/^[A-Za-z]{2,8}[_-]/, '');
  return !isFiller(body) && shannonEntropy(body) >= 3;
}

/** Inputs above this are not scanned (generated data, bundles): reported as skipped. */
export const MAX_SCAN_CHARS = 5 * 1024 * 1024;
/** Lines above this meet only the known-format rules (minified code, embedded data). */
const MAX_ASSIGNMENT_LINE = 4000;

const withIndices = (pattern: RegExp): RegExp => new RegExp(pattern.source, pattern.flags.includes('d') ? pattern.flags : `${pattern.flags}d`);
const SITES = ASSIGNMENT_SITES.map((site) => ({ ...site, pattern: withIndices(site.pattern) }));
const CONNECTIONS = CONNECTION_RULES.map((rule) => ({ ...rule, pattern: withIndices(rule.pattern) }));

const PRIORITY: Record<string, number> = { 'private-key': 5, connection: 4, token: 4, 'ak-secret': 3, custom: 3, assignment: 1 };

export function scanText(text: string, options: ScanOptions = {}): ScanResult {
  if (text.length > MAX_SCAN_CHARS) return { findings: [], skipped: 'too-large' };
  if (text.slice(0, 8000).includes('\0')) return { findings: [], skipped: 'binary' };
  const disabled = new Set(options.config?.disabledRules ?? []);
  const format = fileFormat(options.path, options.languageId);
  const lines = text.split('\n');
  const lineStarts = offsetsOf(lines);
  const candidates: (Candidate & { priority: number })[] = [];
  const add = (candidate: Candidate, priority: number): void => {
    if (!disabled.has(candidate.ruleId) && candidate.end > candidate.start) candidates.push({ ...candidate, priority });
  };

  for (const block of findPrivateKeys(text)) {
    add({ ruleId: 'private-key', kind: 'private key', severity: 'error', start: block.start, end: block.end }, PRIORITY['private-key']);
  }
  const akIdLines: number[] = [];
  const translations = isTranslationCatalogue(options.path);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const base = lineStarts[index];
    const lower = line.toLowerCase();
    scanTokens(line, lower, base, add);
    if (lower.includes('ltai')) akIdLines.push(index);
    if (line.length > MAX_ASSIGNMENT_LINE) continue;
    scanConnections(line, lower, base, add);
    scanBearer(line, lower, base, add);
    if (!translations && format !== 'docs') scanAssignments(line, lower, base, format, add);
  }
  scanKubernetesSecret(text, lines, lineStarts, add);
  scanCustom(lines, lineStarts, options, add);
  const hasAccessKeyId = candidates.some((c) => c.ruleId === 'alibaba-access-key-id');
  if (hasAccessKeyId) scanUnnamedAccessKeySecrets(lines, lineStarts, akIdLines, add);

  const kept = resolveOverlaps(candidates);
  const ignored = new Set(options.config?.ignoredFingerprints ?? []);
  const occurrences = new Map<string, number>();
  const findings: Finding[] = [];
  for (const candidate of kept) {
    const start = position(lineStarts, candidate.start);
    if (isIgnoredInline(lines, start.line)) continue;
    const end = position(lineStarts, candidate.end);
    const fingerprint = fingerprintOf(candidate, text, lines, start.line, options.path ?? '', occurrences);
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
    });
  }
  return { findings };
}

type Add = (candidate: Candidate, priority: number) => void;

function scanTokens(line: string, lower: string, base: number, add: Add): void {
  for (const rule of TOKEN_RULES) {
    if (!rule.keywords.some((k) => lower.includes(k))) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(line); m; m = rule.pattern.exec(line)) {
      const secret = m[1] ?? m[0];
      const start = m.index + m[0].indexOf(secret);
      if ((rule.accept && !rule.accept(secret)) || !looksRandom(secret)) continue;
      add({ ruleId: rule.id, kind: rule.kind, severity: rule.severity, start: base + start, end: base + start + secret.length }, PRIORITY.token);
    }
  }
}

function scanConnections(line: string, lower: string, base: number, add: Add): void {
  for (const rule of CONNECTIONS) {
    if (!rule.keywords.some((k) => lower.includes(k))) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(line); m; m = rule.pattern.exec(line)) {
      const range = m.indices?.groups?.secret;
      const secret = m.groups?.secret;
      if (!range || !secret || !isPlausibleSecret(decodeURIComponentSafe(secret), { minLength: 3 })) continue;
      if (/^\$|^%|^\{|^<|^:/.test(secret) || secret === m.groups?.user) continue;
      const { id, kind } = rule.id === 'url-credentials' ? connectionRuleId(m.groups?.scheme) : { id: 'db-connection-string', kind: rule.kind };
      add({ ruleId: id, kind, severity: rule.severity, start: base + range[0], end: base + range[1], nameHint: 'CONNECTION_STRING' }, PRIORITY.connection);
    }
  }
}

const BEARER = /\b(?:[Bb]earer|BEARER)\s+(?<secret>[A-Za-z0-9_~+/.=-]{20,1000})/dg;
const BASIC = /\bAuthorization["']?\s*[:=,]\s*["']?(?:(?:Basic|Token|Api-Token|ApiKey|Key|Digest)\s+)?(?<secret>[A-Za-z0-9_~+/.=:@-]{12,500})/dgi;

function scanBearer(line: string, lower: string, base: number, add: Add): void {
  if (!lower.includes('bearer') && !lower.includes('authorization')) return;
  for (const [pattern, ruleId, kind] of [[BEARER, 'bearer-token', 'bearer token'], [BASIC, 'authorization-header', 'credentials in an Authorization header']] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
      const range = m.indices?.groups?.secret;
      const secret = m.groups?.secret ?? '';
      if (!range || !isPlausibleSecret(secret, { minLength: 12, minEntropy: 3, mixed: true })) continue;
      add({ ruleId, kind, severity: 'error', start: base + range[0], end: base + range[1], nameHint: 'AUTH_TOKEN' }, PRIORITY.token);
    }
  }
}

const VALUE_GROUPS = ['dq', 'sq', 'bq', 'eq', 'bare'] as const;

function scanAssignments(line: string, lower: string, base: number, format: FileFormat, add: Add): void {
  const named = ASSIGNMENT_KEYWORDS.some((k) => lower.includes(k));
  for (const site of SITES) {
    if (site.keywords ? !site.keywords.some((k) => lower.includes(k)) : !named) continue;
    if (site.lineContext && !site.lineContext.test(line)) continue;
    site.pattern.lastIndex = 0;
    for (let m = site.pattern.exec(line); m; m = site.pattern.exec(line)) {
      if (m[0].length === 0) site.pattern.lastIndex++;
      const key = m.groups?.key ?? site.fixedKey ?? '';
      const group = VALUE_GROUPS.find((g) => m.groups?.[g] !== undefined);
      const range = group && m.indices?.groups?.[group];
      if (!group || !range) continue;
      const value = m.groups?.[group] ?? '';
      if (group === 'bare' && site.id === 'assignment' && /:$/.test(line.slice(0, range[0]).trimEnd()) && !/\s/.test(line[range[0] - 1] ?? '')) continue;
      const candidate = assignmentCandidate(site, key, value, group === 'bare', format);
      if (candidate) add({ ...candidate, start: base + range[0], end: base + range[1] }, PRIORITY[candidate.ruleId === 'alibaba-access-key-secret' ? 'ak-secret' : 'assignment']);
    }
  }
}

function assignmentCandidate(site: AssignmentSite, key: string, value: string, bare: boolean, format: FileFormat): Omit<Candidate, 'start' | 'end'> | undefined {
  const strength = site.fixedKey || site.keyIsSecretName ? 'strong' : secretNameStrength(key);
  if (!strength) return undefined;
  const trimmed = value.trim();
  if (trimmed !== value || !trimmed) return undefined;
  if (bare && !site.bareInCode && format === 'code') return undefined;
  if (bare && (format === 'code' || site.id === 'assignment') && isIdentifierOrType(trimmed) && format !== 'config' && format !== 'shell') return undefined;
  if (bare && /^[!&*|>]/.test(trimmed)) return undefined; // YAML tags, anchors and block scalars
  if (bare && /^[\w.]+\(/.test(trimmed)) return undefined; // a call
  const nameHint = site.fixedKey ?? key.replace(/^[$@"']+|["']+$/g, '').replace(/^(set|with)(?=[A-Z])/, '');
  const namedInText = !site.fixedKey;
  if (/^[A-Za-z0-9]{30}$/.test(trimmed) && /access.?key.?secret|secret.?access.?key|aliyun|alibaba|alicloud|ak.?secret|^(sk|secret.?key)$/i.test(nameHint)) {
    return { ruleId: 'alibaba-access-key-secret', kind: 'Alibaba Cloud AccessKey secret', severity: 'error', nameHint, namedInText };
  }
  if (strength === 'strong') {
    if (!isPlausibleSecret(trimmed, { minLength: 4 })) return undefined;
    if (bare && format === 'config' && isIdentifierOrType(trimmed) && trimmed.length < 6) return undefined;
    return { ...classify(nameHint), severity: 'warning', nameHint, namedInText };
  }
  if (isHashLike(trimmed) || !/^[A-Za-z0-9+/=_~-]{16,}$/.test(trimmed)) return undefined;
  if (!isPlausibleSecret(trimmed, { minLength: 16, minEntropy: 3.3, mixed: true }) || characterClasses(trimmed) < 3) return undefined;
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
    if (!m) continue;
    const value = m[3];
    const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : value;
    if (!isPlausibleSecret(decoded, { minLength: 4 })) continue;
    const start = lineStarts[i] + line.indexOf(value, m[1].length + m[2].length + 1);
    add({ ruleId: 'kubernetes-secret', kind: 'value in a Kubernetes Secret', severity: 'warning', start, end: start + value.length, nameHint: m[2], namedInText: true }, PRIORITY.assignment + 1);
  }
}

/** A 30-character literal near an AccessKey ID is its secret even without a telling name (`new Config("LTAI…", "…")`). */
function scanUnnamedAccessKeySecrets(lines: string[], lineStarts: number[], idLines: number[], add: Add): void {
  const pattern = /["'`]([A-Za-z0-9]{30})["'`]|(?:^|[=:\s])([A-Za-z0-9]{30})\s*$/g;
  const near = new Set<number>();
  for (const idLine of idLines) for (let l = Math.max(0, idLine - 5); l <= Math.min(lines.length - 1, idLine + 5); l++) near.add(l);
  for (const index of near) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(lines[index]); m; m = pattern.exec(lines[index])) {
      const secret = m[1] ?? m[2];
      if (!/[0-9]/.test(secret) || !/[a-z]/.test(secret) || !/[A-Z]/.test(secret)) continue;
      const start = lineStarts[index] + m.index + m[0].indexOf(secret);
      add({ ruleId: 'alibaba-access-key-secret', kind: 'Alibaba Cloud AccessKey secret', severity: 'error', start, end: start + 30, nameHint: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET' }, PRIORITY['ak-secret']);
    }
  }
}

function scanCustom(lines: string[], lineStarts: number[], options: ScanOptions, add: Add): void {
  for (const custom of options.config?.customPatterns ?? []) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(custom.pattern, 'g');
    } catch {
      continue; // Reported by the settings layer; a bad pattern must not stop the scan.
    }
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].length > MAX_ASSIGNMENT_LINE) continue;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(lines[i]); m; m = pattern.exec(lines[i])) {
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        const secret = m[1] ?? m[0];
        const start = lineStarts[i] + m.index + Math.max(0, m[0].indexOf(secret));
        add({ ruleId: custom.id, kind: custom.kind ?? custom.id, severity: custom.severity ?? 'warning', start, end: start + secret.length }, PRIORITY.custom);
      }
    }
  }
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
  const where = candidate.namedInText && candidate.nameHint && /^[\w.$@-]{1,80}$/.test(candidate.nameHint) ? ` in "${candidate.nameHint}"` : '';
  return `Hard-coded ${candidate.kind}${where}. Move it to KMS and reference it instead.`;
}

/**
 * Identifies a finding without anything derived from its value: the rule, the file, the line with the secret cut out,
 * and which such occurrence it is. A committed ignore file of these reveals nothing, not even to a dictionary attack.
 */
function fingerprintOf(candidate: Candidate, text: string, lines: string[], line: number, path: string, seen: Map<string, number>): string {
  const context = (lines[line] ?? '').replace(text.slice(candidate.start, candidate.end).split('\n')[0], '\u2022').trim();
  const key = `${candidate.ruleId}\0${path}\0${context}`;
  const occurrence = seen.get(key) ?? 0;
  seen.set(key, occurrence + 1);
  return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
}

function offsetsOf(lines: string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

function position(lineStarts: number[], offset: number): { line: number; column: number } {
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
