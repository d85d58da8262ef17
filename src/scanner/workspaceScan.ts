import * as vscode from 'vscode';
import { GitignoreRules } from '../core/glob/gitignore';
import { ScanPool, type DisabledPattern } from '../core/scanner';
import type { Services } from '../services';
import { editorScanOf, scanOptions, type EditorScan } from './editorScan';
import type { IgnoreFiles } from './ignoreFile';
import { toDiagnostic, incompleteNotice, type LiveScanner } from './liveScanner';
import { excludeMatcher, relativePath } from './paths';
import { readWorkspaceFile } from '../platform/workspaceFiles';
import { filterTimeSliced } from '../core/timeSliced';

const MAX_FILES = 50_000;

/** A file Scan Workspace could not scan, or scanned only in part, with the reason (for the log). */
export interface IncompleteFile {
  path: string;
  reason: string;
}

export interface WorkspaceScanSummary {
  files: number;
  findings: number;
  filesWithFindings: number;
  /** Files not scanned at all (unreadable, not on disk), each with its reason. */
  skipped: IncompleteFile[];
  /** Files scanned in part (an open document whose scan stopped at its time budget, findings left out). */
  partial: IncompleteFile[];
  /** Custom patterns that did not run (invalid, or stopped for running past their budget). */
  disabledPatterns: DisabledPattern[];
  /** More files than Scan Workspace looks at: the rest were not scanned. */
  truncated: boolean;
  cancelled: boolean;
}

/** `kmsSecrets.scanWorkspace`: scans, then says what it found and what it could not scan (never silently less). */
export async function scanWorkspaceAndReport(
  services: Services,
  live: LiveScanner,
  ignores: IgnoreFiles,
): Promise<WorkspaceScanSummary> {
  const summary = await scanWorkspace(services, live, ignores);
  const found = summary.findings
    ? vscode.l10n.t(
        'Found {0} hard-coded credential(s) in {1} of {2} files.',
        summary.findings,
        summary.filesWithFindings,
        summary.files,
      )
    : vscode.l10n.t('No hard-coded credentials in {0} files.', summary.files);
  const sentences = [summary.cancelled ? vscode.l10n.t('Scan cancelled. {0}', found) : found];
  const incomplete = summary.skipped.length + summary.partial.length;
  if (incomplete)
    sentences.push(vscode.l10n.t('{0} file(s) could not be scanned completely (see the log).', incomplete));
  if (summary.disabledPatterns.length)
    sentences.push(
      vscode.l10n.t(
        'Custom pattern(s) {0} did not run: not valid regular expressions, or they ran past their time limit (see the log).',
        summary.disabledPatterns.map((p) => `"${p.id}"`).join(', '),
      ),
    );
  if (summary.truncated)
    sentences.push(vscode.l10n.t('Only the first {0} files of the workspace were scanned.', MAX_FILES));
  const openProblems = vscode.l10n.t('Open Problems');
  const showLog = vscode.l10n.t('Show Log');
  const warn = incomplete > 0 || summary.disabledPatterns.length > 0 || summary.truncated;
  const buttons = [...(summary.findings ? [openProblems] : []), ...(warn ? [showLog] : [])];
  const message = sentences.join(' ');
  void (
    warn
      ? vscode.window.showWarningMessage(message, ...buttons)
      : vscode.window.showInformationMessage(message, ...buttons)
  ).then((choice) => {
    if (choice === openProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
    else if (choice === showLog) services.log.show();
  });
  return summary;
}

/**
 * "Scan Workspace": every file of every folder, minus `files.exclude`, the scanner's excludes and what `.gitignore`
 * files ignore, scanned on worker threads (both cores, nothing on the extension host's thread); findings of files that
 * are not open go into the live scanner's diagnostic collection (open files stay with the live scanner). A file that
 * cannot be scanned is counted and named in the log, never dropped.
 */
export async function scanWorkspace(
  services: Services,
  live: LiveScanner,
  ignores: IgnoreFiles,
): Promise<WorkspaceScanSummary> {
  const summary: WorkspaceScanSummary = {
    files: 0,
    findings: 0,
    filesWithFindings: 0,
    skipped: [],
    partial: [],
    disabledPatterns: [],
    truncated: false,
    cancelled: false,
  };
  await ignores.loadAll();
  const pool = new ScanPool();
  try {
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Scanning for hard-coded credentials'),
        cancellable: true,
      },
      async (progress, token) => {
        const settings = services.config.scanner;
        const isExcluded = excludeMatcher(settings.exclude);
        const found = await vscode.workspace.findFiles('**/*', undefined, MAX_FILES + 1, token);
        summary.truncated = found.length > MAX_FILES;
        const gitignored = await gitignoreMatcher(token);
        // Up to 50,000 paths through globs and .gitignore rules: in slices, so the extension host keeps serving.
        const inWorkspace = new Set<string>();
        const files = await filterTimeSliced(
          found.slice(0, MAX_FILES),
          (uri) => {
            if (isExcluded(relativePath(uri)) || gitignored(uri)) return false;
            inWorkspace.add(uri.toString());
            return true;
          },
          { cancelled: () => token.isCancellationRequested },
        );
        const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
        const record = (uri: vscode.Uri, scan: EditorScan): void => {
          summary.files++;
          const path = relativePath(uri);
          const notice = incompleteNotice({ ...scan, disabledPatterns: [] });
          if (notice) summary.partial.push({ path, reason: notice });
          if (!scan.findings.length) return;
          summary.findings += scan.findings.length;
          summary.filesWithFindings++;
        };
        const scanOne = async (uri: vscode.Uri): Promise<void> => {
          const path = relativePath(uri);
          if (uri.scheme !== 'file') {
            summary.skipped.push({ path, reason: 'not on this machine’s disk' });
            return;
          }
          const ignore = ignores.rulesFor(uri);
          try {
            const result = await pool.scanFile(uri.fsPath, scanOptions(path, undefined, settings, ignore));
            const scan = editorScanOf(result, path, ignore);
            record(uri, scan);
            if (scan.findings.length) live.diagnostics.set(uri, scan.findings.map(toDiagnostic));
            else live.diagnostics.delete(uri);
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            summary.skipped.push({ path, reason: code ? `cannot be read (${code})` : String(error) });
          }
        };
        // A few files in flight per worker: the pool reads and scans them, this thread only waits.
        const running = new Set<Promise<void>>();
        let done = 0;
        for (const uri of files) {
          if (token.isCancellationRequested) break;
          if (open.has(uri.toString())) continue;
          const job = scanOne(uri).finally(() => {
            running.delete(job);
            if (++done % 25 === 0)
              progress.report({
                message: vscode.l10n.t('{0} of {1} files', done, files.length),
                increment: (25 / files.length) * 100,
              });
          });
          running.add(job);
          if (running.size >= 8) await Promise.race(running);
        }
        await Promise.all(running);
        for (const document of vscode.workspace.textDocuments) {
          if (token.isCancellationRequested) break;
          const scan = await live.checkNow(document);
          if (!scan || !inWorkspace.has(document.uri.toString())) continue;
          record(document.uri, scan);
          summary.disabledPatterns.push(...scan.disabledPatterns);
        }
        summary.cancelled = token.isCancellationRequested;
      },
    );
  } finally {
    await pool.close();
  }
  const disabled = new Map([...summary.disabledPatterns, ...pool.disabledPatterns].map((p) => [p.id, p]));
  summary.disabledPatterns = [...disabled.values()];
  logSummary(services, summary);
  return summary;
}

function logSummary(services: Services, summary: WorkspaceScanSummary): void {
  const { log } = services;
  log.info(
    `Workspace scan: ${summary.files} files, ${summary.findings} findings in ${summary.filesWithFindings} files, ` +
      `${summary.skipped.length} not scanned, ${summary.partial.length} scanned in part` +
      `${summary.truncated ? `, stopped at ${MAX_FILES} files` : ''}${summary.cancelled ? ', cancelled' : ''}.`,
  );
  for (const { path, reason } of summary.skipped) log.warn(`Not scanned: ${path}: ${reason}.`);
  for (const { path, reason } of summary.partial) log.warn(`Scanned in part: ${path}: ${reason}`);
  for (const pattern of summary.disabledPatterns) log.warn(pattern.reason);
}

/** Every `.gitignore` of the workspace, each applying to its own folder and below (as git reads them). */
async function gitignoreMatcher(token: vscode.CancellationToken): Promise<(uri: vscode.Uri) => boolean> {
  const rules: { base: string; matcher: GitignoreRules }[] = [];
  for (const uri of await vscode.workspace.findFiles('**/.gitignore', '**/node_modules/**', 1000, token)) {
    // A cloned repository's .gitignore may be a link out of the folder, a FIFO or /dev/zero: read only a small file.
    const { text } = await readWorkspaceFile(uri, vscode.workspace.getWorkspaceFolder(uri));
    if (text === undefined) continue;
    rules.push({ base: vscode.Uri.joinPath(uri, '..').path.replace(/\/?$/, '/'), matcher: new GitignoreRules(text) });
  }
  return (uri) =>
    rules.some(({ base, matcher }) => uri.path.startsWith(base) && matcher.ignores(uri.path.slice(base.length)));
}
