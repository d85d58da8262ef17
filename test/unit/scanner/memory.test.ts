import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { scanText } from '../../../src/core/scanner';

/** A full GC before reading the heap, so the figure counts live objects, not garbage. */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('scanner: memory', function () {
  this.timeout(120_000);

  it("keeps no scanned file's text alive once the scan is done (names are remembered as copies, values by hash)", () => {
    collect();
    const before = process.memoryUsage().heapUsed;
    const padding = '// generated\n'.repeat(80_000); // ~1 MB of text per file
    for (let i = 0; i < 300; i++) {
      // names and values of any length: both are slices of the text, and both are remembered
      const text = `${padding}const orderServiceDatabasePassword${i} = "Zq8Lm2Xr7Pw4Kv${i}Tn3Bc6";\n`;
      assert.equal(scanText(text, { path: `gen/f${i}.js` }).findings.length, 1);
    }
    collect();
    const retainedMb = (process.memoryUsage().heapUsed - before) / 1e6;
    assert.ok(retainedMb < 100, `${retainedMb.toFixed(0)} MB still held after scanning 300 files of 1 MB`);
  });
});
