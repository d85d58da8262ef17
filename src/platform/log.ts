import * as vscode from 'vscode';
import { Redactor } from '../core/redaction';

/**
 * The extension's single log: a LogOutputChannel (levels from "Developer: Set Log Level…") that passes every line
 * through the redactor, so a secret value registered anywhere in the process never reaches the Output panel.
 */
export class Log implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;

  constructor(
    readonly redactor: Redactor,
    name = 'KMS Secrets',
  ) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  trace(message: string): void {
    this.channel.trace(this.redactor.redact(message));
  }

  debug(message: string): void {
    this.channel.debug(this.redactor.redact(message));
  }

  info(message: string): void {
    this.channel.info(this.redactor.redact(message));
  }

  warn(message: string): void {
    this.channel.warn(this.redactor.redact(message));
  }

  error(message: string, error?: unknown): void {
    const detail = error === undefined ? '' : `: ${describeError(error)}`;
    this.channel.error(this.redactor.redact(message + detail));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${error.message}`;
  }
  return String(error);
}
