import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import * as vscode from 'vscode';
import { MaskedOutput } from '../core/masking/maskedOutput';
import type { Services } from '../services';
import { EnvResolver, InjectionError, untrustedMessage } from './resolver';

export const TASK_TYPE = 'kmsSecrets';

/** A `"type": "kmsSecrets"` task in tasks.json (the schema is package.json's taskDefinitions). */
export interface SecretsTaskDefinition extends vscode.TaskDefinition {
  command: string;
  /** With args the command runs without a shell; without, `command` is a shell command line. */
  args?: string[];
  cwd?: string;
  env?: Record<string, string | null>;
  envFile?: string | string[];
}

/**
 * Runs a command with the references of its `env`, its `envFile` files and the references env file resolved, in a
 * pseudoterminal: the values are fetched when the task starts, live only in the child's environment (never in the
 * task's stored definition, a shell command line or a persisted terminal), and are masked in its output.
 */
export class SecretsTaskProvider implements vscode.TaskProvider {
  private readonly resolver: EnvResolver;

  constructor(private readonly services: Services) {
    this.resolver = new EnvResolver(services);
  }

  provideTasks(): vscode.Task[] {
    return [];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as SecretsTaskDefinition;
    if (typeof definition.command !== 'string' || !definition.command) return undefined;
    const folder = task.scope && typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    const resolved = new vscode.Task(
      definition,
      task.scope ?? vscode.TaskScope.Workspace,
      task.name,
      TASK_TYPE,
      new vscode.CustomExecution(
        async () => new SecretsPseudoterminal(this.services, this.resolver, definition, folder),
      ),
      task.problemMatchers,
    );
    resolved.presentationOptions = task.presentationOptions;
    return resolved;
  }
}

class SecretsPseudoterminal implements vscode.Pseudoterminal {
  private readonly writer = new vscode.EventEmitter<string>();
  private readonly closer = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writer.event;
  readonly onDidClose = this.closer.event;
  private child: ChildProcess | undefined;

  constructor(
    private readonly services: Services,
    private readonly resolver: EnvResolver,
    private readonly definition: SecretsTaskDefinition,
    private readonly folder: vscode.WorkspaceFolder | undefined,
  ) {}

  open(): void {
    void this.run();
  }

  close(): void {
    this.child?.kill();
  }

  /** Our own lines (they name references and counts, never values). */
  private write(text: string): void {
    this.writer.fire(this.services.redactor.redact(text).replace(/\r?\n/g, '\r\n'));
  }

  /** The program's output: masked as a stream, so a value split across writes is masked too. */
  private pipe(source: NodeJS.ReadableStream, values: string[]): void {
    const decoder = new StringDecoder('utf8');
    const show = (text: string) => {
      if (text) this.writer.fire(text.replace(/\r?\n/g, '\r\n'));
    };
    const output = new MaskedOutput(values, (chunk) => show(decoder.write(chunk)));
    source.on('data', (chunk: Buffer) => output.write(chunk));
    source.on('end', () => {
      output.end();
      show(decoder.end());
    });
  }

  private async run(): Promise<void> {
    const d = this.definition;
    try {
      if (!vscode.workspace.isTrusted) throw new InjectionError(untrustedMessage());
      const loaded = await this.resolver.load({
        folder: this.folder,
        env: d.env,
        envFile: d.envFile,
        referencesFile: true,
      });
      const { values, count } = await this.resolver.resolve(loaded);
      const env: Record<string, string | undefined> = { ...process.env, ...loaded.envFileValues };
      for (const [key, value] of Object.entries(d.env ?? {})) env[key] = value ?? undefined;
      Object.assign(env, values);
      const cwd = d.cwd
        ? path.isAbsolute(d.cwd) || !this.folder
          ? d.cwd
          : path.join(this.folder.uri.fsPath, d.cwd)
        : this.folder?.uri.fsPath;
      const commandLine = [d.command, ...(d.args ?? [])].join(' ');
      this.write(
        (count === 1
          ? vscode.l10n.t('KMS Secrets: 1 secret injected; running {0}', commandLine)
          : vscode.l10n.t('KMS Secrets: {0} secrets injected; running {1}', count, commandLine)) + '\n',
      );
      this.services.log.info(
        `Task ${d.command}: injected ${count} secret(s) (${Object.keys(values).sort().join(', ')}).`,
      );
      const child = spawn(d.command, d.args ?? [], { cwd, env, shell: !d.args });
      this.child = child;
      for (const stream of [child.stdout, child.stderr]) if (stream) this.pipe(stream, Object.values(values));
      child.once('error', (error) => {
        this.write(vscode.l10n.t('KMS Secrets: could not start {0}: {1}', d.command, error.message) + '\n');
        this.closer.fire(127);
      });
      child.once('close', (code, signal) => this.closer.fire(code ?? (signal ? 128 : 1)));
    } catch (error) {
      const sentence =
        error instanceof InjectionError
          ? error.message
          : vscode.l10n.t("The task's secret references could not be resolved.");
      this.services.log.error(
        `Task ${d.command} not started: ${sentence}`,
        error instanceof InjectionError ? undefined : error,
      );
      this.write(vscode.l10n.t('KMS Secrets: not running {0}: {1}', d.command, sentence) + '\n');
      this.closer.fire(1);
    }
  }
}
