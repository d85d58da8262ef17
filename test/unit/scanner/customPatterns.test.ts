import * as assert from 'node:assert/strict';
import { scanText } from '../../../src/core/scanner';
import { matchCustomPatterns } from '../../../src/core/scanner/customPatterns';

// A workspace's settings can hold custom patterns (trusted workspaces): a catastrophic one must not freeze the
// extension host, which runs the scanner on every keystroke.
describe('scanner: custom patterns run under a time budget', () => {
  const catastrophic = { id: 'evil', pattern: '(a+)+$' };
  const hostileLine = `${'a'.repeat(40)}!`;

  it('stops a catastrophically backtracking pattern and names it in the notice', function () {
    this.timeout(10_000);
    const started = Date.now();
    const result = scanText(`${hostileLine}\nid: ACME-7f3k9q2w8e\n`, {
      config: { customPatterns: [catastrophic, { id: 'acme-key', pattern: '(ACME-[a-z0-9]{10})' }] },
    });
    // Unbounded, this takes hours; the budget is 200 ms (slack for a loaded machine).
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    assert.match(result.notice ?? '', /"evil"/);
    assert.ok(!(result.notice ?? '').includes('aaaa'), 'the notice names the pattern, never the text');
  });

  it('keeps the matches of patterns that finish in time, with their capture group as the secret', () => {
    const result = matchCustomPatterns(['x', 'key: ACME-7f3k9q2w8e'], [{ id: 'acme', pattern: 'key: (ACME-\\w+)' }], {
      maxLine: 4000,
    });
    assert.deepEqual(result, {
      matches: [{ pattern: 0, line: 1, index: 0, match: 'key: ACME-7f3k9q2w8e', group: 'ACME-7f3k9q2w8e' }],
      timedOut: [],
    });
  });

  it('gives a pattern only what is left of the budget, so many slow patterns cannot add up', function () {
    this.timeout(10_000);
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `evil-${i}`, pattern: `(a+)+$|x${i}` }));
    const started = Date.now();
    const result = matchCustomPatterns([hostileLine], many, { maxLine: 4000, budgetMs: 100 });
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    assert.equal(result.timedOut.length, 20);
  });

  it('skips a pattern that does not compile and one that matches empty strings without looping', () => {
    const result = matchCustomPatterns(
      ['abc'],
      [
        { id: 'bad', pattern: '(' },
        { id: 'empty', pattern: 'z*' },
      ],
      {
        maxLine: 4000,
      },
    );
    assert.deepEqual(result, { matches: [], timedOut: [] });
  });

  it('cannot run code: the sandbox refuses eval and the pattern is only ever a RegExp source', () => {
    const result = matchCustomPatterns(['x'], [{ id: 'code', pattern: "x')||globalThis.process.exit(3)||('" }], {
      maxLine: 4000,
    });
    assert.deepEqual(result.timedOut, []);
  });
});
