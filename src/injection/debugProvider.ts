import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { showError } from '../platform/notify';
import type { Services } from '../services';
import { HANDOFF_VARIABLE, createHandoff, removeHandoff } from './handoff';
import { EnvResolver, InjectionError, UNTRUSTED_MESSAGE } from './resolver';

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
 * they travel through a private one-shot file instead (see handoff.ts), for other types in a terminal the console
 * becomes the
 * Debug Console.
 */
export class SecretDebugConfigurationProvider implements vscode.DebugConfigurationProvider {
  private readonly resolver: EnvResolver;
  private readonly isTrusted: () => boolean;

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
        void showError(this.services.log, `Not starting "${config.name}": ${UNTRUSTED_MESSAGE}`);
        return undefined;
      }
      const { values, count, elapsedMs } = await this.resolver.resolve(loaded);
      const injected = this.inject(config, values);
      const keys = Object.keys(values).sort().join(', ');
      this.services.log.info(
        `Injected ${count} secret(s) into "${config.name}" (${keys}) in ${elapsedMs} ms${injected.via ? ` via ${injected.via}` : ''}.`,
      );
      vscode.window.setStatusBarMessage(
        `$(key) KMS Secrets: injected ${count} secret${count === 1 ? '' : 's'} into "${config.name}"`,
        8000,
      );
      void vscode.commands.executeCommand('setContext', INJECTED_CONTEXT, true);
      return injected.config;
    } catch (error) {
      if (error instanceof InjectionError) {
        void showError(this.services.log, `Not starting "${config.name}": ${error.message}`);
        return undefined;
      }
      void showError(
        this.services.log,
        `Not starting "${config.name}": its secret references could not be resolved.`,
        error,
      );
      return undefined;
    }
  }

  private inject(
    config: vscode.DebugConfiguration,
    values: Record<string, string>,
  ): { config: vscode.DebugConfiguration; via?: string } {
    const console = typeof config.console === 'string' ? config.console : undefined;
    if (!console || !TERMINAL_CONSOLES.has(console)) {
      return { config: { ...config, env: { ...(isRecord(config.env) ? config.env : {}), ...values } } };
    }
    if (NODE_TYPES.has(config.type) && runsNodeDirectly(config.runtimeExecutable)) {
      const handoff = createHandoff(values);
      this.handoffs.add(handoff.dir);
      // A launch that never starts must not leave the file behind for long.
      setTimeout(() => this.dropHandoffIfUnused(handoff.dir), 120_000).unref?.();
      const runtimeArgs = Array.isArray(config.runtimeArgs) ? config.runtimeArgs : [];
      return {
        config: {
          ...config,
          env: { ...(isRecord(config.env) ? config.env : {}), [HANDOFF_VARIABLE]: handoff.envFile },
          runtimeArgs: ['--require', handoff.preload, ...runtimeArgs],
        },
        via: 'a private hand-off file',
      };
    }
    void vscode.window.showWarningMessage(
      `KMS Secrets: "${config.name}" runs in the Debug Console instead of the ${console === 'externalTerminal' ? 'external' : 'integrated'} terminal, because a terminal launch would show the secret values on its command line.`,
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

  /** Called when a session ends: removes its hand-off directory. */
  sessionEnded(session: vscode.DebugSession): void {
    const file = (session.configuration.env as Record<string, unknown> | undefined)?.[HANDOFF_VARIABLE];
    if (typeof file !== 'string') return;
    const dir = path.dirname(file);
    if (this.handoffs.delete(dir)) removeHandoff(dir);
  }

  /** The secrets of a launch that never started must not wait for a session end that never comes. */
  private dropHandoffIfUnused(dir: string): void {
    if (!this.handoffs.has(dir) || !existsSync(path.join(dir, 'env.json'))) return;
    this.handoffs.delete(dir);
    removeHandoff(dir);
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
