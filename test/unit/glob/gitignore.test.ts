import * as assert from 'node:assert/strict';
import { GitignoreRules } from '../../../src/core/glob/gitignore';

function ignored(rules: string, paths: string[]): string[] {
  const gitignore = new GitignoreRules(rules);
  return paths.filter((path) => gitignore.ignores(path));
}

describe('.gitignore rules', () => {
  it('match a name without a slash at any depth, and anchor one with a slash to the file’s folder', () => {
    assert.deepEqual(
      ignored('node_modules\n/build\nsrc/gen\n', [
        'a/node_modules/b.js',
        'build/a',
        'x/build/a',
        'src/gen/x',
        'a/src/gen/x',
      ]),
      ['a/node_modules/b.js', 'build/a', 'src/gen/x'],
    );
  });

  it('match folders only with a trailing slash', () => {
    assert.deepEqual(ignored('dist/\n', ['dist/x.js', 'dist/', 'dist', 'a/dist/y']), [
      'dist/x.js',
      'dist/',
      'a/dist/y',
    ]);
  });

  it('re-include with !, the last rule winning, but nothing inside an ignored folder', () => {
    const rules = '*.log\n!keep.log\nlogs/\n!logs/important.log\nsecret*\n!secret.example\n';
    assert.deepEqual(ignored(rules, ['a.log', 'sub/keep.log', 'logs/important.log', 'secret.txt', 'secret.example']), [
      'a.log',
      'logs/important.log',
      'secret.txt',
    ]);
  });

  it('read dir/** as what is inside the folder, so a file in it can come back', () => {
    assert.deepEqual(ignored('docs/**\n!docs/keep.md\n', ['docs/a.md', 'docs/keep.md', 'docs/', 'docs/x/y.md']), [
      'docs/a.md',
      'docs/x/y.md',
    ]);
    assert.deepEqual(ignored('a/**/b\n', ['a/b', 'a/x/y/b', 'b', 'a/bb']), ['a/b', 'a/x/y/b']);
  });

  it('skip comments and blank lines, honour escapes and drop unescaped trailing spaces, ignoring case', () => {
    assert.deepEqual(ignored('#c\n\n\\#x\nfoo \nbar\\ \n[Dd]ebug/\n', ['#c', '#x', 'foo', 'bar ', 'DEBUG/y', 'Foo']), [
      '#x',
      'foo',
      'bar ',
      'DEBUG/y',
      'Foo',
    ]);
  });

  // A cloned repository writes its own .gitignore and its own folder tree: with the ignore package the first took
  // 2.9 s for one path, and grows with every `**/` and folder.
  it('stay linear on patterns that made regular expressions backtrack', function () {
    this.timeout(5000);
    const deep = 'a/'.repeat(2000) + 'c';
    assert.equal(new GitignoreRules('**/a/'.repeat(10) + 'b\n').ignores(deep), false);
    assert.equal(new GitignoreRules('*a'.repeat(100) + 'b\n').ignores('a'.repeat(255)), false);
    assert.equal(new GitignoreRules('a/'.repeat(3) + '**\n').ignores(deep), true);
    assert.equal(new GitignoreRules(' '.repeat(500_000) + 'x\n').ignores('x'), false);
  });
});
