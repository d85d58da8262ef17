/**
 * How the project's own tests drive the extension, and the only place that knows whether they may. An extension host
 * started by the project's test harness has this variable in its environment; nowhere else do scripted command
 * arguments answer a prompt, and nowhere else does activate() hand out its test hooks. Pure (no `vscode`), so the rule
 * is unit-tested in plain Node.
 */
export const TEST_HOST_VARIABLE = 'KMS_SECRETS_TEST_HOST';

export function testMode(): boolean {
  return process.env[TEST_HOST_VARIABLE] === '1';
}

/** The hooks a feature hands to the extension-host tests, built only in test mode (undefined everywhere else). */
export function testOnly<T>(hooks: () => T): T | undefined {
  return testMode() ? hooks() : undefined;
}

/**
 * Every plain-object argument the extension's commands accept carries this key, so nothing VS Code passes (a tree row
 * under the view-title button, a URI, another extension's object) is ever mistaken for one.
 */
const BRAND = '$kmsSecrets';

export type Scripted<T extends object> = T & { readonly [BRAND]: 'scripted' };

/** Answers to a command's prompts, for the tests (`executeCommand(id, target, scripted({ value: 'x' }))`). */
export function scripted<T extends object>(answers: T): Scripted<T> {
  return { ...answers, [BRAND]: 'scripted' };
}

/**
 * The answers in `arg` when it is `scripted(…)` and the host is the project's test host; otherwise undefined, and the
 * command asks the user as it always does.
 */
export function scriptedArgs<T extends object>(arg: unknown): T | undefined {
  if (!isBranded(arg, 'scripted') || !testMode()) return undefined;
  const answers: Record<string, unknown> = { ...(arg as Record<string, unknown>) };
  delete answers[BRAND];
  return answers as T;
}

/** A secret a command acts on, named by the extension's own code (quick fixes, hover links) rather than a tree row. */
export interface SecretTarget {
  name: string;
  region?: string;
  versionId?: string;
  stage?: string;
  jsonKey?: string;
}

export function secretTarget(target: SecretTarget): SecretTarget & { readonly [BRAND]: 'target' } {
  return ownArgs('target', target);
}

/** The target in `arg` when it is `secretTarget(…)` with well-typed fields (it may have come through a command URI). */
export function asSecretTarget(arg: unknown): SecretTarget | undefined {
  const t = asOwnArgs<Record<string, unknown>>('target', arg);
  if (!t) return undefined;
  const optional = ['region', 'versionId', 'stage', 'jsonKey'].every(
    (k) => t[k] === undefined || typeof t[k] === 'string',
  );
  if (typeof t.name !== 'string' || !t.name || !optional) return undefined;
  return {
    name: t.name,
    region: t.region as string | undefined,
    versionId: t.versionId as string | undefined,
    stage: t.stage as string | undefined,
    jsonKey: t.jsonKey as string | undefined,
  };
}

/**
 * What the extension's own code passes to its commands: `target` names a secret (quick fixes, hover links), `finding`
 * a scanner finding (its quick fixes). Honoured everywhere, unlike `scripted`: they only say what to act on, and the
 * user still answers every prompt and confirmation.
 */
export type OwnArgsKind = 'target' | 'finding';

export function ownArgs<T extends object, K extends OwnArgsKind>(kind: K, args: T): T & { readonly [BRAND]: K } {
  return { ...args, [BRAND]: kind };
}

/** `arg` when it is `ownArgs(kind, …)`; the caller checks the fields it needs. */
export function asOwnArgs<T extends object>(kind: OwnArgsKind, arg: unknown): Partial<T> | undefined {
  return isBranded(arg, kind) ? (arg as Partial<T>) : undefined;
}

function isBranded(arg: unknown, kind: 'scripted' | OwnArgsKind): boolean {
  return typeof arg === 'object' && arg !== null && (arg as Record<string, unknown>)[BRAND] === kind;
}
