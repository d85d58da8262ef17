import * as assert from 'node:assert/strict';
import { hasUnprintable } from '../../../src/core/printable';
import { ignoreEntryLine, isValidRuleId, parseIgnoreFile, scanText } from '../../../src/core/scanner';

describe('scanner: ignore entries and rule ids a repository cannot abuse', () => {
  it('a rule id is one printable token of at most 100 characters', () => {
    for (const id of ['hardcoded-password', 'my.rule_1', 'team/x:y', '规则']) assert.equal(isValidRuleId(id), true, id);
    for (const id of ['', 'a b', 'a\tb', 'a\nb', 'a#b', '\u001b[31mred', 'x\u009bq', 'rtl\u202eexe', 'x'.repeat(101)])
      assert.equal(isValidRuleId(id), false, JSON.stringify(id));
  });

  it('writes one line per entry, with a printable comment', () => {
    assert.equal(ignoreEntryLine({ fingerprint: 'abc123' }, 'r in a.env'), 'abc123  # r in a.env');
    assert.equal(
      ignoreEntryLine({ ruleId: 'r', path: 'dir/my file.env' }, 'every r\nfinding \u001b]0;x\u0007'),
      'rule:r dir/my file.env  # every r?finding ?]0;x?',
    );
  });

  it('refuses an entry that would not read back as written (a newline in a file name adds a second entry)', () => {
    const refused = [
      { ruleId: 'r', path: 'evil\nrule:hardcoded-password other.env' },
      { ruleId: 'r', path: 'evil\r0123abcd' },
      { ruleId: 'r', path: 'a\u001b[2Jb.env' },
      { ruleId: 'r', path: 'a\u0085b.env' },
      { ruleId: 'r', path: 'x #1.env' },
      { ruleId: 'r', path: ' lead.env' },
      { ruleId: 'r', path: '' },
      { ruleId: 'two words', path: 'a.env' },
      { ruleId: 'r\nfp', path: 'a.env' },
      { fingerprint: 'abc\n0123' },
      { fingerprint: 'rule:x' },
    ];
    for (const entry of refused) assert.equal(ignoreEntryLine(entry, 'c'), undefined, JSON.stringify(entry));
  });

  it('reading skips entries with control or escape characters, and still takes tabs as spaces', () => {
    const rules = parseIgnoreFile(
      [
        'good1',
        'bad\u001b[31m',
        'rule:r\ta.env',
        'rule:r b\u0007.env',
        'rule:r c\u202e.env',
        'oops\rinjected',
        'good2  # comment with \u001b escape is fine',
      ].join('\n'),
    );
    assert.deepEqual(rules.fingerprints, ['good1', 'good2']);
    assert.equal(rules.isRuleIgnored('r', 'a.env'), true);
    assert.equal(rules.isRuleIgnored('r', 'b\u0007.env'), false);
    assert.equal(rules.isRuleIgnored('r', 'c\u202e.env'), false);
  });

  it('a custom pattern with an unusable id is rejected (named by position) and never runs', () => {
    const text = 'token = CUSTOM-0123456789\n';
    const result = scanText(text, {
      path: 'a.txt',
      config: {
        customPatterns: [
          { id: 'bad\nrule:x y', pattern: 'CUSTOM-\\d+' },
          { id: '\u001b]52;c;evil\u0007', pattern: 'CUSTOM-\\d+' },
          { id: 'good-one', pattern: 'CUSTOM-\\d+' },
        ],
      },
    });
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      ['good-one'],
    );
    const reasons = (result.disabledPatterns ?? []).map((d) => d.reason);
    assert.equal(reasons.length, 2);
    assert.match(reasons[0], /^Custom pattern 1 needs an id/);
    assert.match(reasons[1], /^Custom pattern 2 needs an id/);
    for (const d of result.disabledPatterns ?? []) assert.equal(hasUnprintable(d.id + d.reason), false);
  });
});
