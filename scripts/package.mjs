// `npm run package`: vsce builds dist/kms-secrets.vsix, then every entry is stored again at zlib's highest level, its
// JSON without indentation (the manifest, the translations). The same files, 1.2 KB smaller: vsce compresses at zlib's
// default level and ships JSON as written. The installed extension's package.json leaves out what only building and
// publishing read (scripts, dependencies, which the bundles hold, the CLI's `bin`): 0.7 KB more. The VSIX budget is
// test/host/run-vsix.mjs's.
import { spawnSync } from 'node:child_process';
import { createWriteStream, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';

const VSIX = 'dist/kms-secrets.vsix';
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
// stdin closed: vsce must never wait for an answer in CI.
const built = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', VSIX], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (built.status !== 0) process.exit(built.status ?? 1);

/** Fields of package.json that VS Code does not read from an installed extension. */
const BUILD_ONLY = ['scripts', 'dependencies', 'devDependencies', 'allowScripts', 'bin', 'sideEffects', 'private'];

const repacked = new yazl.ZipFile();
for (const { entry, data } of await entriesOf(VSIX)) {
  const json = entry.fileName.endsWith('.json') ? JSON.parse(data.toString('utf8')) : undefined;
  if (entry.fileName === 'extension/package.json') for (const field of BUILD_ONLY) delete json[field];
  const body = json ? Buffer.from(JSON.stringify(json)) : data;
  repacked.addBuffer(body, entry.fileName, { mtime: entry.getLastModDate(), compressionLevel: 9 });
}
repacked.end();
await pipeline(repacked.outputStream, createWriteStream(`${VSIX}.tmp`));
renameSync(`${VSIX}.tmp`, VSIX);
console.log(`Stored again at zlib's highest level: ${VSIX} (${statSync(VSIX).size} bytes)`);

/** The archive's entries in their order ([Content_Types].xml and the manifest stay where vsce put them). */
async function entriesOf(path) {
  const zip = await new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const entries = [];
  await new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry) =>
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const chunks = [];
        for await (const chunk of stream) chunks.push(chunk);
        entries.push({ entry, data: Buffer.concat(chunks) });
        zip.readEntry();
      }),
    );
    zip.readEntry();
  });
  return entries;
}
