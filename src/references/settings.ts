import * as vscode from 'vscode';

/** The `kmsSecrets.references.*` settings (read through, so a change applies at once). */
export interface ReferenceSettings {
  /** Flag broken references as diagnostics. */
  diagnostics: boolean;
  /** Quiet time after the last edit before a document's references are checked. */
  debounceMs: number;
  /** How long listings, metadata and JSON key names stay cached. */
  cacheSeconds: number;
}

export const REFERENCES_SECTION = 'kmsSecrets.references';

export function settings(scope?: vscode.ConfigurationScope): ReferenceSettings {
  const c = vscode.workspace.getConfiguration(REFERENCES_SECTION, scope);
  return {
    diagnostics: c.get<boolean>('diagnostics.enabled', true),
    debounceMs: Math.max(0, c.get<number>('diagnostics.debounceMs', 500)),
    cacheSeconds: Math.max(0, c.get<number>('cacheSeconds', 60)),
  };
}
