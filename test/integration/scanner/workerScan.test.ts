import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { scanText } from '../../../src/core/scanner';
import { CONTEXT_LINES } from '../../../src/core/scanner/incremental';
import { api, logText, sleep, waitFor, type TestApi } from '../fixtures';
import { report } from '../index';

const SOURCE = 'KMS Secrets';
const INCOMPLETE = 'scan-incomplete';
const PASSWORD = 'CanaryWorkerPw-' + '71c3e9';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const findingsOf = (uri: vscode.Uri) => ours(uri).filter((d) => d.code !== INCOMPLETE);
const noticeOf = (uri: vscode.Uri) => ours(uri).find((d) => d.code === INCOMPLETE);

/**
 * While `work` runs: the longest the extension host's event loop went without running a 10 ms timer (`lagMs`, which
 * on a busy machine includes time the thread waited for a CPU), and the longest it was busy between two ticks
 * (`busyMs`, from the event-loop utilisation: time spent running code rather than waiting for events).
 */
async function maxEventLoopLag<T>(work: () => Promise<T>): Promise<{ lagMs: number; busyMs: number; result: T }> {
  let last = performance.now();
  let elu = performance.eventLoopUtilization();
  let lagMs = 0;
  let busyMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    const since = performance.eventLoopUtilization(elu);
    elu = performance.eventLoopUtilization();
    lagMs = Math.max(lagMs, now - last - 10);
    busyMs = Math.max(busyMs, since.active);
    last = now;
  }, 10);
  try {
    const result = await work();
    return { lagMs, busyMs, result };
  } finally {
    clearInterval(probe);
  }
}

describe('Scanner worker in the editor: never blocks, incremental, never silent', function () {
  this.timeout(120_000);
  let hooks: TestApi;
  let dir: vscode.Uri;
  const folder = () => vscode.workspace.workspaceFolders![0];
  const live = () => hooks.scanner.live;
  const write = async (name: string, text: string): Promise<vscode.Uri> => {
    const uri = vscode.Uri.joinPath(dir, name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
  };
  const open = async (uri: vscode.Uri) => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const settings = () => vscode.workspace.getConfiguration('kmsSecrets');

  before(async () => {
    hooks = await api();
    dir = vscode.Uri.joinPath(folder().uri, `worker-${Date.now().toString(36)}`);
    await vscode.workspace.fs.createDirectory(dir);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await settings().update('scanner.customPatterns', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('scanner.enabled', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sleep(300);
    await vscode.workspace.fs.delete(dir, { recursive: true });
  });

  it('scans a hostile 2 MB file off the extension host thread: the event loop stays free and the findings arrive', async () => {
    // 40,000 random assignments: each a finding, so the answer is capped and the rest are said, not dropped.
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++) lines.push(`api_key_${i} = "${randomBytes(24).toString('base64url')}"`);
    const text = `${lines.join('\n')}\n`;
    assert.ok(text.length > 1_500_000, `${text.length} characters`);
    const uri = await write('hostile.py', text);

    // Opened while the scanner is off: what VS Code itself does with a 2 MB document is not the scanner's to measure.
    // Then the scanner is turned on and the event loop watched until the findings arrive.
    const scanOnce = async () => {
      await settings().update('scanner.enabled', false, vscode.ConfigurationTarget.Global);
      await sleep(300);
      const opening = await maxEventLoopLag(async () => {
        await open(uri);
        await sleep(1000);
      });
      const scanning = await maxEventLoopLag(async () => {
        const started = performance.now();
        await settings().update('scanner.enabled', undefined, vscode.ConfigurationTarget.Global);
        await waitFor('the findings of the hostile file', () => (findingsOf(uri).length ? true : undefined), 60_000);
        await sleep(500);
        return performance.now() - started;
      });
      const notice = noticeOf(uri);
      report(
        `      hostile 2 MB file: diagnostics after ${scanning.result.toFixed(0)} ms, max event-loop lag ${scanning.lagMs.toFixed(0)} ms, longest busy stretch ${scanning.busyMs.toFixed(0)} ms ` +
          `while scanning (${opening.lagMs.toFixed(0)} ms lag, ${opening.busyMs.toFixed(0)} ms busy while VS Code opened it), ` +
          `${findingsOf(uri).length} shown; notice: ${notice?.message}`,
      );
      return scanning.busyMs;
    };
    // Seconds when the scan ran on this thread (printed below); a few tens of ms of message and diagnostic handling
    // now, stretched several times over when the test machine's cores are shared (load ~8 on 2 cores here). A stall
    // of the machine itself (CI once saw 907 ms, with the worker at half its speed too) is measured again once: the
    // host's own blocking would repeat.
    let busyMs = await scanOnce();
    if (busyMs >= 500) {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      busyMs = await scanOnce();
    }
    assert.ok(busyMs < 500, `the extension host's event loop was busy for ${busyMs.toFixed(0)} ms at a time`);
    const notice = noticeOf(uri);
    assert.ok(findingsOf(uri).length >= 100, `${findingsOf(uri).length} findings shown`);
    assert.ok(notice, 'the findings left out (or the lines not scanned) are said in a diagnostic');
    assert.equal(notice.severity, vscode.DiagnosticSeverity.Information);
    assert.match(notice.message, /more hard-coded credential\(s\) in this file are not shown|Only lines 1–\d+/);

    // What scanning it on the host's own thread would have cost (the old live scanner did exactly this).
    const syncStarted = performance.now();
    scanText(text, { path: 'hostile.py' });
    report(`      the same scan on the host thread: ${(performance.now() - syncStarted).toFixed(0)} ms`);
  });

  it('updates the diagnostics of a 10,000-line file incrementally when a secret line is added and removed', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `const value${i} = compute(${i}, 'label-${i}');`);
    const uri = await write('big.js', `${lines.join('\n')}\n`);
    const editor = await open(uri);
    await waitFor('the first scan', () => (live().resultOf(uri) ? true : undefined), 30_000);
    assert.equal(findingsOf(uri).length, 0);

    const edited = performance.now();
    await editor.edit((e) => e.insert(new vscode.Position(5000, 0), `const password = '${PASSWORD}';\n`));
    const finding = await waitFor('the new finding', () => findingsOf(uri)[0], 10_000);
    const addMs = performance.now() - edited;
    assert.equal(finding.range.start.line, 5000);
    assert.equal(editor.document.getText(finding.range), PASSWORD);
    const added = live().lastScan!;
    assert.equal(added.uri, uri.toString());
    assert.equal(added.whole, false, 'only the edited lines were scanned again');
    // the lines whose findings may change (CONTEXT_LINES either side), and as many again for their own context
    const window = 4 * CONTEXT_LINES + 1;
    assert.ok(added.toLine - added.fromLine < window, `lines ${added.fromLine}–${added.toLine} scanned again`);

    const removed = performance.now();
    await editor.edit((e) => e.delete(new vscode.Range(5000, 0, 5001, 0)));
    await waitFor('the finding to go', () => (findingsOf(uri).length === 0 ? true : undefined), 10_000);
    const removeMs = performance.now() - removed;
    assert.equal(live().lastScan!.whole, false);
    report(
      `      10,000-line file: added in ${addMs.toFixed(0)} ms, removed in ${removeMs.toFixed(0)} ms after the edit ` +
        `(debounce ${settings().get('scanner.debounceMs')} ms included); worker round trip ${added.ms.toFixed(1)} ms ` +
        `for ${added.toLine - added.fromLine + 1} lines`,
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Scan Workspace finds secrets in build/ and dist/ output folders', async () => {
    const inBuild = await write('build/config.env', `DB_PASSWORD=${PASSWORD}-build\n`);
    const inDist = await write('dist/app.js', `const password = '${PASSWORD}-dist';\n`);
    const summary = await vscode.commands.executeCommand<{ files: number; skipped: unknown[] }>(
      'kmsSecrets.scanWorkspace',
    );
    assert.ok(summary && summary.files >= 2);
    assert.deepEqual(summary.skipped, []);
    assert.equal(findingsOf(inBuild).length, 1, 'the secret in build/ is reported');
    assert.equal(findingsOf(inDist).length, 1, 'the secret in dist/ is reported');
  });

  it('says a custom pattern that runs past its time budget was stopped, and the other rules still report', async () => {
    await settings().update(
      'scanner.customPatterns',
      [{ id: 'runaway-pattern', pattern: '(a+)+$' }],
      vscode.ConfigurationTarget.Global,
    );
    const uri = await write('runaway.env', `DB_PASSWORD=${PASSWORD}\nNOTE=${'a'.repeat(34)}!\n`);
    const { busyMs } = await maxEventLoopLag(async () => {
      await open(uri);
      await waitFor('the notice of the stopped pattern', () => noticeOf(uri), 30_000);
    });
    const notice = noticeOf(uri)!;
    assert.match(notice.message, /Custom pattern "runaway-pattern" did not run/);
    assert.equal(findingsOf(uri).length, 1, 'the password is still reported');
    assert.ok(busyMs < 500, `the extension host's event loop was busy for ${busyMs.toFixed(0)} ms at a time`);
    const log = await waitFor('the log line', async () => {
      const text = await logText(hooks);
      return /runaway-pattern" was stopped and disabled/.test(text) ? text : undefined;
    });
    assert.ok(!log.includes(PASSWORD), 'the log holds no value');
  });
});
