import * as assert from 'node:assert/strict';
import { ledByFirstAtom } from '../../../src/core/scanner/matchers/firstAtom';
import { TOKEN_RULES } from '../../../src/core/scanner/rules/tokens';
import { B, E } from '../../../src/core/scanner/rules/vendorTokens';
import { DEEPER, DEEPER_CLEAN } from './deeper';
import { MINED, MINED_CLEAN } from './mined';
import { REALISTIC, REALISTIC_CLEAN } from './realistic';

const token = (source: string): RegExp => new RegExp(`${B}(${source})${E}`, 'g');
/** The atom the pattern is led by: matched first (`atom`), looked ahead for (`(?=atom)`), or none (''). */
const lead = (pattern: RegExp): string => {
  const led = ledByFirstAtom(pattern);
  if (led === pattern) return '';
  if (led.source.endsWith(pattern.source)) return led.source.slice(0, led.source.length - pattern.source.length);
  const boundary = new RegExp(B).source;
  const atom = led.source.slice(1, led.source.indexOf(`(?<=${boundary}`));
  assert.ok(led.source.startsWith(`(${atom}(?<=${boundary}(?:${atom}))`), led.source);
  return atom;
};

describe('scanner: token patterns led by their first atom', () => {
  it('matches a literal prefix whole, a class, an escape or a group first; looks ahead for one that repeats', () => {
    assert.equal(lead(token('LTAI[A-Za-z0-9]{12,28}')), 'LTAI');
    assert.equal(lead(token('sk-(?:proj-)?[A-Za-z0-9]{20}')), 'sk-');
    assert.equal(lead(token('[MNO][A-Za-z0-9]{23,26}')), '[MNO]');
    assert.equal(lead(token('\\d{15,16}\\|[A-Za-z0-9_-]{27}')), '(?=\\d)');
    assert.equal(lead(token('(?:AKIA|ASIA)[A-Z0-9]{16}')), '(?:AKIA|ASIA)');
    assert.equal(lead(token('A{20}[A-Za-z0-9%]{30,}')), '(?=A)');
  });

  it('leaves a pattern whose matches need not start with one atom', () => {
    assert.equal(lead(token('ntn_[0-9]{11}|secret_[A-Za-z0-9]{43}')), ''); // alternatives at the top
    assert.equal(lead(token('(?:FlyV1 )?fm2_[A-Za-z0-9]{40}')), ''); // an optional first atom
    assert.equal(lead(token('x*y[0-9]{8}')), '');
    assert.equal(lead(/AccountKey=([A-Za-z0-9+/]{40,120})/g), ''); // no boundary to put it before
  });

  it('finds exactly what the original finds, for every token rule, over every test file', () => {
    const texts = [...REALISTIC, ...REALISTIC_CLEAN, ...DEEPER, ...DEEPER_CLEAN, ...MINED, ...MINED_CLEAN].map(
      (c) => c.text,
    );
    const matches = (pattern: RegExp, text: string): string[] =>
      [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => `${m.index}:${m[0]}`);
    let led = 0;
    for (const rule of TOKEN_RULES) {
      const fast = ledByFirstAtom(rule.pattern);
      if (fast !== rule.pattern) led++;
      for (const text of texts) assert.deepEqual(matches(fast, text), matches(rule.pattern, text), rule.id);
    }
    assert.ok(led > 60, `most token rules are led (${led})`);
  });
});
