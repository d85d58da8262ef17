/**
 * The display language of sentences from src/core. The extension hands over the bundle VS Code loaded; scan worker
 * threads receive the same bundle when they start, so a reason a worker writes (an invalid custom pattern, a partial
 * scan) reads in the user's language too. Without a bundle (the CLI, English) the source's English stays.
 */
import * as l10n from '@vscode/l10n';

let current: l10n.l10nJsonFormat | undefined;

export function useBundle(contents: l10n.l10nJsonFormat | undefined): void {
  if (!contents) return;
  current = contents;
  l10n.config({ contents });
}

export function currentBundle(): l10n.l10nJsonFormat | undefined {
  return current;
}
