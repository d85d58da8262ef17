import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadSeed, type SeedFile } from '../../src/emulator/seed';
import { SecretStore } from '../../src/emulator/store';

// out/test/unit → repository root
const DEMO = path.resolve(__dirname, '../../../src/emulator/seeds/demo.json');

describe('The demo seed (npm start)', () => {
  it('rotates secrets only after they were created', () => {
    const store = new SecretStore('cn-hangzhou', '1234567890123456');
    const now = Date.parse('2026-01-15T12:00:00Z');
    loadSeed(store, JSON.parse(readFileSync(DEMO, 'utf8')) as SeedFile, now);
    const rotated = store.list().filter((s) => s.rotation);
    assert.ok(rotated.length >= 2, 'the demo shows rotation');
    for (const s of rotated) {
      const { lastRotationDate, nextRotationDate } = s.rotation!;
      if (lastRotationDate !== undefined) assert.ok(lastRotationDate >= s.createTime, `${s.name}: last rotation`);
      if (nextRotationDate !== undefined) assert.ok(nextRotationDate > s.createTime, `${s.name}: next rotation`);
      for (const v of s.versions) assert.ok(v.createTime >= s.createTime, `${s.name}: version ${v.versionId}`);
    }
  });
});
