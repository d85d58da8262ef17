import * as assert from 'node:assert/strict';
import { numberGroups } from '../../../src/core/scanner/matchers/numberedGroups';
import { ASSIGNMENT_SITES } from '../../../src/core/scanner/rules/assignments';
import { REALISTIC, REALISTIC_CLEAN } from './realistic';

/** Every match of `pattern` in `text` as [offset, group offsets by name]. */
function namedMatches(pattern: RegExp, text: string): [number, Record<string, [number, number] | undefined>][] {
  const g = new RegExp(pattern.source, `${pattern.flags.replace(/[gd]/g, '')}gd`);
  return [...text.matchAll(g)].map((m) => [m.index, { ...m.indices!.groups }]);
}

function numberedMatches(pattern: RegExp, text: string): ReturnType<typeof namedMatches> {
  const { pattern: numbered, groups } = numberGroups(pattern, `${pattern.flags.replace(/[gd]/g, '')}gd`);
  assert.equal(numbered.source.includes('(?<'), /\(\?<[=!]/.test(numbered.source), 'no named group is left');
  return [...text.matchAll(numbered)].map((m) => [
    m.index,
    Object.fromEntries([...groups].map(([name, n]) => [name, m.indices![n]])),
  ]);
}

describe('scanner: numbered copies of named-group patterns', () => {
  const cases: [string, RegExp, string][] = [
    ['plain groups before and after', /(a)(?<key>b+)(c)(?<value>d)/, 'xabbcd abcd'],
    ['a ( inside a class and an escaped paren', /[(](?<key>\w+)\((?<value>[^)]*)\)/, 'f (call(arg) (x()'],
    ['lookbehinds are not groups', /(?<!x)(?<=\s)(?<key>\w+)=(?<value>\w+)/, 'a=b xk=v k=v'],
    ['a back-reference by name', /(?<q>["'])(?<value>[^"']*)\k<q>/, `"one" 'two" 'three'`],
    ['a back-reference followed by a digit', /(?<q>a)\k<q>1/, 'aa1 a11 aa1'],
    ['a class with an escaped ]', /[\]<](?<key>[a-z]+)/, '<ab ]cd'],
  ];
  for (const [name, pattern, text] of cases) {
    it(name, () => {
      const expected = namedMatches(pattern, text);
      assert.ok(expected.length > 0, 'the case matches something');
      assert.deepEqual(numberedMatches(pattern, text), expected);
    });
  }

  it('a back-reference before its group is refused', () => {
    // eslint-disable-next-line no-useless-backreference -- the useless back-reference is what is tested
    assert.throws(() => numberGroups(/\k<q>(?<q>a)/), /comes before its group/);
  });

  it('every assignment site matches the realistic files exactly as its named original', () => {
    const text = [...REALISTIC, ...REALISTIC_CLEAN].map((c) => c.text).join('\n');
    let matched = 0;
    for (const site of ASSIGNMENT_SITES) {
      const expected = namedMatches(site.pattern, text);
      matched += expected.length;
      assert.deepEqual(numberedMatches(site.pattern, text), expected, site.id);
    }
    assert.ok(matched > 100, `${matched} matches compared`);
  });
});
