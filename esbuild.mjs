// Bundles the extension and the CLI. `--production` minifies without sourcemaps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the form the `$esbuild-watch` problem matcher understands. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** Makes the output executable like an installed `bin`, so `dist/cli.js …` runs through its shebang. */
const executable = {
  name: 'executable',
  setup(build) {
    build.onEnd((result) => {
      if (!result.errors.length) chmodSync(build.initialOptions.outfile, 0o755);
    });
  },
};

/**
 * @alicloud/credentials reads its own package.json for a user agent (name and version): bundle those two fields, not
 * its scripts and dependency lists.
 */
const manifestFields = {
  name: 'manifest-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]@alicloud[\\/]credentials[\\/](?:dist[\\/])?package\.json$/ }, ({ path }) => {
      const { name, version } = JSON.parse(readFileSync(path, 'utf8'));
      return { contents: JSON.stringify({ name, version }), loader: 'json' };
    });
  },
};

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/**
 * The scanner's rule fields (rules/*.ts, matchers/assignments.ts' SITES, values.ts' checks) and a few of its inner ones
 * (a window's line tables, a name's strength): read only inside the worker, never in a message to or from it (those
 * carry findings, results and options: protocol.ts), never by a string key.
 */
const RULE_FIELDS =
  /^(?:bareInCode|fixedKey|readsStrings|keywordsFollow|credentialMix|lineContext|keyIsSecretName|readInBundles|randomOnly|onlyIn|requires|valueGroups|keyGroup|requirement|located|randomPart|accept|keyId|keywords|vendor|minLength|minEntropy|namedInText|what|lineStarts|keywordLines|strength)$/;

const common = {
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // @alicloud/rpc-util loads xml2js for its XML helpers, which only XML-format APIs call (the KMS and ActionTrail
  // clients speak JSON): a stand-in that fails clearly keeps xml2js and sax (~30 KB minified) out of the bundles.
  // https-proxy-agent traces through `debug` (~7 KB minified), which the bundles never enable: a silent stand-in.
  // yaml's Node entry is CommonJS, which esbuild cannot tree-shake; its ES module build (the same code, no Node APIs)
  // lets the unused parts fall away (~5 KB compressed of the VSIX's 300 KiB budget). So does @vscode/l10n's, which
  // leaves out the Node reader of bundles by path or URL (src/core hands it a bundle's contents).
  alias: {
    xml2js: './scripts/bundle/no-xml.cjs',
    debug: './scripts/bundle/silent-debug.cjs',
    yaml: './node_modules/yaml/browser/index.js',
    '@vscode/l10n': './node_modules/@vscode/l10n/dist/browser.js',
  },
  logLevel: 'warning',
  plugins: watch ? [manifestFields, problemMatcher] : [manifestFields],
};

const contexts = await Promise.all([
  esbuild.context({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.context({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    // `--` ends Node's own options: without it Node reads `kms-secrets run --env-file F` as its own --env-file
    // (nodejs/node#54232), failing on a missing file or draining a FIFO before the CLI sees it.
    banner: { js: '#!/usr/bin/env -S node --' },
    plugins: [...common.plugins, executable],
  }),
  // The Run-with-Secrets terminal's masking wrapper (src/injection/maskedShell.ts), started with Node by the extension.
  esbuild.context({ ...common, entryPoints: ['src/injection/maskedShell.ts'], outfile: 'dist/maskedShell.js' }),
  // The scanner's worker thread, loaded by path by the extension and the CLI (src/core/scanner/worker/). Its rules hold
  // words of many languages (placeholders, prompts): written as UTF-8, not `\u` escapes, they take fewer bytes. In the
  // shipped build the fields of its rule tables, which never leave the worker, get short names (~0.6 KB of the VSIX).
  esbuild.context({
    ...common,
    entryPoints: ['src/core/scanner/worker/scanWorker.ts'],
    outfile: 'dist/scanWorker.js',
    charset: 'utf8',
    ...(production ? { mangleProps: RULE_FIELDS } : {}),
  }),
]);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
