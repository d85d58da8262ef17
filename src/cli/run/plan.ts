/**
 * What `kms-secrets run` hands the command: the inherited environment, overlaid by the env files (later files win),
 * with every reference replaced by its value. Same grammar and classification as the editor (core/reference, core/env).
 */
import { BrokenEnvReference, EnvReference, classifyValue, parseEnvFile } from '../../core/env';

export interface EnvFileText {
  path: string;
  text: string;
}

export interface RunSite {
  key: string;
  text: string;
  /** 'environment' or the env file's path (with line). */
  origin: string;
}

export interface RunEnvPlan {
  /** The environment before resolution (references still in place). */
  env: Record<string, string>;
  references: Array<EnvReference & RunSite>;
  broken: Array<BrokenEnvReference & RunSite>;
  /** Lines of env files that could not be read as KEY=value, "path:line: message". */
  fileErrors: string[];
}

export function planRunEnv(
  inherited: Readonly<Record<string, string | undefined>>,
  files: readonly EnvFileText[],
): RunEnvPlan {
  const env: Record<string, string> = {};
  const origin = new Map<string, string>();
  for (const [key, value] of Object.entries(inherited)) {
    if (value === undefined) continue;
    env[key] = value;
    origin.set(key, 'environment');
  }
  const fileErrors: string[] = [];
  for (const file of files) {
    const parsed = parseEnvFile(file.text);
    for (const error of parsed.errors) fileErrors.push(`${file.path}:${error.line + 1}: ${error.message}`);
    for (const entry of parsed.entries) {
      env[entry.key] = entry.value;
      origin.set(entry.key, `${file.path}:${entry.line + 1}`);
    }
  }
  const plan: RunEnvPlan = { env, references: [], broken: [], fileErrors };
  for (const [key, text] of Object.entries(env)) {
    const kind = classifyValue(text);
    const site = { key, text, origin: origin.get(key) ?? 'environment' };
    if (kind.kind === 'reference') plan.references.push({ ...site, reference: kind.reference });
    else if (kind.kind === 'broken') plan.broken.push({ ...site, error: kind.error });
  }
  return plan;
}
