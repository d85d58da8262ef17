/**
 * Which environment variables a debug launch must receive as resolved secrets (DESIGN.md, "Debug"): references may sit
 * in the launch configuration's `env`, in the files named by `envFile`, and in the workspace's references env file.
 *
 * Precedence for each variable, highest first:
 * 1. `env` in the launch configuration — a plain value (or `null`, which unsets) wins and is left untouched; a
 * reference
 *    there is resolved.
 * 2. the `envFile` files, a later file over an earlier one (as debug adapters read them; `env` beats them in the
 * adapters
 *    too) — a plain value wins over the references file and is left for the adapter to load; a reference is resolved.
 * 3. the references env file — only its references count; its plain values neither inject nor shadow anything.
 *
 * Only the effective value of a variable matters: a reference shadowed by a higher source is not resolved and, if
 * broken, does not block the launch. The result holds only the variables that change — set them on the in-memory `env`.
 * Pure: never imports vscode.
 */
import { ReferenceSyntaxError, SecretReference } from '../reference';
import { classifyValue } from './collect';
import { EnvEntry } from './envFile';

export type EnvSourceKind = 'env' | 'envFile' | 'referencesFile';

export interface EnvFileInput {
  /** For messages ("DB_PASSWORD in /ws/.env.local"). */
  path?: string;
  /** Parsed entries (with lines and offsets) or a plain map. For a repeated key the last entry wins. */
  entries: readonly EnvEntry[] | Readonly<Record<string, string>>;
}

export interface DebugEnvSources {
  configEnv?: Readonly<Record<string, string | null | undefined>>;
  /** In the order the launch configuration lists them; a later file wins. */
  envFiles?: readonly EnvFileInput[];
  referencesFile?: EnvFileInput;
}

export interface EnvSite {
  key: string;
  /** The value as written. */
  text: string;
  source: EnvSourceKind;
  path?: string;
  /** 0-based line in the env file, when the entries came with positions. */
  line?: number;
}

export interface PlannedAssignment extends EnvSite {
  reference: SecretReference;
}

export interface BrokenSite extends EnvSite {
  error: ReferenceSyntaxError;
}

export interface DebugEnvPlan {
  /** One per variable that will be set to a resolved value. */
  assignments: PlannedAssignment[];
  /** Effective values that look like references but do not parse: the launch must stop and name them. */
  broken: BrokenSite[];
  /** The distinct reference texts to resolve (input for resolveReferences). */
  references: string[];
}

interface Candidate {
  text: string;
  source: EnvSourceKind;
  path?: string;
  line?: number;
}

function entriesOf(file: EnvFileInput): Array<{ key: string; value: string; line?: number }> {
  if (Array.isArray(file.entries))
    return (file.entries as readonly EnvEntry[]).map((e) => ({ key: e.key, value: e.value, line: e.line }));
  return Object.entries(file.entries as Readonly<Record<string, string>>).map(([key, value]) => ({ key, value }));
}

export function planDebugEnv(sources: DebugEnvSources): DebugEnvPlan {
  const effective = new Map<string, Candidate | null>();
  // Lowest precedence first; each higher source overwrites.
  if (sources.referencesFile) {
    for (const { key, value, line } of entriesOf(sources.referencesFile)) {
      if (classifyValue(value).kind === 'plain') continue;
      effective.set(key, { text: value, source: 'referencesFile', path: sources.referencesFile.path, line });
    }
  }
  for (const file of sources.envFiles ?? []) {
    for (const { key, value, line } of entriesOf(file))
      effective.set(key, { text: value, source: 'envFile', path: file.path, line });
  }
  for (const [key, value] of Object.entries(sources.configEnv ?? {})) {
    if (value === undefined) continue;
    effective.set(key, value === null ? null : { text: value, source: 'env' });
  }

  const plan: DebugEnvPlan = { assignments: [], broken: [], references: [] };
  const texts = new Set<string>();
  for (const [key, candidate] of effective) {
    if (!candidate) continue;
    const kind = classifyValue(candidate.text);
    const site: EnvSite = { key, ...candidate };
    if (kind.kind === 'reference') {
      plan.assignments.push({ ...site, reference: kind.reference });
      if (!texts.has(candidate.text)) {
        texts.add(candidate.text);
        plan.references.push(candidate.text);
      }
    } else if (kind.kind === 'broken') {
      plan.broken.push({ ...site, error: kind.error });
    }
  }
  return plan;
}

/** Where a site came from, for messages: "DB_PASSWORD (launch configuration env)", "DB_PASSWORD (.env line 3)". */
export function describeSite(site: EnvSite): string {
  if (site.source === 'env') return `${site.key} (launch configuration env)`;
  const where = site.path ?? (site.source === 'envFile' ? 'envFile' : 'references env file');
  return `${site.key} (${where}${site.line !== undefined ? ` line ${site.line + 1}` : ''})`;
}

/**
 * The variables to set on the in-memory debug configuration's `env`: every variable whose effective value is a
 * reference, mapped to its resolved value. Plain values are not repeated. Throws when a needed reference is broken or
 * missing from
 * `resolved` (resolve first; a launch with failures must be aborted before merging).
 */
export function mergeDebugEnv(
  sources: DebugEnvSources,
  resolved: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): Record<string, string> {
  const plan = planDebugEnv(sources);
  if (plan.broken.length) {
    throw new Error(
      `Broken secret reference in ${plan.broken.map(describeSite).join(', ')}: ${plan.broken[0].error.message}`,
    );
  }
  const lookup = (text: string): string | undefined =>
    resolved instanceof Map
      ? resolved.get(text)
      : Object.prototype.hasOwnProperty.call(resolved, text)
        ? (resolved as Record<string, string>)[text]
        : undefined;
  const changes: Record<string, string> = {};
  for (const assignment of plan.assignments) {
    const value = lookup(assignment.text);
    if (value === undefined)
      throw new Error(`No value was resolved for ${assignment.text} (${describeSite(assignment)}).`);
    changes[assignment.key] = value;
  }
  return changes;
}
