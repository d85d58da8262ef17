import * as vscode from 'vscode';
import { Commands } from '../commands';
import { testOnly } from '../platform/automation';
import { registerCommand } from '../platform/commands';
import type { Services } from '../services';
import { SecretDebugConfigurationProvider, type ProviderOptions } from './debugProvider';
import { removeHandoff, sweepHandoffs } from './handoff';
import { EnvResolver, type LoadedSources, type Resolution } from './resolver';
import { SecretsTaskProvider, TASK_TYPE } from './tasks';
import { openSecretsTerminal } from './terminal';

/** What the extension-host tests reach (test mode only: src/platform/automation.ts). */
export interface InjectionTestApi {
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

/** Secrets injected at launch: debug sessions, kmsSecrets tasks, the Run with Secrets terminal. */
export function register(context: vscode.ExtensionContext, services: Services): InjectionTestApi | undefined {
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
    registerCommand(
      Commands.runWithSecrets,
      (arg?: unknown) => openSecretsTerminal(services, resolver, workspaceFolderOf(arg)),
      { log: services.log, failure: vscode.l10n.t('The terminal with secrets could not be opened.') },
    ),
    registerCommand(
      Commands.clearCache,
      async () => {
        await services.references.clear();
        services.log.info('Cleared cached secret values.');
        vscode.window.setStatusBarMessage(
          `$(check) ${vscode.l10n.t('KMS Secrets: cached secret values cleared')}`,
          5000,
        );
      },
      { log: services.log, failure: vscode.l10n.t('The cached secret values could not be cleared.') },
    ),
    new vscode.Disposable(() => {
      for (const dir of handoffs) removeHandoff(dir);
      handoffs.clear();
    }),
  );
  return testOnly(() => ({
    createDebugProvider: (options) => new SecretDebugConfigurationProvider(services, handoffs, options),
    resolveTask: (task) => tasks.resolveTask(task),
    resolveEnv: async ({ folder, env }) => {
      const loaded = await resolver.load({ folder, env, referencesFile: false });
      return { ...(await resolver.resolve(loaded)), loaded };
    },
    pendingHandoffs: () => [...handoffs],
    globalStorageUri: context.globalStorageUri,
    storageUri: context.storageUri,
  }));
}

/** The argument when it is one of the open workspace folders (anything else: the command asks which folder). */
function workspaceFolderOf(arg: unknown): vscode.WorkspaceFolder | undefined {
  const uri = (arg as { uri?: unknown } | undefined)?.uri;
  if (!(uri instanceof vscode.Uri)) return undefined;
  return vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === uri.toString());
}
