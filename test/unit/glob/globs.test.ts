import * as assert from 'node:assert/strict';
import { expandBraces, globMatcher, MAX_BRACE_EXPANSION } from '../../../src/core/glob/globs';
import { DEFAULT_EXCLUDES } from '../../../src/core/scanner';

/** [glob, path, matches] as picomatch (`dot: true`) answered them before the matcher replaced it. */
const CASES: [string, string, boolean][] = [
  ['**/node_modules/**', 'node_modules/x/y.js', true],
  ['**/node_modules/**', 'a/node_modules/b.js', true],
  ['**/node_modules/**', 'node_modules', true],
  ['**/.git/**', '.git/config', true],
  ['src/**', 'src', true],
  ['src/**', 'src/.env', true],
  ['src/**', 'lib/src/a.ts', false],
  ['**/*.min.js', 'app.min.js', true],
  ['**/*.min.js', 'lib/app.min.js', true],
  ['*.js', 'x.js', true],
  ['*.js', 'lib/x.js', false],
  ['**/test?/**', 'p/test1/a', true],
  ['**/test?/**', 'p/tests2/a', false],
  ['**/[abc].txt', 'q/a.txt', true],
  ['**/[abc].txt', 'q/d.txt', false],
  ['*.[!j]s', 'a.ts', true],
  ['*.[!j]s', 'a.js', false],
  ['docs', 'docs/a.md', false],
  ['**/.env*', 'x/.env.local', true],
  ['**/*.{png,jpg}', 'img/a.png', true],
  ['**/*.{png,jpg}', 'a.jpg', true],
  ['**/*.{png,jpg}', 'a.gif', false],
  ['{src,lib}/**/gen/**', 'lib/z/gen/q/r', true],
  ['src/{a,b/c}/**', 'src/b/c/d', true],
  ['src/{a,b/c}/**', 'src/b/x', false],
  ['file{1..3}.txt', 'file2.txt', true],
  ['file{1..3}.txt', 'file4.txt', false],
  ['a{b,c{d,e}}f', 'acef', true],
  ['a{b,c{d,e}}f', 'acf', false],
  ['@(a|b).js', 'b.js', true],
  ['a/**/b', 'a/b', true],
  ['a/**/b', 'a/c/d/b', true],
  ['x/*/y', 'x/q/y', true],
  ['x/*/y', 'x/q/r/y', false],
  ['!src/**', 'lib/a.ts', true],
  ['!src/**', 'src/a.ts', false],
  ['*.JS', 'a.js', false],
];

describe('exclude globs', () => {
  for (const [glob, path, expected] of CASES) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(globMatcher([glob])(path), expected);
    });
  }

  it('match when any glob of the list matches, the default excludes first', () => {
    const excluded = globMatcher([...DEFAULT_EXCLUDES, 'dist/**']);
    assert.deepEqual(['vendor/a.php', 'dist/app.js', 'build/app.js', '.venv/lib/x.py', 'src/.git/HEAD'].map(excluded), [
      true,
      true,
      false,
      true,
      true,
    ]);
  });

  it('expand braces, leaving escaped and single-word braces as characters', () => {
    assert.deepEqual(expandBraces('{a,b}/{c,d}'), ['a/c', 'a/d', 'b/c', 'b/d']);
    assert.deepEqual(expandBraces('x{3..1}'), ['x3', 'x2', 'x1']);
    assert.deepEqual(expandBraces('\\{a,b}'), ['\\{a,b}']);
    assert.deepEqual(expandBraces('{a}'), ['{a}']);
    assert.ok(globMatcher(['{a}.txt'])('{a}.txt'));
  });

  it('match nothing with a glob that would expand past the limit, without building it', () => {
    assert.ok(expandBraces('{a,b}'.repeat(40)).length <= MAX_BRACE_EXPANSION + 1);
    assert.equal(globMatcher(['{a,b}'.repeat(40)])('a'.repeat(40)), false);
    assert.equal(globMatcher(['x{1..100000000}'])('x5'), false);
    assert.equal(globMatcher(['x{1..9}'])('x5'), true);
  });

  // A workspace's settings and a --config file choose these globs, and a cloned repository its paths: with
  // picomatch the first took 55 s, the second 94 s.
  it('stay linear on globs that made regular expressions backtrack', function () {
    this.timeout(5000);
    assert.equal(globMatcher(['*a'.repeat(12) + 'b'])('a'.repeat(40)), false);
    assert.equal(globMatcher(['**/a/'.repeat(8) + 'b'])('a/'.repeat(60) + 'c'), false);
    assert.equal(globMatcher(['*a'.repeat(200) + 'b'])('a'.repeat(250) + 'ab'.repeat(2)), true);
    const deep = 'x/'.repeat(2000) + 'y';
    assert.equal(globMatcher(['**/'.repeat(50) + 'z'])(deep), false);
  });
});
