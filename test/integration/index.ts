// The test index VS Code loads inside the real extension host (extensionTestsPath): code-server's workbench in CI, and
// @vscode/test-electron where desktop VS Code exists. run() settling is the verdict (resolve = pass, reject = fail).
//
// The extension host's console goes to the workbench log, not to our terminal, so the report is written line by line to
// the file named by KMS_TEST_REPORT (the runner tails it live) as well as to the console.
import { appendFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const REPORT_FILE = process.env.KMS_TEST_REPORT;

/** Writes a line to the live report (and the console): for figures a test wants seen, such as the activation time. */
export function report(line: string): void {
  out(line);
}

function out(line: string): void {
  console.log(line);
  if (REPORT_FILE) appendFileSync(REPORT_FILE, line + '\n');
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

/** A spec-like reporter whose every line goes through out(), ending with the plain summary line the runners parse. */
class FileReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } =
      Mocha.Runner.constants;
    let depth = 0;
    let passed = 0;
    let skipped = 0;
    const failures: { title: string; error: Error }[] = [];
    const indent = (): string => '  '.repeat(depth);
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.title) out(`${indent()}${suite.title}`);
      depth++;
    });
    runner.on('suite end', () => depth--);
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
      passed++;
      out(`${indent()}✔ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
      skipped++;
      out(`${indent()}- ${test.title} (skipped)`);
    });
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) => {
      failures.push({ title: test.fullTitle(), error });
      out(`${indent()}✘ ${failures.length}) ${test.title}`);
    });
    runner.once(EVENT_RUN_END, () => {
      failures.forEach(({ title, error }, index) => {
        out(`\n${index + 1}) ${title}:`);
        out(
          String(error?.stack ?? error)
            .split('\n')
            .map((line) => `   ${line}`)
            .join('\n'),
        );
      });
      out(`\n${passed} passed, ${failures.length} failed, ${skipped} skipped`);
    });
  }
}

export function run(): Promise<void> {
  // A hanging test fails on its own time-out instead of stalling the run until the outer deadline.
  // KMS_TEST_GREP narrows a run to matching tests while iterating (the runner passes it through).
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 30_000,
    grep: process.env.KMS_TEST_GREP || undefined,
    reporter: FileReporter as unknown as typeof Mocha.reporters.Base,
  });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (error) {
      out(`mocha could not start: ${error instanceof Error ? error.stack : String(error)}`);
      out('0 passed, 1 failed, 0 skipped');
      reject(error);
    }
  });
}
