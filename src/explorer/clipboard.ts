import * as vscode from 'vscode';
import type { Config } from '../platform/config';

/**
 * Copies values and clears the clipboard after `kmsSecrets.clipboardClearSeconds` — only if it still holds that value,
 * so whatever the user copied since is left alone. Pending clears run early when the extension shuts down.
 */
export class ClipboardGuard implements vscode.Disposable {
  private readonly pending = new Map<ReturnType<typeof setTimeout>, string>();

  constructor(private readonly config: Config) {}

  /** Returns the delay in seconds (0 = the clipboard is not cleared). */
  async copy(value: string): Promise<number> {
    await vscode.env.clipboard.writeText(value);
    const seconds = this.config.clipboardClearSeconds;
    if (seconds > 0) {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        void clearIfHolds(value);
      }, seconds * 1000);
      this.pending.set(timer, value);
    }
    return seconds;
  }

  dispose(): void {
    for (const [timer, value] of this.pending) {
      clearTimeout(timer);
      void clearIfHolds(value);
    }
    this.pending.clear();
  }
}

async function clearIfHolds(value: string): Promise<void> {
  try {
    if ((await vscode.env.clipboard.readText()) === value) await vscode.env.clipboard.writeText('');
  } catch {
    // Clipboard access can fail (e.g. a browser without permission); nothing else to do.
  }
}
