// What the suites on secret references (kms:// and ExternalSecret manifests) share.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * Forwards every request to the emulator, except those naming a secret under `deniedPrefix`, which get the 403
 * `Forbidden.NoPermission` that KMS answers when RAM denies the caller (the emulator has no RAM policies).
 */
export async function denyingProxy(
  target: string,
  deniedPrefix: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const params = new URLSearchParams(new URL(req.url ?? '/', 'http://x').search);
      const form = new URLSearchParams(body.toString('utf8'));
      const name = params.get('SecretName') ?? form.get('SecretName') ?? '';
      if (name.startsWith(deniedPrefix)) {
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            RequestId: 'deny-1',
            Code: 'Forbidden.NoPermission',
            Message: 'This operation is forbidden by permission system.',
            HttpStatus: 403,
          }),
        );
        return;
      }
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The codes of the reference diagnostics (src/core/check/problems.ts). */
const CODES = new Set([
  'reference-syntax',
  'unknown-secret',
  'pending-deletion',
  'unknown-stage',
  'unknown-version',
  'json-key-absent',
  'not-json',
  'no-permission',
]);
export const referenceDiagnostics = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => typeof d.code === 'string' && CODES.has(d.code));

/** The hovers' Markdown with text escapes undone (appendText writes spaces as &nbsp; and escapes punctuation). */
export function markdownText(hovers: vscode.Hover[]): string {
  const raw = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
  return raw.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

export function completionText(list: vscode.CompletionList): string {
  return JSON.stringify(
    list.items.map((i) => [
      i.label,
      i.detail,
      i.documentation,
      i.insertText instanceof vscode.SnippetString ? i.insertText.value : i.insertText,
    ]),
  );
}

export const labelOf = (item: vscode.CompletionItem) =>
  typeof item.label === 'string' ? item.label : item.label.label;

/**
 * Registers the calling suite's hooks for a temporary folder of test documents: `open` writes a file there and shows
 * it; afterwards what the tests changed is saved (so closing never prompts), the editors close and the folder goes.
 */
export function useTempFolder(prefix: string): {
  readonly dir: string;
  open(name: string, text: string, language?: string): Promise<vscode.TextEditor>;
} {
  let dir = '';
  const opened: vscode.Uri[] = [];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  after(async () => {
    for (const doc of vscode.workspace.textDocuments)
      if (doc.isDirty && opened.some((u) => u.toString() === doc.uri.toString())) await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    async open(name, text, language) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      let doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      if (language && doc.languageId !== language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
      opened.push(doc.uri);
      return vscode.window.showTextDocument(doc);
    },
  };
}
