/**
 * `name = value` in every syntax (rules/assignments.ts): the name says the value is a credential, the value says it is
 * a literal and not a lookup, reference, placeholder or label. All per-match work looks back a bounded distance, so a
 * line costs linear time however many assignments it holds.
 */
import type { FileFormat } from '../formats';
import { MAX_ASSIGNMENT_LINE } from '../limits';
import { ASSIGNMENT_SITES, type AssignmentSite } from '../rules/assignments';
import { ASSIGNMENT_KEYWORDS, secretNameStrength } from '../rules/secretNames';
import { characterClasses } from '../entropy';
import type { Candidate } from '../types';
import { isBase64OfText, isHashLike, isIdentifierOrType, isPlausibleSecret } from '../values';
import { hasAny, PRIORITY, type Add } from './context';

const withIndices = (pattern: RegExp): RegExp =>
  new RegExp(pattern.source, pattern.flags.includes('d') ? pattern.flags : `${pattern.flags}d`);
const SITES = ASSIGNMENT_SITES.map((site) => ({ ...site, pattern: withIndices(site.pattern) }));

const VALUE_GROUPS = ['dq', 'sq', 'bq', 'eq', 'bare'] as const;
const GENERIC_LINE = /(?:^|[\s{,"'])(?:value|default|defaultValue|default_value|initial_value|val)["']?\s{0,4}[:=]/i;

/** Keys that say nothing by themselves: their name is on the line or lines before (`- name: DB_PASSWORD` / `value: …`). */
const GENERIC_KEY = /^["']?(value|default|defaultValue|default_value|initial_value|val)["']?$/i;
const NAMING = [
  /(?:^|[\s{,-])["']?(?:name|key|Name|Key|ParameterKey|variable)["']?\s{0,4}[:=]\s{0,4}["']?([A-Za-z_][\w.-]{0,79})/g,
  /\bvariable\s+"([\w-]{1,80})"/g,
];
/** How far before a generic key its name may stand on the same line. */
const NAME_REACH = 300;

/** Every keyword the assignment matcher may wait for (the engine's keyword index includes them). */
export const ASSIGNMENT_WAKE_WORDS = [
  ...ASSIGNMENT_SITES.flatMap((s) => s.keywords ?? []),
  ...ASSIGNMENT_KEYWORDS,
  'value',
  'default',
  'val',
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

/** The last character before `index` that is not a space (or '' at the start of the line). */
function previousNonSpace(line: string, index: number): string {
  let i = index - 1;
  while (i >= 0 && (line[i] === ' ' || line[i] === '\t')) i--;
  return i >= 0 ? line[i] : '';
}

/** `cond ? 'password' : 'x'`: the key stands right after a ternary's `?` (spaces and one quote between). */
function followsTernary(line: string, keyStart: number): boolean {
  let i = keyStart - 1;
  if (line[i] === '"' || line[i] === "'") i--;
  while (i >= 0 && (line[i] === ' ' || line[i] === '\t')) i--;
  return line[i] === '?';
}

export function scanAssignments(
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
      if (!site.fixedKey && GENERIC_KEY.test(key))
        key = contextualName(lines, index, line.slice(Math.max(0, m.index - NAME_REACH), m.index)) ?? key;
      if (!site.fixedKey && !site.keyIsSecretName && !strengthOf(key)) continue; // most keys on a line name no secret
      const group = VALUE_GROUPS.find((g) => m.groups?.[g] !== undefined);
      const range = group && m.indices?.groups?.[group];
      if (!group || !range) continue;
      let value = m.groups?.[group] ?? '';
      const valueStart = range[0];
      let valueEnd = range[1];
      // `key:value` without a space is a YAML scalar or a URL-ish token, not an assignment.
      if (
        group === 'bare' &&
        site.id === 'assignment' &&
        previousNonSpace(line, range[0]) === ':' &&
        !/\s/.test(line[range[0] - 1] ?? '')
      )
        continue;
      const keyRange = m.indices?.groups?.key;
      if (site.id === 'assignment' && keyRange && followsTernary(line, keyRange[0])) continue;
      if (group === 'bare' && format !== 'config' && /[,;.]$/.test(value)) {
        // Punctuation that ends a sentence, an argument or a statement: `-pS3cret,` in prose or code.
        value = value.slice(0, -1);
        valueEnd--;
      }
      const candidate = assignmentCandidate(site, key, value, group === 'bare', format);
      if (candidate)
        add(
          { ...candidate, start: base + valueStart, end: base + valueEnd },
          candidate.ruleId === 'alibaba-access-key-secret' ? PRIORITY.akSecret : PRIORITY.assignment,
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
