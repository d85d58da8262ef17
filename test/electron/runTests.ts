// `npm run test:electron`: the same integration suite (test/integration/index.ts) in desktop VS Code via
// @vscode/test-electron, for machines with internet access or a desktop VS Code. It downloads VS Code, so it cannot run
// in this project's CI; the code-server host (test/host/run-integration.mjs) is the one CI uses. Like rust-analyzer, it
// runs against the minimum engines.vscode and against stable. KMS_VSCODE_VERSIONS=stable (comma-separated) narrows
// that.
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { vscode: string } };
  const minimum = manifest.engines.vscode.replace(/^[\^~>=\s]+/, '');
  const versions = (process.env.KMS_VSCODE_VERSIONS ?? `${minimum},stable`)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

  for (const version of versions) {
    console.log(`\n== VS Code ${version} ==`);
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [
        path.join(root, 'test', 'fixtures', 'workspace'),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
      ],
      // No KMS_TEST_REPORT: here the extension host's console is the terminal, so the report already shows up live.
      // KMS_SECRETS_TEST_HOST: the test mode (scripted arguments, test hooks: src/platform/automation.ts).
      extensionTestsEnv: { KMS_TEST_REPORT: '', KMS_SECRETS_TEST_HOST: '1' },
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
