import * as assert from 'node:assert/strict';
import { KeywordIndex } from '../../../src/core/scanner/keywords';

/** Every keyword that occurs on each line, found the slow way. */
function naive(words: readonly string[], lower: string): Map<number, Set<string>> {
  const lines = new Map<number, Set<string>>();
  lower.split('\n').forEach((line, index) => {
    const found = words.filter((w) => line.includes(w));
    if (found.length) lines.set(index, new Set(found));
  });
  return lines;
}

const starts = (text: string): number[] => {
  const result = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) result.push(i + 1);
  return result;
};

const sorted = (lines: Map<number, Set<string>>): [number, string[]][] =>
  [...lines].sort((a, b) => a[0] - b[0]).map(([line, found]) => [line, [...found].sort()]);

describe('scanner: keyword index', () => {
  it('finds overlapping keywords, and the shorter keywords a longer one starts with', () => {
    const index = new KeywordIndex(['pass', 'password', 'passwd', 'word', 'sk_', 'api_key', 'key', 'curlopt_']);
    const text = 'db_password = x\napi_key: y\nnothing here\npasswd sk_live curlopt_userpwd';
    assert.deepEqual(sorted(index.linesOf(text, starts(text))), [
      [0, ['pass', 'password', 'word']],
      [1, ['api_key', 'key']],
      [3, ['curlopt_', 'pass', 'passwd', 'sk_']],
    ]);
  });

  it('finds what a search for each keyword finds, on random text', () => {
    const words = ['a', 'ab', 'abc', 'abd', 'b', 'bca', 'cab', 'ca', 'd.', '(x', 'x(', 'abcabc'];
    const index = new KeywordIndex(words);
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const text = Array.from({ length: 400 }, () => 'abcdx.(\n '[Math.floor(rand() * 9)]).join('');
      assert.deepEqual(sorted(index.linesOf(text, starts(text))), sorted(naive(words, text)));
    }
  });

  it('finds keywords in any script, beside characters no keyword holds', () => {
    const index = new KeywordIndex(['密码', '令牌', 'pwd']);
    const text = 'é数据库密码：x\n🔑 令牌=y pwd\n密\n码';
    assert.deepEqual(sorted(index.linesOf(text, starts(text))), [
      [0, ['密码']],
      [1, ['pwd', '令牌']],
    ]);
  });

  it('finds keywords in any case, as in the lower-cased text, without lower-casing it', () => {
    const words = ['password', 'api_key', 'token', 'lid', '密码'];
    const index = new KeywordIndex(words);
    const text = 'DB_PASSWORD=x\nApi_Key: y\nTO\u212aEN z\nİNVALİD valid\n密码';
    assert.deepEqual(sorted(index.linesOf(text, starts(text))), [
      [0, ['password']],
      [1, ['api_key']],
      [2, ['token']], // the Kelvin sign lower-cases to k
      [3, ['lid']], // in `valid`: `İ` lower-cases to two characters, as in `i̇nvali̇d`
      [4, ['密码']],
    ]);
    // every character reads as its lower case does, when that is one character
    const letters = new KeywordIndex([...'abcdefghijklmnopqrstuvwxyz0123456789_-.:(密']);
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code < 0xe000) continue;
      const char = String.fromCharCode(code);
      const lower = char.toLowerCase();
      if (lower.length !== 1) continue;
      assert.deepEqual(
        sorted(letters.linesOf(char, [0])),
        sorted(letters.linesOf(lower, [0])),
        `U+${code.toString(16)}`,
      );
    }
  });

  it('says which gate words the text holds, in any case, without marking their lines', () => {
    const index = new KeywordIndex(['password'], ['insert', 'kind:', 'password']);
    const gates = new Set<string>();
    const text = 'INSERT INTO t\nkind: Secret\npassword = x';
    assert.deepEqual(sorted(index.linesOf(text, starts(text), gates)), [[2, ['password']]]);
    assert.deepEqual([...gates].sort(), ['insert', 'kind:', 'password']);
    const none = new Set<string>();
    index.linesOf('nothing to see', [0], none);
    assert.equal(none.size, 0);
  });

  it('reads a text with more word ends than one batch holds', () => {
    const index = new KeywordIndex(['a', 'ab']);
    const text = Array.from({ length: 3000 }, (_, i) => (i % 3 ? 'ab' : 'x')).join('\n');
    assert.deepEqual(sorted(index.linesOf(text, starts(text))), sorted(naive(['a', 'ab'], text)));
  });

  it('finds nothing when it waits for no keyword', () => {
    assert.equal(new KeywordIndex([]).linesOf('password', [0]).size, 0);
  });
});
