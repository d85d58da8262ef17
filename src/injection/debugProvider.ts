import * as path from 'node:path';
import * as vscode from 'vscode';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import { HANDOFF_VARIABLE, createHandoff, removeHandoff } from './handoff';
import { EnvResolver, InjectionError, untrustedMessage } from './resolver';

/** Debug types whose launches run Node with `runtimeArgs` (the built-in JavaScript debugger). */
const NODE_TYPES = new Set(['node', 'pwa-node']);
const TERMINAL_CONSOLES = new Set(['integratedTerminal', 'externalTerminal']);
/** True once a debug session got secrets in this window: the walkthrough's "Debug with injected secrets" step ticks. */
export const INJECTED_CONTEXT = 'kmsSecrets.injectedSecrets';

export interface ProviderOptions {
  /** The workspace-trust check (tests of the gate pass their own). */
  isTrusted?: () => boolean;
}

/**
 * Resolves secret references for every debug type, after variable substitution: in `env`, in the `envFile` files and in
 * the references env file. Resolved values exist only in the in-memory configuration; for Node launches in a terminal
 * they travel through a one-shot local socket instead (see handoff.ts), for other types in a terminal the console
 * becomes the Debug Console.
 */
export class SecretDebugConfigurationProvider implements vscode.DebugConfigurationProvider {
  private readonly resolver: EnvResolver;
  private readonly isTrusted: () => boolean;
  /** Hand-off folder by the HANDOFF_VARIABLE value its launch carries, to close it when the session ends. */
  private readonly handoffBySpec = new Map<string, string>();

  constructor(
    private readonly services: Services,
    private readonly handoffs: Set<string>,
    options: ProviderOptions = {},
  ) {
    this.resolver = new EnvResolver(services);
    this.isTrusted = options.isTrusted ?? (() => vscode.workspace.isTrusted);
  }

  async resolveDebugConfigurationWithSubstitutedVariables(
    folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | undefined> {
    // F5 without launch.json: an empty configuration, which VS Code fills in with a default after this call.
    if (!config.type && !config.request && !config.name) return config;
    // js-debug attaches a child session to the process its parent launched: that process already has its environment,
    // and resolving again would copy the values into a second configuration.
    if (config.__pendingTargetId !== undefined || config.__parentId !== undefined) return config;
    const folderOrFirst = folder ?? vscode.workspace.workspaceFolders?.[0];
    const env = isRecord(config.env) ? (config.env as Record<string, string | null | undefined>) : undefined;
    try {
      const loaded = await this.resolver.load({
        folder: folderOrFirst,
        env,
        envFile: config.envFile,
        referencesFile: true,
      });
      if (!loaded.plan.assignments.length && !loaded.plan.broken.length) return config;
      if (!this.isTrusted()) {
        void showError(this.services.log, vscode.l10n.t('Not starting "{0}": {1}', config.name, untrustedMessage()));
        return undefined;
      }
      const { values, count, elapsedMs } = await this.resolver.resolve(loaded);
      const injected = await this.inject(config, values);
      const keys = Object.keys(values).sort().join(', ');
      this.services.log.info(
        `Injected ${count} secret(s) into "${config.name}" (${keys}) in ${elapsedMs} ms${injected.via ? ` via ${injected.via}` : ''}.`,
      );
      vscode.window.setStatusBarMessage(
        `$(key) ${
          count === 1
            ? vscode.l10n.t('KMS Secrets: injected 1 secret into "{0}"', config.name)
            : vscode.l10n.t('KMS Secrets: injected {0} secrets into "{1}"', count, config.name)
        }`,
        8000,
      );
      void vscode.commands.executeCommand('setContext', INJECTED_CONTEXT, true);
      return injected.config;
    } catch (error) {
      if (error instanceof InjectionError) {
        void showError(this.services.log, vscode.l10n.t('Not starting "{0}": {1}', config.name, error.message));
        return undefined;
      }
      void showError(
        this.services.log,
        vscode.l10n.t('Not starting "{0}": its secret references could not be resolved.', config.name),
        error,
      );
      return undefined;
    }
  }

  private async inject(
    config: vscode.DebugConfiguration,
    values: Record<string, string>,
  ): Promise<{ config: vscode.DebugConfiguration; via?: string }> {
    const console = typeof config.console === 'string' ? config.console : undefined;
    if (!console || !TERMINAL_CONSOLES.has(console)) {
      return { config: { ...config, env: { ...(isRecord(config.env) ? config.env : {}), ...values } } };
    }
    if (NODE_TYPES.has(config.type) && runsNodeDirectly(config.runtimeExecutable)) {
      const handoff = await createHandoff(values);
      this.handoffs.add(handoff.dir);
      this.handoffBySpec.set(handoff.spec, handoff.dir);
      // Read, or removed unread (session end, two minutes without a reader): either way it is over.
      void handoff.delivered.then(() => {
        this.handoffs.delete(handoff.dir);
        this.handoffBySpec.delete(handoff.spec);
      });
      const runtimeArgs = Array.isArray(config.runtimeArgs) ? config.runtimeArgs : [];
      return {
        config: {
          ...config,
          env: { ...(isRecord(config.env) ? config.env : {}), [HANDOFF_VARIABLE]: handoff.spec },
          runtimeArgs: ['--import', handoff.preloadUrl, ...runtimeArgs],
        },
        via: 'a one-shot local socket',
      };
    }
    void vscode.window.showWarningMessage(
      console === 'externalTerminal'
        ? vscode.l10n.t(
            'KMS Secrets: "{0}" runs in the Debug Console instead of the external terminal, because a terminal launch would show the secret values on its command line.',
            config.name,
          )
        : vscode.l10n.t(
            'KMS Secrets: "{0}" runs in the Debug Console instead of the integrated terminal, because a terminal launch would show the secret values on its command line.',
            config.name,
          ),
    );
    return {
      config: {
        ...config,
        console: 'internalConsole',
        env: { ...(isRecord(config.env) ? config.env : {}), ...values },
      },
      via: 'the Debug Console',
    };
  }

  /** Called when a session ends: closes its hand-off if the program never read it. */
  sessionEnded(session: vscode.DebugSession): void {
    const spec = (session.configuration.env as Record<string, unknown> | undefined)?.[HANDOFF_VARIABLE];
    if (typeof spec !== 'string') return;
    const dir = this.handoffBySpec.get(spec);
    if (dir !== undefined) removeHandoff(dir);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `runtimeArgs` reach Node itself only when the runtime is Node (not npm, yarn, a shell script…). */
function runsNodeDirectly(runtimeExecutable: unknown): boolean {
  if (runtimeExecutable === undefined || runtimeExecutable === null || runtimeExecutable === '') return true;
  if (typeof runtimeExecutable !== 'string') return false;
  return /^node(\.exe)?$/i.test(path.basename(runtimeExecutable));
}
