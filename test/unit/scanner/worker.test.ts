import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentScanHost, ScanPool, scanText } from '../../../src/core/scanner';
import { CONTEXT_LINES } from '../../../src/core/scanner/incremental';

const PASSWORD = 'Wint3r-Harb0r-' + '22';
/** Catastrophic backtracking on a line of forty a's and a bang: minutes, unless stopped. */
const EVIL = { id: 'evil', pattern: '(a+)+$' };
const RUNAWAY_LINE = `X=${'a'.repeat(40)}!`;

describe('scanner: off the editor thread (worker)', function () {
  this.timeout(60_000);
  let host: DocumentScanHost;

  beforeEach(() => (host = new DocumentScanHost({ patternBudgetMs: 300 })));
  afterEach(() => host.dispose());

  it('scans a document in the worker, then only the lines an edit touched', async () => {
    const text = `${'a = 1\n'.repeat(5000)}DB_PASSWORD=${PASSWORD}\n${'b = 2\n'.repeat(5000)}`;
    const opened = await host.open('doc', text, { path: 'big.env' });
    assert.deepEqual(
      opened.findings.map((f) => [f.line, f.ruleId]),
      [[5000, 'hardcoded-password']],
    );
    const edited = await host.edit('doc', [{ start: 0, end: 0, text: 'API_TOKEN=Zq8Lm2Xr7Pw4Kv\n' }], () => {
      throw new Error('the worker still holds the document');
    });
    const expected = scanText(`API_TOKEN=Zq8Lm2Xr7Pw4Kv\n${text}`, { path: 'big.env' }).findings;
    assert.deepEqual(edited.findings, expected);
    assert.equal(edited.rescanned.whole, false);
    assert.ok(edited.rescanned.toLine <= 2 * CONTEXT_LINES, JSON.stringify(edited.rescanned));
  });

  it('stops a runaway custom pattern, disables it with a clear message, and keeps every other rule', async () => {
    const text = `DB_PASSWORD=${PASSWORD}\n${RUNAWAY_LINE}\nid = ACME-123456\n`;
    const started = Date.now();
    const result = await host.open('doc', text, {
      path: 'a.env',
      config: { customPatterns: [EVIL, { id: 'acme', pattern: 'ACME-[0-9]{6}' }] },
    });
    assert.ok(Date.now() - started < 30_000);
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      ['hardcoded-password', 'acme'],
    );
    assert.deepEqual(
      result.disabledPatterns?.map((d) => d.id),
      ['evil'],
    );
    assert.match(result.notice ?? '', /Custom pattern "evil" was stopped and disabled: it ran longer than 300 ms/);
    // The worker was replaced: an edit finds the document gone and scans the current text again.
    const current = `${text}TOKEN=Q7zr2Lm9Pw4Xk8Vn\n`;
    const edited = await host.edit(
      'doc',
      [{ start: text.length, end: text.length, text: 'TOKEN=Q7zr2Lm9Pw4Xk8Vn\n' }],
      () => current,
    );
    assert.deepEqual(
      edited.findings.map((f) => f.ruleId),
      ['hardcoded-password', 'acme', 'hardcoded-token'],
    );
    assert.deepEqual(
      edited.disabledPatterns?.map((d) => d.id),
      ['evil'],
      'the pattern stays disabled',
    );
  });

  it('reports a document it could not finish within its budget as partly scanned, naming the lines', async () => {
    const slow = new DocumentScanHost({ documentBudgetMs: 0, windowChars: 64 * 1024 });
    try {
      const text = `DB_PASSWORD=${PASSWORD}\n${'api_key = "x"\n'.repeat(100_000)}`;
      const result = await slow.open('doc', text, { path: 'a.env' });
      assert.ok(result.partial, 'partial');
      assert.ok(result.partial.scannedLines > 0 && result.partial.scannedLines < 100_000);
      assert.match(result.notice ?? '', new RegExp(`only lines 1–${result.partial.scannedLines}`));
      assert.equal(result.findings[0]?.ruleId, 'hardcoded-password', 'what was scanned is reported');
    } finally {
      await slow.dispose();
    }
  });

  it('scans files on a pool of workers and reports unreadable ones by their error code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-pool-'));
    const pool = new ScanPool({ threads: 2, patternBudgetMs: 300 });
    try {
      const files = Array.from({ length: 12 }, (_, i) => {
        const file = join(dir, `f${i}.env`);
        writeFileSync(file, i % 3 ? 'A=1\n' : `DB_PASSWORD=${PASSWORD}\n${i === 6 ? RUNAWAY_LINE : ''}\n`);
        return file;
      });
      const results = await Promise.all(
        files.map((file, i) => pool.scanFile(file, { path: `f${i}.env`, config: { customPatterns: [EVIL] } })),
      );
      assert.deepEqual(
        results.map((r) => r.findings.length),
        files.map((_, i) => (i % 3 ? 0 : 1)),
      );
      assert.deepEqual(
        pool.disabledPatterns.map((d) => d.id),
        ['evil'],
      );
      assert.equal(pool.workerCount, 2, 'files asked for in one burst are shared between the workers');
      await assert.rejects(pool.scanFile(join(dir, 'missing.env'), {}), { code: 'ENOENT' });
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers each of a burst of files with its own result while results travel several at a time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kms-pool-burst-'));
    const pool = new ScanPool({ threads: 2 });
    try {
      // file i holds i % 4 passwords; every seventh is missing, so errors come between held results
      const files = Array.from({ length: 60 }, (_, i) => {
        const file = join(dir, `f${i}.env`);
        if (i % 7 !== 3)
          writeFileSync(file, Array.from({ length: i % 4 }, (_, j) => `DB${j}_PASSWORD=${PASSWORD}${i}\n`).join(''));
        return file;
      });
      const outcomes = await Promise.all(
        files.map((file, i) =>
          pool.scanFile(file, { path: `f${i}.env` }).then(
            (result) => result.findings.length,
            (error: NodeJS.ErrnoException) => error.code,
          ),
        ),
      );
      assert.deepEqual(
        outcomes,
        files.map((_, i) => (i % 7 === 3 ? 'ENOENT' : i % 4)),
      );
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails every scan with a clear error when the worker cannot start, instead of restarting it forever', async () => {
    const pool = new ScanPool({ threads: 1, workerScript: join(tmpdir(), 'no-such-scan-worker.js') });
    try {
      await assert.rejects(pool.scanFile(__filename, {}));
      await assert.rejects(pool.scanFile(__filename, {}), /The scan worker could not start/);
    } finally {
      await pool.close();
    }
  });

  it('sends at most maxFindings back and counts the rest', async () => {
    const capped = new DocumentScanHost({ maxFindings: 10 });
    try {
      const text = Array.from({ length: 50 }, (_, i) => `TOKEN_${i}=Q7zr2Lm9Pw4Xk8Vn${i}\n`).join('');
      const result = await capped.open('doc', text, { path: 'a.env' });
      assert.equal(result.findings.length, 10);
      assert.equal(result.omittedFindings, 40);
      assert.match(result.notice ?? '', /40 more finding\(s\) are not shown/);
    } finally {
      await capped.dispose();
    }
  });
});
