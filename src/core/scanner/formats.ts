/**
 * How values are written in a file, which decides whether an unquoted right-hand side is a literal (.env, YAML, INI,
 * shell) or code (an identifier, a call, an expression).
 */
import { indentOf } from './matchers/context';

export type FileFormat = 'code' | 'config' | 'shell' | 'notebook' | 'docs';

const BY_LANGUAGE: Record<string, FileFormat> = {
  dotenv: 'config',
  env: 'config',
  properties: 'config',
  'java-properties': 'config',
  'spring-boot-properties': 'config',
  ini: 'config',
  yaml: 'config',
  'github-actions-workflow': 'config',
  dockercompose: 'config',
  toml: 'config',
  xml: 'config',
  dockerfile: 'config',
  hcl: 'code',
  terraform: 'code',
  'terraform-vars': 'code',
  conf: 'config',
  nginx: 'config',
  json: 'config',
  jsonc: 'config',
  json5: 'config',
  helm: 'config',
  plaintext: 'config',
  // REST Client and JetBrains HTTP files: headers are `Name: value` lines
  http: 'config',
  makefile: 'shell',
  shellscript: 'shell',
  shell: 'shell',
  bash: 'shell',
  zsh: 'shell',
  powershell: 'shell',
  bat: 'shell',
  sql: 'shell',
  markdown: 'docs',
  restructuredtext: 'docs',
  asciidoc: 'docs',
  jupyter: 'notebook',
  ipynb: 'notebook',
};

const BY_NAME: [RegExp, FileFormat][] = [
  [/\.ipynb$/i, 'notebook'],
  // HCL quotes every string, so a bare right-hand side is an expression (`var.db_password`), as in code.
  [/\.(tf|tfvars|hcl)$/i, 'code'],
  [/(^|\/)\.env(\.[^/]*)?$|\.env$/i, 'config'],
  [/(^|\/)(Dockerfile|Containerfile|Earthfile)(\.[^/]*)?$|\.dockerfile$/i, 'config'],
  [
    /\.(ya?ml|eyaml|asset|json5?|jsonc|toml|ini|cfg|conf|cnf|properties|xml|config|tfvars|tf|hcl|plist|pgpass|netrc|npmrc|pypirc|htpasswd|passwd|txt|http|rest|env\.example|service|timer|socket|desktop|settings|pubxml|resx|xlf|xliff|acl|ks|bru|xcconfig|sls|tfstate|runsettings|testsettings|har|chlsj|dtsconfig|csv|tsv|kubeconfig|nmconnection|nxos|ldif|local)$/i,
    'config',
  ],
  [
    /(^|\/)([._]?netrc|[._]?authinfo|\.npmrc|\.pypirc|\.?pgpass|\.git-credentials|\.?htpasswd|passwd|sasl_passwd|pwfile|password_file|\.?vault[_-]?pass(?:word)?|\.msmtprc|\.fetchmailrc|\.?monitrc|rsyncd?\.secrets|\.boto|\.s3cfg|\.?cqlshrc|\.?credentials(?:-[\w-]+)?|\.?(?:smb|cifs|samba)[_.-]?credentials|fstab|(?:kube)?config|(?:running|startup)-config)$/i,
    'config',
  ],
  // dotenv files under other names (Flask's, R's, `docker run --env-file env.list`, cookiecutter-django's
  // `.envs/.production/.django`, CodeIgniter's `env` and its copies, Wrangler's `.dev.vars`) and Apache's per-directory
  // settings
  [
    /(^|\/)(\.flaskenv|\.Renviron|(\.)?env\.list|\.htaccess|\.dev\.vars|env(?:\.(?:production|prod|staging|stage|development|dev|local|testing|test|example|sample|dist))?)$|(^|\/)\.envs\//i,
    'config',
  ],
  // an Erlang release's VM arguments (`-setcookie …`) and Caddy's site files
  [/(^|\/)(vm\.args|Caddyfile(\.[^/]*)?|[^/]+\.caddy)$/, 'config'],
  // (`.cli`: a JBoss CLI script, `data-source add … --password=…`)
  [
    /\.(sh|bash|zsh|ksh|fish|ps1|psm1|bat|cmd|sql|psql|mk|crontab|cron|rsc|tcl|exp|cli)$|(^|\/)(Makefile|makefile|GNUmakefile)$/i,
    'shell',
  ],
  // Command lines without an extension: shell start-up files and histories (of shells and database clients), direnv's
  // `.envrc`, crontabs (`crontab -l > crontab.root`, and `/etc/cron.d/` entries), Procfiles, and the hooks of git,
  // Husky and Buildkite
  [
    /(^|\/)(\.(bash|zsh|sh|rediscli|mysql|psql|sqlite|mongosh)_history|fish_history|\.dbshell|\.(bash|zsh|ksh)rc|\.(bash_|z)?profile|\.zlogin|\.zshenv|\.envrc|crontab(?:\.(?:root|bak))?|Procfile)$|(^|\/)(?:\.git|\.githooks|\.husky|\.buildkite)\/(?:hooks\/)?[\w-]+$|(^|\/)cron\.d\/[\w.-]+$/i,
    'shell',
  ],
  // a tool's settings in a dotfile of its own (`.obsutilconfig`, `.ossutilconfig`, `.curlrc`)
  [/(^|\/)\.[\w.-]{1,40}(?:config|cfg|rc)$/i, 'config'],
  // logs print settings and headers as `key=value` and `key: value`, unquoted, as configuration does
  [/\.log$/i, 'config'],
  // documents, notes (Emacs org-mode), wiki pages (Textile) and saved mail, where credentials are written as prose
  [/\.(md|markdown|rst|adoc|org|eml|mbox|textile)$/i, 'docs'],
  // a web server's site files, which have no extension (`/etc/nginx/sites-available/api`)
  [/(^|\/)(sites-(?:available|enabled)|conf\.d)\/[^/.]+$/i, 'config'],
];

/**
 * A copy or template of a file is written like the file: `application.properties.example`, `config.yml.j2`,
 * helm-secrets' decrypted copy, `secrets.yaml.dec`, and an editor's backup, `secrets.yml~`.
 */
const COPY_SUFFIX =
  /(\.[A-Za-z0-9]{1,12})(?:\.(?:example|sample|template|tmpl|tpl|dist|default|bak|backup|orig|old|save|local|j2|jinja2?|erb|in|dec|decrypted)|~)$/i;

export function fileFormat(path: string | undefined, languageId: string | undefined): FileFormat {
  if (languageId && BY_LANGUAGE[languageId]) return BY_LANGUAGE[languageId];
  if (path) for (const [pattern, format] of BY_NAME) if (pattern.test(path)) return format;
  const copied = path && COPY_SUFFIX.exec(path);
  if (copied) return fileFormat(path.slice(0, copied.index + copied[1].length), undefined);
  return 'code';
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const FENCE_SHELL =
  /^(|bash|sh|shell|zsh|fish|ksh|console|terminal|shell-session|shellsession|powershell|pwsh|ps1|ps|cmd|bat|batch|sql|psql|mysql|text|txt|plaintext|http|env|dotenv)$/i;
const FENCE_CONFIG = /^(ya?ml|json5?|jsonc|toml|ini|cfg|conf|properties|xml|dockerfile|nginx|apache|docker-compose)$/i;

/**
 * The lines inside a Markdown document's code blocks, each with the format its info string names (a block without one,
 * or one indented by four spaces or a tab, is read as a command line). Prose is read by its own, stricter matcher
 * (matchers/prose.ts): it talks about passwords far more often than it holds one.
 */
const INDENTED_CODE = /^(?: {4}|\t)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}\.)\s/;
export function fencedCodeFormats(lines: readonly string[], path?: string): Map<number, FileFormat> {
  if (path && /\.rst$/i.test(path)) return restructuredTextBlocks(lines);
  if (path && /\.(?:adoc|asciidoc|asc)$/i.test(path)) return asciiDocBlocks(lines);
  if (path && /\.org$/i.test(path)) return orgBlocks(lines);
  const formats = new Map<number, FileFormat>();
  let fence: string | undefined;
  let format: FileFormat = 'shell';
  let indented = false; // inside a code block indented by four spaces or a tab
  lines.forEach((line, index) => {
    const m = FENCE.exec(line);
    if (fence === undefined) {
      const blank = !line.trim();
      if (!blank && INDENTED_CODE.test(line) && (indented || (index > 0 && !lines[index - 1].trim()))) {
        indented = !LIST_ITEM.test(line) || indented;
        if (indented) formats.set(index, 'shell');
        return;
      }
      if (!blank) indented = false;
      if (!m) return;
      fence = m[1];
      format = blockFormat(m[2]);
    } else if (m && m[1][0] === fence[0] && m[1].length >= fence.length && !m[2] && !line.slice(m[0].length).trim())
      fence = undefined;
    else formats.set(index, format);
  });
  return formats;
}

/** What a code block's language (a fence's info string, a directive's argument) says its lines are. */
const blockFormat = (language: string): FileFormat =>
  FENCE_SHELL.test(language) ? 'shell' : FENCE_CONFIG.test(language) ? 'config' : 'code';

const RST_CODE_DIRECTIVE = /^(\s*)\.\.\s+(?:code-block|code|sourcecode)::\s*([\w+#.-]*)/;
/** A paragraph ending in `::` introduces a literal block (read as a command line, like Markdown's unnamed blocks). */
const RST_LITERAL_MARKER = /::\s*$/;

/** reStructuredText: the lines indented below a `.. code-block:: lang` directive or a paragraph ending in `::`. */
function restructuredTextBlocks(lines: readonly string[]): Map<number, FileFormat> {
  const formats = new Map<number, FileFormat>();
  let indent = -1; // the introducing line's indentation while inside a block
  let format: FileFormat = 'shell';
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    if (indent >= 0 && indentOf(line) > indent) {
      formats.set(index, format);
      return;
    }
    const directive = RST_CODE_DIRECTIVE.exec(line);
    indent = directive ? directive[1].length : RST_LITERAL_MARKER.test(line) ? indentOf(line) : -1;
    format = directive ? blockFormat(directive[2]) : 'shell';
  });
  return formats;
}

/** AsciiDoc's `[source,java]` (or `[,java]`) names the language of the delimited block below it. */
const ASCIIDOC_SOURCE = /^\[(?:source|listing)?,\s*([\w+#.-]+)/;
const ASCIIDOC_DELIMITER = /^(-{4,}|\.{4,})\s*$/;

/** AsciiDoc: the lines of listing and literal blocks, between `----` (or `....`) lines. */
function asciiDocBlocks(lines: readonly string[]): Map<number, FileFormat> {
  const formats = new Map<number, FileFormat>();
  let delimiter: string | undefined;
  let language = '';
  lines.forEach((line, index) => {
    const m = ASCIIDOC_DELIMITER.exec(line);
    if (delimiter !== undefined) {
      if (m && m[1] === delimiter) delimiter = undefined;
      else formats.set(index, blockFormat(language));
      return;
    }
    if (m) delimiter = m[1];
    else language = ASCIIDOC_SOURCE.exec(line)?.[1] ?? '';
  });
  return formats;
}

/** Org mode's source and example blocks: `#+begin_src sh` … `#+end_src`. */
const ORG_BEGIN = /^\s*#\+begin_(src|example)(?:\s+([\w+#.-]+))?/i;
const ORG_END = /^\s*#\+end_(?:src|example)\b/i;

function orgBlocks(lines: readonly string[]): Map<number, FileFormat> {
  const formats = new Map<number, FileFormat>();
  let format: FileFormat | undefined;
  lines.forEach((line, index) => {
    if (format !== undefined) {
      if (ORG_END.test(line)) format = undefined;
      else formats.set(index, format);
      return;
    }
    const m = ORG_BEGIN.exec(line);
    if (m) format = blockFormat(m[2] ?? '');
  });
  return formats;
}

/**
 * Translation catalogues are full of words like "Passwort" under keys like "password": no credential lives there
 * (Android's resources for a language, `res/values-fi/strings.xml`, too; `res/values/` may hold keys); nor in
 * node-config's map of settings to the environment variables that hold them (`custom-environment-variables.json`).
 */
export function isTranslationCatalogue(path: string | undefined): boolean {
  return (
    !!path &&
    /(^|\/)(i18n|l10n|locales?|lang|languages|translations?|messages)(\/|$)|(^|\/)custom-environment-variables\.(json|ya?ml)$|(^|\/)res\/values-[a-z]{2,3}(-r?[A-Za-z]{2,4})?\/[^/]+\.xml$|\.(po|pot|xliff|xlf|resx|strings|arb)$|(^|\/)\w*(messages|strings|labels|texts)(_[A-Za-z]{2,3}([_-][A-Za-z]{2,4})?)?\.properties$/i.test(
      path,
    )
  );
}

/**
 * Tests and their fixtures (and Storybook's stories, a component's sample props): what they hold is usually fake, so
 * name-only findings there are reported at `info`.
 */
export function isTestFile(path: string | undefined): boolean {
  return (
    !!path &&
    /(^|\/)(tests?|Tests|__tests__|specs?|fixtures?|__fixtures__|testdata|test-data|mocks?|__mocks__|molecule)(\/|$)|[._-](test|spec|stories|story)\.[A-Za-z]+$|_test\.(go|py)$|(^|\/)test_[^/]+\.py$|Tests?\.(java|cs|kt|scala|swift|m|ps1)$|(^|\/)tests?\.rs$/.test(
      path,
    )
  );
}
