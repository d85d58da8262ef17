/**
 * What the "move to KMS" quick fix and `kmsSecrets.insertReference` write: in config-like files the reference itself;
 * in source code an environment lookup for the file's language (and `NAME=kms://…` in the references env file). Also
 * the names they propose. Pure: never imports vscode.
 */
import { MAX_NAME_LENGTH, validateSecretName } from './reference';

export interface EnvLookup {
  /** Replaces a whole string literal, quotes included: `process.env.DB_PASSWORD`, `"${DB_PASSWORD}"` in shell. */
  expression: string;
  /** For replacing text inside an interpolating string, when the language has one: `${DB_PASSWORD}` in shell. */
  interpolation?: string;
  /** An import the expression needs, as the line to add when the file lacks it (`import os`). */
  import?: { module: string; statement: string };
}

type LookupBuilder = (name: string) => EnvLookup;

const jsLike: LookupBuilder = (name) => ({
  expression: /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `process.env.${name}` : `process.env[${JSON.stringify(name)}]`,
});
const jvm: LookupBuilder = (name) => ({ expression: `System.getenv(${JSON.stringify(name)})` });
const shell: LookupBuilder = (name) => ({ expression: `"\${${name}}"`, interpolation: `\${${name}}` });

const LOOKUPS: Record<string, LookupBuilder> = {
  javascript: jsLike,
  typescript: jsLike,
  javascriptreact: jsLike,
  typescriptreact: jsLike,
  vue: jsLike,
  svelte: jsLike,
  astro: jsLike,
  python: (name) => ({
    expression: `os.environ[${JSON.stringify(name)}]`,
    import: { module: 'os', statement: 'import os' },
  }),
  go: (name) => ({
    expression: `os.Getenv(${JSON.stringify(name)})`,
    import: { module: 'os', statement: 'import "os"' },
  }),
  java: jvm,
  kotlin: jvm,
  groovy: jvm,
  scala: (name) => ({ expression: `sys.env(${JSON.stringify(name)})` }),
  csharp: (name) => ({
    expression: `Environment.GetEnvironmentVariable(${JSON.stringify(name)})`,
    import: { module: 'System', statement: 'using System;' },
  }),
  fsharp: (name) => ({ expression: `System.Environment.GetEnvironmentVariable(${JSON.stringify(name)})` }),
  vb: (name) => ({ expression: `Environment.GetEnvironmentVariable(${JSON.stringify(name)})` }),
  php: (name) => ({ expression: `getenv('${name}')` }),
  ruby: (name) => ({ expression: `ENV[${JSON.stringify(name)}]` }),
  shellscript: shell,
  shell,
  bash: shell,
  zsh: shell,
  powershell: (name) => ({ expression: `$env:${name}`, interpolation: `$env:${name}` }),
  bat: (name) => ({ expression: `%${name}%`, interpolation: `%${name}%` }),
  rust: (name) => ({
    expression: `std::env::var(${JSON.stringify(name)}).expect(${JSON.stringify(`${name} is not set`)})`,
  }),
  c: (name) => ({
    expression: `getenv(${JSON.stringify(name)})`,
    import: { module: 'stdlib.h', statement: '#include <stdlib.h>' },
  }),
  cpp: (name) => ({
    expression: `std::getenv(${JSON.stringify(name)})`,
    import: { module: 'cstdlib', statement: '#include <cstdlib>' },
  }),
  swift: (name) => ({
    expression: `ProcessInfo.processInfo.environment[${JSON.stringify(name)}]`,
    import: { module: 'Foundation', statement: 'import Foundation' },
  }),
  dart: (name) => ({
    expression: `Platform.environment['${name}']`,
    import: { module: 'dart:io', statement: "import 'dart:io';" },
  }),
  elixir: (name) => ({ expression: `System.get_env(${JSON.stringify(name)})` }),
  perl: (name) => ({ expression: `$ENV{'${name}'}` }),
  lua: (name) => ({ expression: `os.getenv(${JSON.stringify(name)})` }),
  r: (name) => ({ expression: `Sys.getenv(${JSON.stringify(name)})` }),
  julia: (name) => ({ expression: `ENV[${JSON.stringify(name)}]` }),
  haskell: (name) => ({ expression: `getEnv ${JSON.stringify(name)}` }),
  makefile: (name) => ({ expression: `$(${name})`, interpolation: `$(${name})` }),
};

/** Language ids whose files hold configuration: the value itself becomes the reference. */
export const CONFIG_LANGUAGE_IDS: ReadonlySet<string> = new Set([
  'dotenv',
  'env',
  'properties',
  'java-properties',
  'spring-boot-properties',
  'ini',
  'yaml',
  'github-actions-workflow',
  'dockercompose',
  'json',
  'jsonc',
  'json5',
  'jsonl',
  'toml',
  'xml',
  'xsl',
  'dockerfile',
  'hcl',
  'terraform',
  'terraform-vars',
  'plaintext',
  'helm',
  'nginx',
  'conf',
  'editorconfig',
  'csv',
]);

const CONFIG_FILE_NAMES = [
  /(^|[\\/])\.env(\.[^\\/]*)?$/i,
  /\.env$/i,
  /(^|[\\/])(Dockerfile|Containerfile)(\.[^\\/]*)?$/i,
  /\.(ya?ml|json5?|jsonc|toml|ini|cfg|conf|properties|xml|tfvars)$/i,
];

/**
 * Config-like: the reference goes into the file as the value. Decided by language id, or by file name for files whose
 * language VS Code does not know (`.env.local` opened as plaintext, `Dockerfile.prod`).
 */
export function isConfigLike(languageId: string, filePath?: string): boolean {
  if (LOOKUPS[languageId]) return false;
  if (CONFIG_LANGUAGE_IDS.has(languageId)) return true;
  return filePath !== undefined && CONFIG_FILE_NAMES.some((pattern) => pattern.test(filePath));
}

/** The environment lookup for `name` in the language, or undefined when the language has none we know (treat as config). */
export function envLookup(languageId: string, name: string): EnvLookup | undefined {
  return LOOKUPS[languageId]?.(name);
}

/** Just the expression: `process.env.X`, `os.environ["X"]`, `os.Getenv("X")`, …; undefined for unknown languages. */
export function envLookupExpression(languageId: string, name: string): string | undefined {
  return envLookup(languageId, name)?.expression;
}

export function supportedCodeLanguages(): string[] {
  return Object.keys(LOOKUPS);
}

// ---------------------------------------------------------------------------------------------------------------------
// Names

/** Words that say what a value is but not what it is for; a file or directory name makes them specific. */
const GENERIC = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'secret',
  'token',
  'key',
  'apikey',
  'api_key',
  'value',
  'credential',
  'credentials',
  'auth',
  'access_key',
  'secret_key',
  'private_key',
]);
/** File stems that say nothing about the value. */
const BLAND_STEMS = new Set([
  'index',
  'main',
  'app',
  'config',
  'configuration',
  'settings',
  'setting',
  'env',
  'environment',
  'application',
  'default',
  'defaults',
  'local',
  'secrets',
  'secret',
  'constants',
  'const',
  'test',
  'tests',
  'spec',
  'mod',
  'lib',
  'init',
  '__init__',
  'values',
  'docker-compose',
  'compose',
  'dockerfile',
  'launch',
  'tasks',
]);

/** Splits camelCase, PascalCase, kebab, dotted and spaced text into lowercase words. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

function fileStem(filePath: string | undefined): string[] {
  if (!filePath) return [];
  const base = filePath.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/^\.+/, '').replace(/\..*$/, '');
  const stemWords = words(stem);
  if (!stemWords.length || BLAND_STEMS.has(stemWords.join('-')) || BLAND_STEMS.has(stemWords.join('_'))) {
    return [];
  }
  return stemWords;
}

function describedWords(hint: string, filePath: string | undefined): string[] {
  let hintWords = words(hint);
  if (!hintWords.length) hintWords = ['secret'];
  if (GENERIC.has(hintWords.join('_')) || GENERIC.has(hintWords.join(''))) {
    const stem = fileStem(filePath);
    if (stem.length && !stem.every((w) => hintWords.includes(w))) hintWords = [...stem, ...hintWords];
  }
  return hintWords;
}

/** A valid UPPER_SNAKE environment variable name for the hint (a key, a detector id, a label): `DB_PASSWORD`. */
export function suggestEnvVarName(hint: string, filePath?: string): string {
  let name = describedWords(hint, filePath).join('_').toUpperCase().slice(0, 64).replace(/_+$/, '');
  if (/^[0-9]/.test(name)) name = `_${name}`;
  return name || 'SECRET';
}

function slug(text: string): string {
  return words(text).join('-');
}

/** A valid KMS secret name for the hint, under the workspace's name when given: `myapp/db-password`. */
export function suggestSecretName(hint: string, filePath?: string, workspaceName?: string): string {
  const leaf = describedWords(hint, filePath).join('-') || 'secret';
  const prefix = workspaceName ? slug(workspaceName) : '';
  let name = prefix ? `${prefix}/${leaf}` : leaf;
  if (name.length > MAX_NAME_LENGTH) name = name.slice(0, MAX_NAME_LENGTH).replace(/[-/]+$/, '');
  return validateSecretName(name) === undefined ? name : 'secret';
}
