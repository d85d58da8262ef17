import * as vscode from 'vscode';
import { Commands } from '../commands';
import { scriptedConsentAllowed } from '../platform/automation';
import type { Services } from '../services';
import { SecretDebugConfigurationProvider, type ProviderOptions } from './debugProvider';
import { removeHandoff, sweepHandoffs } from './handoff';
import { EnvResolver, type LoadedSources, type Resolution } from './resolver';
import { SecretsTaskProvider, TASK_TYPE } from './tasks';
import { openSecretsTerminal } from './terminal';

/** Hooks for the extension-host tests; present only in the project's own test host (src/platform/automation.ts). */
export interface InjectionApi {
  /** A provider wired like the registered one, with its own trust check (to test the gate in a trusted host). */
  createDebugProvider(options: ProviderOptions): vscode.DebugConfigurationProvider;
  resolveTask(task: vscode.Task): vscode.Task | undefined;
  /** Loads and resolves like a launch does (for the timing figure). */
  resolveEnv(options: {
    folder?: vscode.WorkspaceFolder;
    env?: Record<string, string>;
  }): Promise<Resolution & { loaded: LoadedSources }>;
  /** Hand-off directories of terminal launches that have not ended yet. */
  pendingHandoffs(): string[];
  globalStorageUri: vscode.Uri;
  storageUri: vscode.Uri | undefined;
}

export function register(context: vscode.ExtensionContext, services: Services): InjectionApi | undefined {
  const swept = sweepHandoffs();
  if (swept) services.log.info(`Removed ${swept} stale secret hand-off folder(s).`);
  const handoffs = new Set<string>();
  const resolver = new EnvResolver(services);
  const provider = new SecretDebugConfigurationProvider(services, handoffs);
  const tasks = new SecretsTaskProvider(services);
  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider('*', provider),
    vscode.debug.onDidTerminateDebugSession((session) => provider.sessionEnded(session)),
    vscode.tasks.registerTaskProvider(TASK_TYPE, tasks),
    vscode.commands.registerCommand(Commands.runWithSecrets, (folder?: vscode.WorkspaceFolder) =>
      openSecretsTerminal(services, resolver, folder),
    ),
    vscode.commands.registerCommand(Commands.clearCache, async () => {
      await services.references.clear();
      services.log.info('Cleared cached secret values.');
      vscode.window.setStatusBarMessage('$(check) KMS Secrets: cached secret values cleared', 5000);
    }),
    new vscode.Disposable(() => {
      for (const dir of handoffs) removeHandoff(dir);
      handoffs.clear();
    }),
  );
  if (!scriptedConsentAllowed()) return undefined;
  return {
    createDebugProvider: (options) => new SecretDebugConfigurationProvider(services, handoffs, options),
    resolveTask: (task) => tasks.resolveTask(task),
    resolveEnv: async ({ folder, env }) => {
      const loaded = await resolver.load({ folder, env, referencesFile: false });
      return { ...(await resolver.resolve(loaded)), loaded };
    },
    pendingHandoffs: () => [...handoffs],
    globalStorageUri: context.globalStorageUri,
    storageUri: context.storageUri,
  };
}
