import * as vscode from 'vscode';
import ignore, { type Ignore } from 'ignore';
import type { Services } from '../services';
import { scanForEditor } from './editorScan';
import type { IgnoreFiles } from './ignoreFile';
import { toDiagnostic, type LiveScanner } from './liveScanner';
import { excludeMatcher, MAX_LIVE_BYTES, relativePath } from './paths';

const MAX_FILES = 50_000;

export interface WorkspaceScanSummary {
  files: number;
  findings: number;
  filesWithFindings: number;
  skipped: number;
  cancelled: boolean;
}

/** `kmsSecrets.scanWorkspace`: scans, then says what it found (with a way to the Problems panel). */
export async function scanWorkspaceAndReport(
  services: Services,
  live: LiveScanner,
  ignores: IgnoreFiles,
): Promise<WorkspaceScanSummary> {
  const summary = await scanWorkspace(services, live, ignores);
  const text = summary.findings
    ? `Found ${summary.findings} hard-coded credential(s) in ${summary.filesWithFindings} of ${summary.files} files.`
    : `No hard-coded credentials in ${summary.files} files.`;
  void vscode.window
    .showInformationMessage(
      summary.cancelled ? `Scan cancelled. ${text}` : text,
      ...(summary.findings ? ['Open Problems'] : []),
    )
    .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
  return summary;
}

/**
 * "Scan Workspace": every file of every folder, minus `files.exclude`, the scanner's excludes and what `.gitignore`
 * files ignore; findings of files that are not open go into the same diagnostic collection (open files stay with the
 * live scanner).
 */
export async function scanWorkspace(
  services: Services,
  live: LiveScanner,
  ignores: IgnoreFiles,
): Promise<WorkspaceScanSummary> {
  const summary: WorkspaceScanSummary = { files: 0, findings: 0, filesWithFindings: 0, skipped: 0, cancelled: false };
  await ignores.loadAll();
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Scanning for hard-coded credentials', cancellable: true },
    async (progress, token) => {
      const settings = services.config.scanner;
      const isExcluded = excludeMatcher(settings.exclude);
      const uris = (await vscode.workspace.findFiles('**/*', undefined, MAX_FILES, token)).filter(
        (uri) => !isExcluded(relativePath(uri)),
      );
      const gitignored = await gitignoreMatcher(token);
      const files = uris.filter((uri) => !gitignored(uri));
      const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
      const decoder = new TextDecoder('utf-8', { fatal: false });
      for (const [index, uri] of files.entries()) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        if (index % 25 === 0)
          progress.report({ message: `${index} of ${files.length} files`, increment: (25 / files.length) * 100 });
        if (open.has(uri.toString())) continue;
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.length > MAX_LIVE_BYTES || bytes.subarray(0, 8000).includes(0)) {
          summary.skipped++;
          continue;
        }
        summary.files++;
        const text = decoder.decode(bytes);
        const findings = scanForEditor({
          text,
          relativePath: relativePath(uri),
          settings,
          ignore: ignores.rulesFor(uri),
        });
        if (!findings.length) {
          live.diagnostics.delete(uri);
          continue;
        }
        summary.findings += findings.length;
        summary.filesWithFindings++;
        live.diagnostics.set(uri, findings.map(toDiagnostic));
      }
      for (const document of vscode.workspace.textDocuments) await live.checkNow(document);
    },
  );
  services.log.info(
    `Workspace scan: ${summary.files} files, ${summary.findings} findings in ${summary.filesWithFindings} files, ${summary.skipped} skipped (binary or over 2 MB)${summary.cancelled ? ', cancelled' : ''}.`,
  );
  return summary;
}

/** Every `.gitignore` of the workspace, each applying to its own folder and below (as git reads them). */
async function gitignoreMatcher(token: vscode.CancellationToken): Promise<(uri: vscode.Uri) => boolean> {
  const rules: { base: string; matcher: Ignore }[] = [];
  for (const uri of await vscode.workspace.findFiles('**/.gitignore', '**/node_modules/**', 1000, token)) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    rules.push({ base: vscode.Uri.joinPath(uri, '..').path.replace(/\/?$/, '/'), matcher: ignore().add(text) });
  }
  return (uri) =>
    rules.some(({ base, matcher }) => uri.path.startsWith(base) && matcher.ignores(uri.path.slice(base.length)));
}
