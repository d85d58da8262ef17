import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

// out/test/unit → repository root
const ROOT = path.resolve(__dirname, '../../..');

interface Step {
  id: string;
  completionEvents?: string[];
}

function sources(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

describe('The walkthrough ticks from what the extension really does', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const steps: Step[] = manifest.contributes.walkthroughs.flatMap((w: { steps: Step[] }) => w.steps);
  const code = sources(path.join(ROOT, 'src'));

  it('gives every step an event, and every context key one the code sets', () => {
    for (const step of steps) {
      assert.ok(step.completionEvents?.length, `${step.id} has completion events`);
      for (const event of step.completionEvents ?? []) {
        const context = /^onContext:([\w.]+)$/.exec(event);
        if (!context) continue;
        // The key is set through a constant (`setContext`, KEY, true) somewhere in the extension.
        assert.ok(code.includes(`'${context[1]}'`), `${step.id}: nothing sets ${context[1]}`);
      }
    }
  });

  it('does not tick "Fix a hard-coded credential" for a scan alone', () => {
    const fix = steps.find((s) => s.id === 'fix');
    assert.deepEqual(fix?.completionEvents, ['onContext:kmsSecrets.movedLiteral']);
  });
});
