import * as assert from 'node:assert/strict';
import { RULES, scanText } from '../../../src/core/scanner';
import { DEEPER, DEEPER_CLEAN } from './deeper';
import { MINED, MINED_CLEAN } from './mined';

describe('scanner: deeper detection (issue #12)', () => {
  for (const c of [...DEEPER, ...MINED]) {
    it(`${c.name} (${c.path})`, () => {
      const { findings } = scanText(c.text, { path: c.path });
      assert.deepEqual(
        findings.map((f) => c.text.slice(f.start, f.end)),
        c.secrets,
      );
      const ids = new Set(RULES.map((r) => r.id));
      for (const f of findings) assert.ok(ids.has(f.ruleId), `${f.ruleId} is listed in RULES`);
    });
  }
  it('finds the same in every file with Windows line endings', () => {
    for (const c of [...DEEPER, ...MINED, ...DEEPER_CLEAN, ...MINED_CLEAN]) {
      const text = c.text.replace(/\r?\n/g, '\r\n');
      const { findings } = scanText(text, { path: c.path });
      assert.deepEqual(
        findings.map((f) => text.slice(f.start, f.end)),
        c.secrets.map((s) => s.replace(/\r?\n/g, '\r\n')),
        `${c.name} (${c.path})`,
      );
    }
  });
  for (const c of [...DEEPER_CLEAN, ...MINED_CLEAN]) {
    it(`stays silent: ${c.name} (${c.path})`, () => {
      const { findings } = scanText(c.text, { path: c.path });
      assert.deepEqual(
        findings.map((f) => `${f.ruleId}: ${c.text.slice(f.start, f.end)}`),
        [],
      );
    });
  }
});
