import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DebugEnvPlan,
  DebugEnvSources,
  EnvEntry,
  EnvFileInput,
  describeSite,
  mergeDebugEnv,
  parseEnvFile,
  planDebugEnv,
  resolveReferences,
} from '../core/env';
import { readWorkspaceFile, refusalSentence } from '../platform/workspaceFiles';
import type { Services } from '../services';

/** Fetches in flight at once: two round trips for 50 references, bounded to keep a burst clear of KMS's per-account read quota. */
const CONCURRENCY = 25;

export function untrustedMessage(): string {
  return vscode.l10n.t(
    'KMS Secrets does not resolve secret references in an untrusted workspace (a workspace file could name any secret you can read). Trust the workspace to launch with secrets.',
  );
}

/** Why a launch, task or terminal cannot get its secrets: one sentence that names references, never values. */
export class InjectionError extends Error {}

export interface SourceOptions {
  folder?: vscode.WorkspaceFolder;
  /** `env` of a launch configuration or task definition. */
  env?: Readonly<Record<string, string | null | undefined>>;
  /** `envFile`: one path or several, relative to the folder. */
  envFile?: unknown;
  /** Whether the workspace's references env file (setting `kmsSecrets.referencesEnvFile`) takes part. */
  referencesFile?: boolean;
}

export interface LoadedSources {
  sources: DebugEnvSources;
  plan: DebugEnvPlan;
  /** The entries of the envFile files, later files winning (tasks apply them themselves; debug adapters read them). */
  envFileValues: Record<string, string>;
}

export interface Resolution {
  /** Variables whose effective value was a reference, mapped to the resolved value. */
  values: Record<string, string>;
  /** How many variables got a secret. */
  count: number;
  elapsedMs: number;
}

/** Reads the env sources a launch, task or terminal draws on and resolves the references among them. */
export class EnvResolver {
  constructor(private readonly services: Services) {}

  async load(options: SourceOptions): Promise<LoadedSources> {
    const envFiles: EnvFileInput[] = [];
    const envFileValues: Record<string, string> = {};
    for (const file of envFilePaths(options.envFile, options.folder)) {
      const input = await this.readEnvFile(vscode.Uri.file(file), true, options.folder);
      if (!input) continue;
      envFiles.push(input);
      for (const entry of input.entries) envFileValues[entry.key] = entry.value;
    }
    let referencesFile: EnvFileInput | undefined;
    if (options.referencesFile && options.folder) {
      referencesFile = await this.readEnvFile(
        this.services.config.referencesEnvFile(options.folder),
        false,
        options.folder,
      );
    }
    const sources: DebugEnvSources = { configEnv: options.env, envFiles, referencesFile };
    return { sources, plan: planDebugEnv(sources), envFileValues };
  }

  /** Resolves the plan's references; throws an InjectionError naming every broken or failed reference. */
  async resolve(loaded: LoadedSources): Promise<Resolution> {
    const started = Date.now();
    const { plan, sources } = loaded;
    if (plan.broken.length) {
      const list = plan.broken.map((b) => vscode.l10n.t('{0} in {1}', b.text, describeSite(b))).join(', ');
      throw new InjectionError(
        vscode.l10n.t('Broken secret reference: {0} ({1}).', list, plan.broken[0].error.message),
      );
    }
    if (!plan.assignments.length) return { values: {}, count: 0, elapsedMs: 0 };
    const outcome = await resolveReferences(
      plan.assignments
        .filter((a, i, all) => all.findIndex((b) => b.text === a.text) === i)
        .map((a) => ({ text: a.text, reference: a.reference })),
      this.services.references.fetch,
      { concurrency: CONCURRENCY },
    );
    // Every value is registered before anything could log it.
    for (const value of outcome.values.values()) this.services.redactor.register(value);
    if (outcome.failures.length) {
      for (const failure of outcome.failures)
        this.services.log.error(`Could not resolve ${failure.text}`, failure.cause);
      const sites = outcome.failures.map((f) => {
        const where = plan.assignments
          .filter((a) => a.text === f.text)
          .map(describeSite)
          .join(', ');
        return `${f.message}${where ? ` (${where})` : ''}`;
      });
      throw new InjectionError(
        outcome.failures.length === 1
          ? vscode.l10n.t('Could not resolve 1 secret reference: {0}', sites[0])
          : vscode.l10n.t('Could not resolve {0} secret references: {1}', outcome.failures.length, sites.join('; ')),
      );
    }
    const values = mergeDebugEnv(sources, outcome.values);
    return { values, count: Object.keys(values).length, elapsedMs: Date.now() - started };
  }

  /**
   * An env file's entries, undefined when there is none. One that is a link out of the folder, not a regular file or
   * huge (src/core/repositoryFiles.ts) stops the launch with an InjectionError: its references are never resolved.
   */
  private async readEnvFile(
    uri: vscode.Uri,
    required: boolean,
    folder: vscode.WorkspaceFolder | undefined,
  ): Promise<(EnvFileInput & { entries: EnvEntry[] }) | undefined> {
    const { text, refusal } = await readWorkspaceFile(uri, folder);
    if (refusal) throw new InjectionError(refusalSentence(uri, refusal));
    if (text === undefined) {
      if (required) this.services.log.warn(`envFile ${uri.fsPath} could not be read; it adds no secrets.`);
      return undefined;
    }
    const parsed = parseEnvFile(text);
    for (const error of parsed.errors) this.services.log.warn(`${uri.fsPath} line ${error.line + 1}: ${error.message}`);
    return { path: vscode.workspace.asRelativePath(uri, false), entries: parsed.entries };
  }
}

/** `envFile` as the debug adapters take it: a string or an array of strings, relative paths against the folder. */
export function envFilePaths(envFile: unknown, folder: vscode.WorkspaceFolder | undefined): string[] {
  const list =
    typeof envFile === 'string'
      ? [envFile]
      : Array.isArray(envFile)
        ? envFile.filter((f): f is string => typeof f === 'string')
        : [];
  return list
    .map((file) => file.trim())
    .filter(Boolean)
    .map((file) => (path.isAbsolute(file) || !folder ? file : path.join(folder.uri.fsPath, file)));
}
