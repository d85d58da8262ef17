import * as vscode from 'vscode';

/**
 * A secret row's `resourceUri` (`kms-secret://<region>/<name>`): what file decorations (the unused marks of secret
 * usage) are keyed by. Names never contain `?` or `#`, so the path is the name.
 */
export const SECRET_SCHEME = 'kms-secret';

export function secretUri(region: string, name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SECRET_SCHEME, authority: region, path: `/${name}` });
}

export function secretOfUri(uri: vscode.Uri): { region: string; name: string } | undefined {
  if (uri.scheme !== SECRET_SCHEME || !uri.authority || uri.path.length < 2) return undefined;
  return { region: uri.authority, name: uri.path.slice(1) };
}
