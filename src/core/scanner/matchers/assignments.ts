/**
 * `name = value` in every syntax (rules/assignments.ts): the name says the value is a credential, the value says it is
 * a literal and not a lookup, reference, placeholder or label. All per-match work looks back a bounded distance, so a
 * line costs linear time however many assignments it holds.
 */
import type { FileFormat } from '../formats';
import { MAX_ASSIGNMENT_LINE } from '../limits';
import { ASSIGNMENT_SITES, type AssignmentSite } from '../rules/assignments';
import {
  ASSIGNMENT_KEYWORD_SET,
  ASSIGNMENT_KEYWORDS,
  FOREIGN_PASSWORD,
  snakeCase,
  RAILS_ENCRYPTION,
  secretNameStrength,
} from '../rules/secretNames';
import { GHOST_ADMIN_KEY } from '../rules/vendorTokens';
import { characterClasses } from '../entropy';
import type { Candidate } from '../types';
import {
  detached,
  hasCredentialMix,
  isBase64OfText,
  decodedBase64,
  isCodeName,
  isHashLike,
  isIdentifierOrType,
  isPlausibleSecret,
  isResourcePath,
  isWordyIdentifier,
  repeatsUser,
  SQL_STATEMENT,
} from '../values';
import { hasAny, indentOf, lastNonSpace, PRIORITY, type Add } from './context';
import { numberGroups } from './numberedGroups';
import { namesSigningKey } from './tokens';

const VALUE_GROUPS = ['dq', 'sq', 'bq', 'eq', 'tq', 'pq', 'bare'] as const;

/**
 * The characters a text holds, as bits: a word is looked for only in a line that holds all its bits (a named line runs
 * twenty or more sites, and lacks the words of most), and a word of one marked character is known to be there.
 */
interface Signature {
  /** Which of the 32 marked characters it holds (see MARKED). */
  marks: number;
  /** Which lower-case letters it holds (`a` the lowest bit): most required words are only letters. */
  letters: number;
}

/**
 * The 32 marked characters: every required word of one character (its bit settles it), then the characters of longer
 * words that the fewest lines naming a secret hold (counted over code and config: punctuation, then capitals, then a
 * few lower-case letters).
 */
const MARKED = '=(){}[]<>:"\'-/@ \t|&!?$\\#;,XVGqvT';
const MARK = new Int32Array(128);
const LETTER = new Int32Array(128);
for (let i = 0; i < MARKED.length; i++) MARK[MARKED.charCodeAt(i)] = 1 << i;
for (let i = 0; i < 26; i++) LETTER[97 + i] = 1 << i;

function signatureOf(text: string): Signature {
  let marks = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      marks |= MARK[c];
      letters |= LETTER[c];
    }
  }
  return { marks, letters };
}

/** A required word, with its signature. */
interface Needle extends Signature {
  word: string;
}

/**
 * Which of the site's required words (any one must be there) a line with these marks must be searched for before the
 * site runs: none (undefined) when the site requires nothing or a word of one marked character is there; an empty list
 * when the line can hold none of them.
 */
const wordsToSeek = (site: (typeof SITES)[number], marks: number): readonly Needle[] | undefined =>
  !site.requirement || site.requirement.some((n) => n.word.length === 1 && marks & n.marks)
    ? undefined
    : site.requirement.filter((n) => (marks & n.marks) === n.marks);

/** A line with these marks may hold one of the required words: the site may run on it (its site lists are by marks). */
const mayRun = (site: (typeof SITES)[number], marks: number): boolean => wordsToSeek(site, marks)?.length !== 0;

/** The text (holding `letters`) holds one of the words. */
function holdsAny(text: string, letters: number, words: readonly Needle[]): boolean {
  for (const n of words) if ((letters & n.letters) === n.letters && text.includes(n.word)) return true;
  return false;
}

/**
 * Each site's pattern scans a line as it is (a copy with numbered groups: see numberedGroups.ts); only a match whose
 * key names a secret is matched again, at the same place, by a sticky copy that records group offsets (`d` allocates
 * them for every match, and most keys on a line are not secrets). Every site has every field, in one order: the
 * matchers read them for each site on each line, and one shape keeps those reads monomorphic (the catalogue's sites,
 * each with its own few fields, made dozens of shapes).
 */
const SITES = ASSIGNMENT_SITES.map((site) => {
  const requirement = site.requires?.map((word): Needle => ({ word, ...signatureOf(word) }));
  const { pattern: scan, groups } = numberGroups(site.pattern, `${site.pattern.flags.replace(/[gdy]/g, '')}g`);
  const fields: { [K in keyof Required<AssignmentSite>]: AssignmentSite[K] } = {
    id: site.id,
    pattern: site.pattern,
    fixedKey: site.fixedKey,
    bareInCode: site.bareInCode,
    readsStrings: site.readsStrings,
    onlyIn: site.onlyIn,
    randomOnly: site.randomOnly,
    lineContext: site.lineContext,
    keywords: site.keywords,
    keyIsSecretName: site.keyIsSecretName,
    requires: site.requires,
    readInBundles: site.readInBundles,
    credentialMix: site.credentialMix,
    keywordsFollow: site.keywordsFollow,
  };
  return {
    ...fields,
    scan,
    located: new RegExp(scan.source, `${scan.flags.replace(/g/, '')}dy`),
    requirement,
    keyGroup: groups.get('key'),
    valueGroups: VALUE_GROUPS.flatMap((name) => (groups.has(name) ? [[name, groups.get(name)!] as const] : [])),
  };
});

const SITES_BY_KEYWORD = new Map<string, number[]>();
SITES.forEach((site, i) => {
  for (const word of site.keywords ?? []) SITES_BY_KEYWORD.set(word, [...(SITES_BY_KEYWORD.get(word) ?? []), i]);
});
const FORMATS: readonly FileFormat[] = ['code', 'config', 'shell', 'notebook', 'docs'];
const readsFormat = (site: (typeof SITES)[number], format: FileFormat): boolean =>
  !site.onlyIn || site.onlyIn.includes(format);
/** Per format, each word's sites that read the format, in catalogue order. */
const WOKEN_IN = Object.fromEntries(
  FORMATS.map((format) => [
    format,
    new Map([...SITES_BY_KEYWORD].map(([word, sites]) => [word, sites.filter((i) => readsFormat(SITES[i], format))])),
  ]),
) as Record<FileFormat, Map<string, number[]>>;
/** Per format, in catalogue order, the sites that wait for no word of their own: every named line runs them. */
const GENERAL = Object.fromEntries(
  FORMATS.map((format) => [
    format,
    SITES.flatMap((site, i) => (!site.keywords && readsFormat(site, format) ? [i] : [])),
  ]),
) as Record<FileFormat, number[]>;
const NO_SITES: readonly number[] = [];
/** Per format, the general sites a line's marks let run (a file's lines have few sets of marks between them). */
const GENERAL_BY_MARKS = Object.fromEntries(FORMATS.map((format) => [format, new Map<number, number[]>()])) as Record<
  FileFormat,
  Map<number, number[]>
>;
/** Site lists remembered per table, at most: the tables stay small in a worker that lives for days. */
const LISTS_KEPT = 4096;

function generalSites(format: FileFormat, marks: number): readonly number[] {
  const known = GENERAL_BY_MARKS[format];
  let sites = known.get(marks);
  if (!sites) {
    if (known.size >= LISTS_KEPT) known.clear();
    sites = GENERAL[format].filter((i) => mayRun(SITES[i], marks));
    known.set(marks, sites);
  }
  return sites;
}

/** Keys that say nothing by themselves, such as a settings table's `config_value` and `option_value` columns. */
const GENERIC_NAMES = String.raw`value|default|defaultValue|default_value|initial_value|val|(?:config|configured|setting|option|param)_?value`;
const GENERIC_LINE = new RegExp(
  String.raw`(?:^|[\s{,"'])(?:${GENERIC_NAMES})["']?\s{0,40}[:=]|<(?:value|defaultValue|configuredValue)[\s>]`,
  'i',
);

/** Keys that say nothing by themselves: their name is on the line or lines before (`- name: DB_PASSWORD` / `value: …`). */
const GENERIC_KEY = new RegExp(String.raw`^["']?(?:${GENERIC_NAMES})["']?$`, 'i');
const NAMING = [
  // the last part of a path names it too: an SSM parameter's `name = "/notes/prod/jwt_secret"`
  // (a name of one word: `name = "Password policy version"` is a title)
  /(?:^|[\s{,(-])["']?(?:(?:config|setting|option|param)_)?(?:name|key|Name|Key|ParameterKey|variable|Property)["']?\s{0,40}[:=]\s{0,40}["']?(?:\/?(?:[\w.${}-]{1,60}\/){1,8})?([A-Za-z_][\w.-]{0,79})(?! \w)/g,
  /\bvariable\s+"([\w-]{1,80})"/g,
  /<name>\s{0,4}([A-Za-z_][\w.-]{0,79})\s{0,4}<\/name>/g, // Hadoop and Hive: <name>…Password</name><value>x</value>
  /"type"\s{0,4}:\s{0,4}"(password)"/g, // Keycloak's realm export: {"type": "password", "value": "x"}
  /"(apikey)"\s{0,4}:\s{0,4}\[/g, // Postman's API key auth: "apikey": [{"key": "value", "value": "x"}, …]
  /\b([\w.]{0,60}(?:ApiKey|Token|Secret|Password))\s{0,2}\{\s{0,4}$/g, // a struct named for it: auth.ApiKey{Value: "x"} (Go)
  /"([A-Za-z_][\w.-]{0,79})"\s{0,4}:\s{0,4}\{\s{0,4}$/g, // an object named for it: ARM's "adminPassword": { "value": "x" }
  // a list of them: IdentityServer's "ClientSecrets": [ { "Value": "x" } ] (each is a client secret)
  /"([\w.]{0,60}(?:Secret|Password|Token|Key))s"\s{0,4}:\s{0,4}\[\s{0,4}\{/g,
];
/** How far before a generic key its name may stand on the same line. */
const NAME_REACH = 300;

/** Every keyword the assignment matcher may wait for (the engine's keyword index includes them). */
export const ASSIGNMENT_WAKE_WORDS = [
  ...ASSIGNMENT_SITES.flatMap((s) => s.keywords ?? []),
  ...ASSIGNMENT_KEYWORDS,
  'value',
  'default',
  'val',
];

/**
 * The name that a generic key's value belongs to: on the same line before it, after it (SQL's `SET value = '…' WHERE
 * name = 'x'`), up to three lines above (or above an OpenAPI parameter's `schema`), in configuration the key of the
 * block it stands in, or a Terraform variable's block opening up to twelve lines above.
 */
function contextualName(
  lines: readonly string[],
  index: number,
  format: FileFormat,
  before: string,
  after = '',
): string | undefined {
  const last = (text: string): string | undefined => {
    let name: string | undefined;
    for (const pattern of NAMING) {
      pattern.lastIndex = 0;
      // a name that is itself generic (Postman's `"key": "value"`) names nothing: the search goes on
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (!GENERIC_KEY.test(m[1])) name = m[1];
    }
    return name;
  };
  const here =
    last(before) ??
    (/^[^\n]{0,40}?\bWHERE\b/i.test(after) ? (last(after) ?? SETTING_PATH.exec(after)?.[1]) : undefined);
  if (here) return typedSecret(here, after);
  // SQL's `SET config_value = '…',` with `WHERE config_key = 'x'` a few lines below, in the same statement
  if (/^\s*(?:UPDATE\s+\S+\s+)?(?:SET\s+)?\S+\s*=/i.test(lines[index] ?? '') && !after.includes(';'))
    for (let i = index + 1; i <= Math.min(lines.length - 1, index + 4); i++) {
      const text = lines[i];
      if (text.length > MAX_ASSIGNMENT_LINE) break;
      if (/^\s*WHERE\b/i.test(text)) return last(text);
      if (text.includes(';')) break;
    }
  for (let i = index - 1; i >= Math.max(0, index - 3); i--) {
    const text = lines[i] ?? '';
    if (text.length > MAX_ASSIGNMENT_LINE) return undefined;
    if (/^\s*WHERE\b.*;\s*$/i.test(text)) return undefined; // the end of the SQL statement before
    const name = last(text);
    if (name) return typedSecret(name, lines[index + 1] ?? '');
    const element = i === index - 1 && format === 'config' ? enclosingElement(text) : undefined;
    if (element) return element;
    if (/^\s*[-}\]]/.test(text) && i < index - 1) break; // a block above ends: the one this line stands in may name it
  }
  // an OpenAPI parameter's `default`, in its `schema` below the parameter's `name` and `in`
  if (format === 'config')
    for (let i = index - 1; i >= Math.max(0, index - 3); i--) {
      if (!/^\s*schema:\s*$/.test(lines[i])) continue;
      for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
        const name = lines[j].length > MAX_ASSIGNMENT_LINE ? undefined : last(lines[j]);
        if (name) return name;
      }
      break;
    }
  // a template parameter's `Default` (CloudFormation, ROS): the block it stands in names it (in code, a schema's or a
  // component's `default` is a default, not the field's secret, but for convict's: `secret: { doc: '…', format:
  // String, default: '…', env: 'JWT_SECRET' }` is the setting's value when its variable is unset)
  if (format === 'code' && isConvictSetting(lines, index))
    return OPENED_OBJECT.exec(before)?.[1] ?? parentKey(lines, index);
  const parent = format === 'config' ? parentKey(lines, index) : undefined;
  if (parent) return parent;
  // a Terraform variable's `default`, below its description, type and validation
  for (let i = index - 4; i >= Math.max(0, index - VARIABLE_REACH); i--) {
    const text = lines[i] ?? '';
    if (text.length > 300) return undefined;
    const variable = TERRAFORM_VARIABLE.exec(text);
    if (variable) return variable[1];
    if (/^\S/.test(text)) return undefined; // another block, at the file's top level
  }
  return undefined;
}

const TERRAFORM_VARIABLE = /^variable\s+"([\w-]{1,80})"\s*\{\s*$/;
/** The name of the object a line's text opens last: `authToken: { format: String, ` (before its `default`). */
const OPENED_OBJECT = /["']?([A-Za-z_$][\w$]{0,79})["']?\s*:\s*\{[^{}]*$/;
/**
 * The variable a convict setting reads (`env: 'JWT_SECRET'`), which a component's props (`format: String, default:
 * …`) do not have.
 */
const CONVICT_ENV = /\benv\s*:\s*["'][A-Z][A-Z0-9_]{0,80}["']/;

/**
 * A `default` among a convict setting's fields: its object, on the line (`{ format: String, default: '…', env: 'X' }`)
 * or on the lines around it up to the braces that hold it, reads a variable.
 */
function isConvictSetting(lines: readonly string[], index: number): boolean {
  if (CONVICT_ENV.test(lines[index])) return true;
  if (lines[index].includes('{')) return false; // (an object of its own on the line, without the variable)
  for (const step of [-1, 1])
    for (let i = index + step; i >= 0 && i < lines.length && Math.abs(i - index) <= 4; i += step) {
      const text = lines[i];
      if (text.length > MAX_ASSIGNMENT_LINE || text.includes('{') || text.includes('}')) break;
      if (CONVICT_ENV.test(text)) return true;
    }
  return false;
}
const OPENING_ELEMENT = /^\s*<([A-Za-z_][\w.:-]{0,79})((?:\s[^<>]{0,300})?)>\s*$/;

/**
 * XML's value element is named by the element that holds it, on the line above (unattend.xml's
 * `<AdministratorPassword>` over `<Value>…</Value>`), or by the property path of an SSIS package configuration
 * (`<Configuration … Path="\Package.Connections[FTP].Properties[ServerPassword]">` over `<ConfiguredValue>`).
 */
function enclosingElement(above: string | undefined): string | undefined {
  const m = above && above.length <= 400 ? OPENING_ELEMENT.exec(above) : null;
  if (!m) return undefined;
  return /\bPath="[^"]{0,200}\[(\w{1,80})\]"/.exec(m[2])?.[1] ?? m[1];
}
/** A settings table's row chosen by its path (Magento's `WHERE path = 'payment/braintree/private_key'`): its last part. */
const SETTING_PATH = /\bpath\s{0,4}=\s{0,4}'(?:[\w.-]{1,60}\/){1,8}([A-Za-z_][\w.-]{0,79})'/i;

/**
 * A Postman environment's variable typed `"secret"` (`{"key": "appid", "value": "…", "type": "secret"}`) holds a
 * secret whatever its name.
 */
function typedSecret(name: string, next: string): string {
  return /^\s*,?\s*"type"\s*:\s*"secret"/.test(next) && !strengthOf(name) ? `${name}_secret` : name;
}
/** A key that opens a block: `  AccountPassword:`, `"DBPassword": {`. */
const PARENT_KEY = /^\s*["']?([A-Za-z_][\w.-]{0,79})["']?\s{0,4}:\s{0,4}\{?\s*$/;
/** How far above a generic key the block holding it may open: a parameter's type, description and constraints. */
const PARENT_REACH = 10;

/** The key of the block a line stands in: the first line above it that is indented less, if it opens a block. */
function parentKey(lines: readonly string[], index: number): string | undefined {
  const indent = indentOf(lines[index]);
  for (let i = index - 1; i >= Math.max(0, index - PARENT_REACH); i--) {
    const text = lines[i];
    if (text.length > 300) return undefined;
    const at = indentOf(text);
    if (at === text.length || at >= indent) continue;
    return PARENT_KEY.exec(text)?.[1];
  }
  return undefined;
}
/** How far above its `default` a Terraform variable's block may open. */
const VARIABLE_REACH = 12;

/**
 * A key named only `key` or `keys` (`$key`, `KEY`; hapi's `keys`): what it keys is said by the object or call around it,
 * or where it is used.
 */
const BARE_KEY = /^["'$@]?keys?["']?$/i;
/**
 * Objects and calls whose `key` signs or encrypts: `"Jwt": { "Key": … }`, `jwt.decode(t, key="…")`, `SigningKey{Key: …}`,
 * Magento's `<crypt><key>…</key></crypt>`, hapi's `auth.strategy('jwt', 'jwt', { keys: … })`.
 */
const KEYED_CONTEXT = /jwt|jws|signing|hmac|crypt|cipher/i;
const OPENS_HERE = /(jwt|jws|signing|hmac|crypt|cipher)\w*(?:\.\w+)*["']?\s{0,4}[:=]?\s{0,4}[({][^(){}]*$/i;
/** hapi's `server.auth.strategy('name', 'jwt', {`: the options whose `keys` sign the tokens. */
const JWT_STRATEGY = /\bstrategy\(\s{0,4}["'][\w-]{1,40}["']\s{0,4},\s{0,4}["']jwt["']\s{0,4},\s{0,4}\{[^(){}]*$/;
const BLOCK_HEADER =
  /^\s*(?:\[\s*([\w.-]{1,80})\s*\]|["']?([\w.-]{1,80})(?=array\(|[^\w.-]|$)["']?\s{0,4}(?:=>|[:=])?\s{0,4}(?:array\()?[{([]?|<([\w.-]{1,80})(?:\s[^<>]{0,200})?>)\s*$/;
/** Blocks that refer to a secret held elsewhere, by name: `remoteRef`, `secretKeyRef`, `secretRef`, `dataFrom`. */
const REFERENCE_BLOCK = /^(?:remote|secret|secretKey|configMapKey|key)Ref$|^dataFrom$/i;
/** Manifests that name secrets in a store: External Secrets', ack-secret-manager's, the CSI driver's. */
const REFERENCE_MANIFEST = /^kind:\s*["']?(?:Cluster)?(?:ExternalSecret|PushSecret|SecretProviderClass)\b/;
/** How far above a `key:` its manifest's `kind:` is looked for. */
const MANIFEST_REACH = 200;
/** The blocks of such a manifest whose `key:` names a secret (a remark may follow: `data: # from Keeper`). */
const REFERENCE_LIST = /^\s*(?:-\s+)?(?:data|dataFrom|dataProcess|extract|remoteRef|objects):\s*(?:#.*)?$/;
/** A block whose `key:`s are the secret the manifest writes, not names: its `target.template`. */
const TEMPLATE_BLOCK = /^\s*(?:-\s+)?template:\s*(?:#.*)?$/;

/**
 * The line is a `key:` of a reference list (REFERENCE_LIST, its parent; no template above) in a YAML document that
 * refers to secrets by name (REFERENCE_MANIFEST, its `kind:` above).
 */
function inReferenceManifest(lines: readonly string[], index: number): boolean {
  let level = keyColumn(lines[index]);
  let parent: string | undefined;
  for (let i = index - 1; i >= Math.max(0, index - MANIFEST_REACH); i--) {
    const text = lines[i];
    if (text.startsWith('kind:')) return parent !== undefined && REFERENCE_MANIFEST.test(text);
    if (text.startsWith('---') || text.startsWith('...')) return false;
    const column = keyColumn(text);
    if (column >= level || column === text.length || text[column] === '#') continue; // a sibling, a blank, a remark
    level = column;
    if (parent === undefined) {
      parent = text;
      if (!REFERENCE_LIST.test(parent)) return false;
    } else if (TEMPLATE_BLOCK.test(text)) return false;
  }
  return false;
}

/** Where a YAML line's key starts: a list item's key stands where its dash does not (`- key:` as `  key:`). */
function keyColumn(text: string): number {
  let i = 0;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  return i;
}

/** A struct or object opened just before a key on its line: `Tmdb {`, `APIKey{`, `weather: {`. */
const OPENS_OBJECT = /\b([A-Za-z][A-Za-z0-9]{1,40})["']?\s{0,4}(?:=>|[:=])?\s{0,4}\{\s*$/;
/** Words of code that open a block but name nothing: `Self {`, `return {`, `string{`. */
const CODE_WORD =
  /^(?:self|this|new|return|const|let|var|val|string|str|object|struct|interface|type|any|of|in|from|do|else|then|try|finally|default|export|module|exports|props|args|opts|options|params|config|settings|body|payload|json)$/i;
/** Blocks whose `key` is not a service's key: fingerprints, cache and index keys, references, maps of anything. */
const NOT_A_KEY_BLOCK =
  /gpg|pgp|ssh|fingerprint|cache|hash|checksum|digest|public|cert|tls|ssl|x509|sort|partition|primary|foreign|index|shard|rout|lookup|map|dict|redis|s3|bucket|object|file|path|i18n|label|translation|data|item|entr|env|header|param|query|meta|annotation|selector|match|ref|keys|value|spec|template|rule|policy|resource|column|field/i;

/** A block named for a file (`"tokenizer.json": {`): its `key` is the file's digest or cache key, not a service's. */
export const FILE_NAME =
  /\.(?:json|onnx|bin|zip|tar|gz|tgz|xz|whl|jar|pt|pth|safetensors|gguf|ckpt|h5|pb|tflite|txt|csv|png|jpe?g|exe|dll|so|dylib|msi|deb|rpm|dmg|iso|img)$/i;

/**
 * `key` qualified by the block or call it stands in (`jwt_key`, `shodan_key`), or as it is: on the same line, the opener
 * before it; else the first line above, up to eight, that is indented less (a YAML or JSON parent, a TOML section, a
 * HOCON block).
 */
function qualifiedKey(
  key: string,
  lines: readonly string[],
  index: number,
  before: string,
  format: FileFormat,
): string {
  const here = OPENS_HERE.exec(before);
  if (here) return `${here[1]}_key`;
  if (format === 'config' && inReferenceManifest(lines, index)) return 'secret_ref';
  // `Tmdb { key: String::from("…") }`, `datadog.APIKey{Key: "…"}`: a struct or object named for a service
  const opener = OPENS_OBJECT.exec(before)?.[1];
  if (opener && !NOT_A_KEY_BLOCK.test(opener) && !CODE_WORD.test(opener)) return `${opener}_key`;
  const indent = indentOf(lines[index]);
  for (let i = index - 1; i >= Math.max(0, index - 8); i--) {
    const text = lines[i] ?? '';
    if (text.length > 200) return key;
    const at = indentOf(text);
    if (at === text.length || (at >= indent && text[at] !== '[')) continue; // blank, or a sibling (not a section)
    const header = BLOCK_HEADER.exec(text);
    if (!header) {
      // `jwt.New(&jwt.GinJWTMiddleware{`: the call or struct that opens the block says what it keys
      const opens = OPENS_HERE.exec(text);
      if (opens) return `${opens[1]}_key`;
      if (JWT_STRATEGY.test(text)) return 'jwt_key';
      continue;
    }
    const block = header[1] ?? header[2] ?? header[3];
    // Kong's `jwt_secrets:` entries: their `key` is the issuer the tokens name, their `secret` signs
    if (/^jwt_secrets$/i.test(block)) return 'jwt_issuer';
    // External Secrets' `remoteRef:`, Kubernetes' `secretKeyRef:`: the `key` names a secret in a store
    if (REFERENCE_BLOCK.test(block)) return 'secret_ref';
    const qualifier = KEYED_CONTEXT.exec(block);
    if (qualifier) return `${qualifier[0]}_key`;
    // a service's block (`[shodan]`, `weather: api:`, `'openweather' => [`): the key to that service
    const service = /[A-Za-z][A-Za-z0-9]*$/.exec(block)?.[0];
    if (service && !NOT_A_KEY_BLOCK.test(block) && !FILE_NAME.test(block)) return `${service}_key`;
    if (/^cache$/i.test(block)) return 'cache_key'; // a CI job's cache (`cache: key: pip-…`)
    break;
  }
  return (format === 'code' && usedAs(key, lines, index)) || key;
}

/** Calls that sign or verify with a key: JWT libraries, HMACs, .NET's SymmetricSecurityKey. */
const SIGNS_WITH = /jwt|jws|hmac|SymmetricSecurityKey|signWith|SigningKey|\bsign\(|\bverify\(/i;
/** Ciphers made with a key: Node's createCipheriv, .NET's AesGcm, Go's aes.NewCipher, Java's SecretKeySpec, Fernet. */
const ENCRYPTS_WITH = /create(?:De)?cipheriv\(|\bAes(?:Gcm|Ccm)\(|\baes\.NewCipher\(|\bSecretKeySpec\(|\bFernet\(/i;
/** How many lines below a variable named `key` its use may stand. */
const USE_REACH = 8;

/**
 * In code, `$key = '…'` then `JWT::encode($data, $key, 'HS256')`, `KEY` then `GetBytes(KEY)` for a
 * SymmetricSecurityKey, `KEY` then `createCipheriv('aes-256-gcm', KEY, iv)`, `key = '…'` then `…&appid=$key`: the
 * variable's use (an argument of a call that signs or encrypts, or a URL's key parameter) says what it keys
 * (`jwt_key`, `encryption_key`, `api_key`), within a few lines.
 */
function usedAs(key: string, lines: readonly string[], index: number): string | undefined {
  const name = key.replace(/^["'$@]+|["']+$/g, '');
  let uses = USES.get(name);
  if (!uses) USES.set(name, (uses = usesOf(name)));
  for (let i = index + 1; i <= Math.min(lines.length - 1, index + USE_REACH); i++) {
    const text = lines[i];
    if (text.length > 300) continue;
    if (uses.argument.test(text) && SIGNS_WITH.test(text)) return 'jwt_key';
    if (uses.argument.test(text) && ENCRYPTS_WITH.test(text)) return 'encryption_key';
    if (uses.inQuery.test(text)) return 'api_key';
  }
  return undefined;
}

/** The patterns of a `key` variable's uses, by its name (`key`, `KEY`, `Key`: a handful of names recur). */
const USES = new Map<string, { argument: RegExp; inQuery: RegExp }>();

function usesOf(name: string): { argument: RegExp; inQuery: RegExp } {
  const argument = new RegExp(`[(,]\\s*[$@]?${name}\\s*[,)]`);
  const inQuery = new RegExp(
    `[?&](?:app_?id|api_?key|apikey|key|token|access_token)=(?:["'\x60]\\s*\\+\\s*)?\\$?\\{?${name}\\b`,
    'i',
  );
  return { argument, inQuery };
}

/** Words a secret's key holds (lower case): every strong or weak name has one, and generic keys are `value`/`default`. */
const KEY_WORDS = new Set([...ASSIGNMENT_KEYWORDS, 'val', 'default']);

/** Where the key words on the line start, ascending (`lower` is the line in lower case). */
function keyWordPositions(lower: string, found: ReadonlySet<string>): number[] {
  const positions: number[] = [];
  let words = 0;
  for (const word of found) {
    if (!KEY_WORDS.has(word)) continue;
    words++;
    for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) positions.push(i);
  }
  if (words === 1) return positions;
  // a line holds a few key words: putting each in its place beats sorting with a comparator
  if (positions.length > 16) return positions.sort((a, b) => a - b);
  const sorted: number[] = [];
  for (const position of positions) insertSorted(sorted, position);
  return sorted;
}

/** Puts `n` in its place in the ascending `list` (of a few numbers: cheaper than sorting with a comparator). */
function insertSorted(list: number[], n: number): void {
  let i = list.length;
  list.push(n);
  while (i > 0 && list[i - 1] > n) {
    list[i] = list[i - 1];
    i--;
  }
  list[i] = n;
}

/** How many times `value` stands quoted (in double or single quotes) in `text`. */
function quotedTimes(text: string, value: string): number {
  return text.split(`"${value}"`).length + text.split(`'${value}'`).length - 2;
}

/** The last character before `index` that is not a space (or '' at the start of the line). */
function previousNonSpace(line: string, index: number): string {
  const i = lastNonSpace(line, index - 1);
  return i >= 0 ? line[i] : '';
}

/** `cond ? 'password' : 'x'`: the key stands right after a ternary's `?` (spaces and one quote between). */
function followsTernary(line: string, keyStart: number): boolean {
  let i = keyStart - 1;
  if (line[i] === '"' || line[i] === "'") i--;
  while (i >= 0 && (line[i] === ' ' || line[i] === '\t')) i--;
  return line[i] === '?';
}

export function scanAssignments(
  line: string,
  /** The line in lower case, if the caller has it (made when a site first needs it: most lines never do). */
  lower: string | undefined,
  found: ReadonlySet<string>,
  base: number,
  format: FileFormat,
  add: Add,
  lines: readonly string[],
  index: number,
  /** Only the sites that wait for their own words (a call joined from several lines: the others read each line). */
  onlyWoken = false,
): void {
  const named =
    hasAny(found, ASSIGNMENT_KEYWORD_SET) || ((found.has('val') || found.has('default')) && GENERIC_LINE.test(line));
  // Sites waiting for their own words are woken by the words on this line; the others run on every named line.
  const woken = wakesSites(found);
  if (!woken && (!named || onlyWoken)) return; // without a name, a line of token or URL words only: nothing to read
  const signature = signatureOf(line);
  // (no closures: this runs on every named line, and they were most of what it allocated)
  const read = new LineReading(line, lower, found, named, base, format, add, lines, index);
  for (const run of sitesToRun(found, format, signature.marks, named && !onlyWoken)) read.site(run, signature.letters);
}

/**
 * The sites a line's words wake, with the general ones if it names a secret, that its marks let run: in catalogue
 * order, each once. Remembered per marks and per the line's words in their order, in a tree of words (looking a word up
 * reuses its hash; joining the words into a key made and hashed a new string on every line).
 */
function sitesToRun(
  found: ReadonlySet<string>,
  format: FileFormat,
  marks: number,
  withGeneral: boolean,
): readonly SiteRun[] {
  let node = WORDS_SITES[format];
  for (const word of found) {
    let next = node.next.get(word);
    if (!next) node.next.set(word, (next = wordsNode()));
    node = next;
  }
  const key = marks * 2 + (withGeneral ? 1 : 0);
  let sites = node.lists.get(key);
  if (!sites) {
    sites = sitesOf(found, format, marks, withGeneral);
    if (rememberedSiteLists++ >= LISTS_KEPT) {
      for (const f of FORMATS) WORDS_SITES[f] = wordsNode();
      rememberedSiteLists = 0;
    }
    node.lists.set(key, sites);
  }
  return sites;
}

/** The site lists remembered for the lines whose words lead here, by marks (see sitesToRun), and the words after. */
interface WordsNode {
  readonly next: Map<string, WordsNode>;
  readonly lists: Map<number, readonly SiteRun[]>;
}
const wordsNode = (): WordsNode => ({ next: new Map(), lists: new Map() });
const WORDS_SITES = Object.fromEntries(FORMATS.map((format) => [format, wordsNode()])) as Record<FileFormat, WordsNode>;
let rememberedSiteLists = 0;

/** A site to run on a line, with the required words still to look for (see wordsToSeek). */
interface SiteRun {
  site: number;
  seek: readonly Needle[] | undefined;
}

function sitesOf(
  found: ReadonlySet<string>,
  format: FileFormat,
  marks: number,
  withGeneral: boolean,
): readonly SiteRun[] {
  const sites: number[] = [];
  for (const word of found)
    for (const i of WOKEN_IN[format].get(word) ?? NO_SITES) if (mayRun(SITES[i], marks)) insertSorted(sites, i);
  if (withGeneral) for (const i of generalSites(format, marks)) insertSorted(sites, i);
  return sites
    .filter((i, at) => at === 0 || sites[at - 1] !== i) // a site woken by two words runs once
    .map((site) => ({ site, seek: wordsToSeek(SITES[site], marks) }));
}

/** Where the key words of the text a site reads start, ascending; found when first asked. */
interface KeyWords {
  keyWordPositions(): readonly number[];
}

/** One line as the sites read it: its key words are found when a site first matches (most named lines hold none). */
class LineReading implements KeyWords {
  private keyWords?: readonly number[];

  constructor(
    private readonly line: string,
    private lower: string | undefined,
    private readonly found: ReadonlySet<string>,
    private readonly named: boolean,
    private readonly base: number,
    private readonly format: FileFormat,
    private readonly add: Add,
    private readonly lines: readonly string[],
    private readonly index: number,
  ) {}

  keyWordPositions(): readonly number[] {
    return (this.keyWords ??= this.named
      ? keyWordPositions((this.lower ??= this.line.toLowerCase()), this.found)
      : NO_WORDS);
  }

  site({ site, seek }: SiteRun, letters: number): void {
    if (passesPreChecks(SITES[site], this.line, seek, letters))
      matchSite(SITES[site], this.line, this, this.base, this.format, this.add, this.lines, this.index);
  }
}

/**
 * The site's cheap checks of the text it would read (which holds `letters`): a word it requires (of those `seek` leaves
 * to look for), the context it needs.
 */
function passesPreChecks(
  site: (typeof SITES)[number],
  text: string,
  seek: readonly Needle[] | undefined,
  letters: number,
): boolean {
  return (!seek || holdsAny(text, letters, seek)) && (!site.lineContext || site.lineContext.test(text));
}

const COLON = 58;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const readsFromFile = (line: string, keyStart: number): boolean =>
  line.endsWith('--from-file=', keyStart) || line.endsWith('--from-env-file=', keyStart);
/** An HTTP header's name as HTTPie takes it (`X-Api-Key:…`, `Authorization:…`, `X-Postmark-Server-Token:…`). */
const HEADER_ARGUMENT = /^(?:[A-Z][a-z0-9]*)+(?:-[A-Z][A-Za-z0-9]*)*$/;

/** `'CPAN::HTTP::Credentials'`: the key is the last part of a quoted module path, not a name of its own. */
function inQuotedPath(line: string, keyStart: number): boolean {
  let i = keyStart - 1;
  while (i >= 0 && /[\w:]/.test(line[i])) i--;
  return line[i] === '"' || line[i] === "'";
}

/** Adds the candidates of one site on one line (or one window of a long line). */
const NO_WORDS: readonly number[] = [];

function matchSite(
  site: (typeof SITES)[number],
  line: string,
  words: KeyWords,
  base: number,
  format: FileFormat,
  add: Add,
  lines: readonly string[],
  index: number,
): void {
  const keyed = !site.fixedKey && !site.keyIsSecretName;
  let next = 0; // the first key word at or after the current match
  let nested = 0;
  const scan = site.scan;
  scan.lastIndex = 0;
  for (let m = scan.exec(line); m; m = scan.exec(line)) {
    if (m[0].length === 0) scan.lastIndex++;
    const keyWords = keyed ? words.keyWordPositions() : NO_WORDS;
    if (keyed) {
      // A key that names a secret holds a key word, so a match without one is passed over before its groups are read.
      while (next < keyWords.length && keyWords[next] < m.index) next++;
      if (next === keyWords.length) break;
      if (keyWords[next] >= m.index + m[0].length) continue;
    }
    if (line.charCodeAt(m.index - 1) === COLON && line.charCodeAt(m.index - 2) === COLON && inQuotedPath(line, m.index))
      continue;
    let written = site.keyGroup ? m[site.keyGroup] : undefined;
    // `"…\nAPI_TOKEN=…"`: in a string, the letter of an escaped line break or tab is not the key's
    if (written && /^[nrt]\w/.test(written) && line.charCodeAt(m.index + m[0].indexOf(written) - 1) === BACKSLASH)
      written = written.slice(1);
    let key = written ?? site.fixedKey ?? '';
    // An escaped key (`{\"value\":…}`) is JSON inside a string: only its own line can name it, not the lines above.
    const escaped = line.charCodeAt(m.index) === BACKSLASH;
    if (!site.fixedKey && GENERIC_KEY.test(key))
      key =
        contextualName(
          escaped ? [line] : lines,
          escaped ? 0 : index,
          format,
          line.slice(Math.max(0, m.index - NAME_REACH), m.index),
          line.slice(m.index + m[0].length, m.index + m[0].length + NAME_REACH),
        ) ?? key;
    else if (!site.fixedKey && BARE_KEY.test(key))
      key = qualifiedKey(key, lines, index, line.slice(Math.max(0, m.index - NAME_REACH), m.index), format);
    // Rails credentials' `active_record_encryption:` block: its `primary_key` is a key, not a table's
    else if (format === 'config' && RAILS_ENCRYPTION.test(key)) key = `${parentKey(lines, index) ?? ''}.${key}`;
    const keyTraits = traitsOf(key);
    if (
      !site.fixedKey &&
      !site.keyIsSecretName &&
      !keyTraits.strength &&
      !keyTraits.accessKeyId &&
      !keyTraits.primaryKey &&
      !keyTraits.plural
    ) {
      // `environment=REDIS_PASSWORD="…"` (supervisord), `-e DB_PASSWORD=…`: the value holds the assignment that matters,
      // so the search goes on inside it (a few times a line, so the cost stays linear).
      // (after the quote or backslash the match may open with: `{"C": "{\"password\":…`)
      const keyEnd = written === undefined ? m.index : m.index + m[0].indexOf(written) + written.length;
      // (the first key word after the key: `AIRFLOW_CONN_X='{"password": …}'` holds one in its key too)
      let inner = next;
      while (inner < keyWords.length && keyWords[inner] <= keyEnd) inner++;
      const inValue = keyWords[inner] > keyEnd && keyWords[inner] < m.index + m[0].length;
      // Joined to the key (`="DB_`, `=REDIS_`): a value that is itself an assignment, not text that mentions one; or
      // JSON held by the value (`config = '{"apiKey":…'`).
      const between = inValue ? line.slice(keyEnd, keyWords[inner]) : '';
      if (
        keyed &&
        nested < MAX_NESTED &&
        inValue &&
        (!/\s/.test(between) ||
          HOLDS_JSON.test(between) ||
          HOLDS_ENV_ASSIGNMENT.test(between) ||
          ((HOLDS_NAMED_VALUE.test(between) || ESCAPED_LINE_START.test(between)) &&
            ASSIGNED_NAME.test(line.slice(keyWords[inner], keyWords[inner] + 100))) ||
          OPENS_JSON.test(between) ||
          OPENS_PAIRS.test(between) ||
          OPENS_FORM.test(between) ||
          ENV_ASSIGNMENT_AT.test(line.slice(keyWords[inner], keyWords[inner] + 90)) ||
          namesOnLaterLine(line, keyWords, inner, m.index + m[0].length))
      ) {
        nested++;
        scan.lastIndex = keyEnd + 1;
      }
      continue; // most keys on a line name no secret
    }
    let valueGroup = 0;
    while (valueGroup < site.valueGroups.length && m[site.valueGroups[valueGroup][1]] === undefined) valueGroup++;
    if (valueGroup === site.valueGroups.length) continue;
    const [group, number] = site.valueGroups[valueGroup];
    const whole = m[number];
    // `kubectl create secret … --from-file=password=.secrets/db.pass`: the file the secret's value is read from
    if (group === 'bare' && written !== undefined && readsFromFile(line, m.index + m[0].indexOf(written))) continue;
    // `/loyalty/${stage}/key`: a bare value stops at the brace of an interpolation it holds, and is not a literal
    if (
      group === 'bare' &&
      /[$#%@]$/.test(whole) &&
      line.charCodeAt(m.index + m[0].lastIndexOf(whole) + whole.length) === OPEN_BRACE
    )
      continue;
    // Punctuation that ends a sentence, an argument or a statement: `-pS3cret,` in prose or code.
    const trimmed = group === 'bare' && format !== 'config' && /[,;.]$/.test(whole);
    const value = trimmed ? whole.slice(0, -1) : whole;
    // A Secret's name beside the key it reads (Airflow's `Secret(…, secret="dbt-creds", key="password")`): a reference;
    // and Grafana's tables, whose secure JSON is encrypted (base64 of a salt, an IV and the ciphertext; not the plain
    // settings beside it, a PagerDuty key of 32 small letters and digits)
    if (
      (/^secret$/i.test(key) &&
        KUBERNETES_NAME.test(value) &&
        /^\s{0,4},\s{0,4}key\s{0,4}[=:]/.test(line.slice(m.index + m[0].length))) ||
      (/^(?=[^A-Z]*[A-Z])(?=[^a-z]*[a-z])[A-Za-z0-9+/]{40,}={0,2}$/.test(value) && GRAFANA_ROW.test(line)) ||
      namesSigningKey(line, m.index + m[0].lastIndexOf(value))
    )
      continue;
    // The value is judged first: most values under a secret's name are not secrets, and only one that is needs the
    // offsets, which the sticky copy records (at a cost) by matching again at the same place.
    const candidate = assignmentCandidate(site, key, value, group === 'bare', format, keyTraits);
    if (!candidate) {
      // `secret = '{"api-key":"…"}'`: JSON held by a string, read for the assignments inside it; so is a query
      // (`qResetPwd = "UPDATE users SET password = '…'"`)
      if (((value.startsWith('{') && value.includes(':')) || SQL_STATEMENT.test(value)) && nested < MAX_NESTED) {
        nested++;
        scan.lastIndex = m.index + m[0].lastIndexOf(value) + 1;
      }
      continue;
    }
    if (!site.fixedKey && inTableOfNames(lines, index)) continue;
    site.located.lastIndex = m.index;
    const d = site.located.exec(line);
    const range = d?.indices?.[number];
    if (!range) continue;
    // `key:value` without a space is a YAML scalar or a URL-ish token, not an assignment; but in a command line, a
    // header's name before it is HTTPie's header argument (`X-Postmark-Server-Token:…`)
    if (
      group === 'bare' &&
      site.id === 'assignment' &&
      previousNonSpace(line, range[0]) === ':' &&
      !/\s/.test(line[range[0] - 1] ?? '') &&
      !(format === 'shell' && HEADER_ARGUMENT.test(key))
    )
      continue;
    if (group === 'bare' && line[range[1]] === '(') continue; // `password = crypt($1, salt)`: a call, not a value
    // `SECRET_KEY=@r0=yl+…)9kv…`: a dotenv value runs on past the bracket (the `dotenv-raw-value` site reads it whole)
    if (
      group === 'bare' &&
      format === 'config' &&
      DOTENV_RAW.test(line) &&
      /^[()[\]{}<>]\S*$/.test(line.slice(range[1]))
    )
      continue;
    if (/pass|pwd/i.test(key) && repeatsUser(line, value)) continue;
    // `settings "localhost" 5432 "postgres" "postgres" "postgres"`: a password given in order that repeats another
    // argument (its user, its database) is a local default
    if (site.fixedKey && group !== 'bare' && quotedTimes(m[0], value) > 1) continue;
    // `Secure passphrase: correct horse battery staple`, `# password jika menggunakan …`: the first word of a sentence
    if (
      group === 'bare' &&
      format !== 'code' &&
      !site.keywordsFollow &&
      (PROSE_TAIL.test(line.slice(range[1])) ||
        (format === 'config' && /^\p{L}{1,20}$/u.test(value) && WORD_TAIL.test(line.slice(range[1]))))
    )
      continue;
    // `# credentials: poetry config http-basic.acme …`, `# password "postgres" as in …`: a comment's sentence goes on
    // after a word; `#（见 ACK Secret: gateway-nacos）`: a remark names one; so does a string's
    // (`'Credentials: vault kv get …'`)
    if (
      (COMMENT_LINE.test(line) ||
        (group === 'bare' && (format === 'code' || format === 'shell') && insideQuotes(line, range[0]))) &&
      /^(?:[a-z]+(?:-[a-z]+)*|[A-Z]+)$/.test(value) &&
      /^(?:[ \t]+\S|[)）])/.test(line.slice(range[1] + (group === 'bare' ? 0 : 1)))
    )
      continue;
    // a union type in code: "a" | "b" (in a shell, `echo "x" | docker login --password-stdin` pipes the value)
    if (format === 'code' && group !== 'bare' && /^\s*\|/.test(line.slice(range[1] + 1, range[1] + 8))) continue;
    const keyRange = site.keyGroup ? d?.indices?.[site.keyGroup] : undefined;
    if (site.id === 'assignment' && keyRange && followsTernary(line, keyRange[0])) continue;
    if (format === 'code' && isLabelTable(value, lines, index)) continue;
    // `'test-api-key-' + Date.now()`, `"admin" + salt`: the literal is only the start of a value made at run time
    if (
      group !== 'bare' &&
      format === 'code' &&
      /^\s*\+\s*(?!["'\x60\s])/.test(line.slice(range[1] + 1, range[1] + 12))
    )
      continue;
    if (group !== 'bare' && isPsqlVariable(line, range[0], value)) continue;
    if (format === 'config' && isExternalSecretKey(key, lines, index)) continue;
    if (isSortKey(key, lines, index)) continue;
    if (/pass|pwd/i.test(key) && isDevelopmentDefault(value, lines, index)) continue;
    // Android's debug keystore: its store and key passwords are `android` by definition
    if (value === 'android' && /debug/i.test(key)) continue;
    // `development:` / `  webhook_secret: development`: a word that repeats the environment's block is a stand-in
    if (/^[a-z]{3,16}$/.test(value) && parentKey(lines, index) === value) continue;
    if (group === 'bare' && isSqlServerObject(key, value, line, range[1])) continue;
    if ((isWordyIdentifier(value) || NAME_LIKE.test(value)) && inSecretNameTable(lines, index, line.slice(0, range[0])))
      continue;
    // Docker's `--secret site_tls_cert`, `--secret-add source=api_key_v2,target=api_key`, Earthly's
    // `--secret NPM_TOKEN=npm_publish` (the variable it sets, then the secret), Pulumi's `config set --secret
    // app:dbPassword`: a secret's name
    if (
      site.id === 'cli-flag' &&
      /^secret(?:-add)?$/.test(key) &&
      (isWordyIdentifier(value) || /^source=|^[A-Za-z_]\w*=|^(?:[\w-]+:)?[a-z]+(?:[A-Z][a-z]+)+\x60?$/.test(value))
    )
      continue;
    // R's `key <- "…"`, not a Go channel's `r.secretCh <- "rotate"`: the value must mix letters with digits or cases
    if (keyRange && line.slice(keyRange[1], range[0]).includes('<-') && !hasCredentialMix(value)) continue;
    candidate.start = base + range[0];
    candidate.end = candidate.start + value.length;
    add(candidate, priorityOf(candidate));
    // `APP_KEYS=k1,k2,k3` (Strapi): each key of a configured list is a secret of its own
    if (group === 'bare' && format === 'config' && line[range[1]] === ',')
      addListItems(line, range[1], base, candidate, add);
    // `secrets: ['…', '…']` (Remix, Mojolicious): the literals after the first of a list are secrets of their own
    if (group !== 'bare' && previousNonSpace(line, range[0] - 1) === '[')
      addQuotedListItems(line, range[1] + 1, base, candidate, add);
    // `'1kolGOdA0YJL' + 'y90joBZud0sU'`: the literal joined to it is the rest of the secret
    const joined = group !== 'bare' ? JOINED_LITERAL.exec(line.slice(range[1] + 1, range[1] + 520)) : null;
    if (joined) {
      const start = base + range[1] + 1 + joined[0].length - joined[2].length - 1;
      add({ ...candidate, start, end: start + joined[2].length }, priorityOf(candidate));
    }
  }
}

const DOTENV_RAW = /^(?:export\s+)?[A-Za-z_]\w{0,79}=\S+$/;
const JOINED_LITERAL = /^\s*\+\s*(["'])([^"'\\\n]{4,500})\1/;

/** The random items after the first of a comma-separated list (sixteen at most: the cost stays linear). */
function addListItems(line: string, at: number, base: number, first: Candidate, add: Add): void {
  const items = /^(?:,[A-Za-z0-9+/=_-]{16,200}){1,16}(?=\s|$)/.exec(line.slice(at, at + 4000));
  if (!items) return;
  let start = at;
  for (const item of items[0].split(',').slice(1)) {
    start += 1;
    addListItem(item, base + start, first, add);
    start += item.length;
  }
}

/** One item of a list after its first (`first`, already a finding), if it is random: a secret of its own. */
function addListItem(item: string, start: number, first: Candidate, add: Add): void {
  if (hasCredentialMix(item) && isPlausibleSecret(item, { minLength: 16, minEntropy: 3 }))
    add({ ...first, start, end: start + item.length }, priorityOf(first));
}

const QUOTED_ITEM = /\s{0,8},\s{0,8}(["'])([^"'\\\n]{8,500})\1/y;

/** The random literals after the first of a list, from `at` (just past its closing quote); sixteen at most. */
function addQuotedListItems(line: string, at: number, base: number, first: Candidate, add: Add): void {
  QUOTED_ITEM.lastIndex = at;
  for (let i = 0, m = QUOTED_ITEM.exec(line); m && i < 16; i++, m = QUOTED_ITEM.exec(line)) {
    addListItem(m[2], base + QUOTED_ITEM.lastIndex - 1 - m[2].length, first, add);
  }
}

/**
 * T-SQL names what it already holds: `CREDENTIAL = BlobCred` (a data source's credential, by the name it was created
 * under), `PASSWORD = 0x0200… HASHED` (a login's stored hash).
 */
function isSqlServerObject(key: string, value: string, line: string, valueEnd: number): boolean {
  if (/^credential$/i.test(key))
    return /^[A-Za-z_]\w*$/.test(value) && (key === 'CREDENTIAL' || /\bWITH\b/i.test(line));
  return /^password$/i.test(key) && /^0x[0-9a-f]+$/i.test(value) && /^\s+HASHED\b/i.test(line.slice(valueEnd));
}

/** DynamoDB's single-table keys: `{ pk: 'USER#1', sk: '5d41…' }` sorts, where Baidu's `ak`/`sk` pair would sign. */
function isSortKey(key: string, lines: readonly string[], index: number): boolean {
  if (!/^["']?sk["']?$/i.test(key)) return false;
  for (let i = Math.max(0, index - 3); i <= Math.min(lines.length - 1, index + 3); i++)
    if (lines[i].length <= MAX_ASSIGNMENT_LINE && /(?:^|[\s{,"'])pk["']?\s{0,4}[:=]/i.test(lines[i])) return true;
  return false;
}

/**
 * A development database's or machine's password as compose files, CI services, Phoenix's `config/dev.exs` and
 * Vagrantfiles set it: a word that repeats the user set beside it (`POSTGRES_USER: runner` / `POSTGRES_PASSWORD:
 * runner`, `username: "postgres",` / `password: "postgres",`) or names an image run near it (`image: postgres:16`,
 * within IMAGE_REACH lines: what an editor re-scans around an edit must decide it).
 */
function isDevelopmentDefault(value: string, lines: readonly string[], index: number): boolean {
  if (!/^[a-z]{3,16}$/.test(value)) return false;
  for (let i = Math.max(0, index - 3); i <= Math.min(lines.length - 1, index + 3); i++) {
    const text = lines[i];
    if (text.length > 200) continue;
    const user = USER_SETTING.exec(text);
    if (user && (user[1] ?? user[2]) === value) return true;
    // `username: <%= ENV.fetch("DB_USER", "postgres") %>`: the same default as the user's
    if (i !== index && USER_KEY.test(text) && (text.includes(`"${value}"`) || text.includes(`'${value}'`))) return true;
  }
  for (let i = Math.max(0, index - IMAGE_REACH); i <= Math.min(lines.length - 1, index + IMAGE_REACH); i++)
    if (lines[i].length <= 300 && lines[i].includes('image:') && IMAGE.exec(lines[i])?.[1] === value) return true;
  return false;
}

const USER_SETTING =
  /^\s*(?:-?\s*["']?[\w.-]*(?:user(?:name)?|login)["']?\s{0,4}[:=]\s{0,4}["']?([\w.-]{1,40})["']?[,;]?|<[\w.-]*(?:user(?:name)?|login)>([\w.-]{1,40})<\/[\w.-]+>)\s*$/i;
const USER_KEY = /^\s*-?\s*["']?[\w.-]*(?:user(?:name)?|login)["']?\s{0,4}[:=]/i;
const IMAGE = /^\s*-?\s*image:\s*["']?(?:[\w.-]+\/)*([a-z][\w.-]*?)(?:[:@]|["']?\s*$)/;
const IMAGE_REACH = 30;

/** `WITH PASSWORD :'pgpass'`: psql interpolates the variable `pgpass` (set by `\set` from the environment). */
function isPsqlVariable(line: string, valueStart: number, value: string): boolean {
  return line[valueStart - 2] === ':' && /\s/.test(line[valueStart - 3] ?? '') && /^[A-Za-z_]\w{0,62}$/.test(value);
}

/**
 * `- secretKey: api-token` beside `remoteRef:` (an ExternalSecret): the name of a key in the Secret it creates, not a
 * secret key.
 */
function isExternalSecretKey(key: string, lines: readonly string[], index: number): boolean {
  if (!/^["']?secretKey["']?$/.test(key)) return false;
  for (let i = Math.max(0, index - 3); i <= Math.min(lines.length - 1, index + 3); i++)
    if (lines[i].length <= 200 && /\bremoteRef\s*:/.test(lines[i])) return true;
  return false;
}

/** An object, map or class whose name says it holds the names of secrets: `SECRET_NAMES = {`, `object SecretNames {`. */
const SECRET_NAME_TABLE =
  /secret_?(?:name|id|ref|path)s?\b["']?\s{0,4}(?::\s{0,4}[\w.<>, ]{1,60}\s{0,4})?[:=]\s{0,4}(?:\{|dict\(|\[|map\[)|\b(?:object|class|enum|struct)\s+\w*Secret_?(?:Name|Id|Ref|Path)s\b[^{]{0,60}\{/i;

/**
 * `const SECRET_NAMES = { redisPassword: 'orders-redis' }`: a name-like value in a table of secret names (opened on its
 * line or up to eight lines above, within the same block) is the name of a secret in a store, not a password.
 */
function inSecretNameTable(lines: readonly string[], index: number, before: string): boolean {
  if (SECRET_NAME_TABLE.test(before)) return true;
  const indent = indentOf(lines[index]);
  for (let i = index - 1; i >= Math.max(0, index - 8); i--) {
    const text = lines[i];
    if (text.length > 300) return false;
    if (indentOf(text) < indent) return SECRET_NAME_TABLE.test(text);
  }
  return false;
}

const COMMENT_LINE = /^\s*(?:#|\/\/|;|--)/;

/** An odd number of single or of double quotes stands before `index`: it is inside a string. */
function insideQuotes(line: string, index: number): boolean {
  let single = 0;
  let double = 0;
  for (let i = 0; i < index; i++) {
    if (line[i] === "'") single++;
    else if (line[i] === '"') double++;
  }
  return single % 2 === 1 || double % 2 === 1;
}

/**
 * Words running on to the end of the line after a bare value, clauses and a closing parenthesis allowed (`secret:
 * writes every key once, reads them back, …`): it began a sentence.
 */
const PROSE_TAIL = /^[ \t]+\p{L}+(?:,?[ \t]+\(?\p{L}+\)?)+[.,!?:]?\s*$/u;
/**
 * A word, then one more word and a colon or question mark (`role_password_again = Repeat password:`): a prompt's text
 * in a catalogue. A random value before one word (`PASSWORD=Xk9mQ2pLv7Rt staging`) is still a value.
 */
const WORD_TAIL = /^[ \t]+\p{L}+[:?]\s*$/u;

/** From a key to a key word inside its value, when the value is JSON: `= '{"api` (before `Key":"…"}'`). */
const HOLDS_JSON = /^["']?\s{0,4}[:=]\s{0,4}['"]\{\s{0,4}\\?["'][\w.-]{0,40}$/;
/** `AIRFLOW_CONN_X='{"conn_type": "slack", "password": "…"}'`: the value is a JSON object, whatever keys come first. */
const OPENS_JSON = /^["']?\s{0,4}[:=]\s{0,4}['"]\{\s{0,4}\\?"/;
/** SAM's `parameter_overrides = "Stage=\"prod\" DbPassword=\"…\""`: the value is a list of quoted assignments. */
const OPENS_PAIRS =
  /^["']?\s{0,4}[:=]\s{0,4}"(?:[A-Za-z][\w.-]{0,60}=\\"[^"\\]{0,200}\\"\s{1,4}){0,20}[A-Za-z][\w.-]{0,60}$/;
/**
 * `EnvLogger : spring.datasource.password=…`, `OkHttp  : X-Api-Key: …`, `PropertyDump    : password=…` (a log line's
 * source, padded to Spring Boot's 40 columns, then what it logged): the value opens with a name that holds the key
 * word.
 */
const HOLDS_NAMED_VALUE = /^\s{0,40}:\s{1,4}(?:[A-Za-z_][\w.-]{0,80})?$/;
/** …and the name is assigned a value there (not `description: password reset`). */
const ASSIGNED_NAME = /^[\w.-]{0,80}\s{0,2}[=:]/;
/** A captured request's form body: `"text": "grant_type=refresh_token&refresh_token=…"`. */
const OPENS_FORM = /^["']?\s{0,4}[:=]\s{0,4}["'](?:[\w.-]{1,60}=[^&\s"']{0,200}&){0,20}[\w.-]{1,60}(?:=[\w.-]{0,60})?$/;
/**
 * `"body": "Our config:\n\nALGOLIA_ADMIN_KEY=…"`: a line of text in a string, escaped, opens with a name; so does the
 * string's first line (`"text": "password: …\ndb: …"`, a chat message).
 */
const ESCAPED_LINE_START = /(?:\\n|^["']?\s{0,4}:\s{0,4}["'])(?:[A-Za-z_][\w.-]{0,60})?$/;
/** Its escaped line break alone (what stands before a later line's name, read in a window that has no start). */
const ESCAPED_BREAK_NAME = /\\n(?:[A-Za-z_][\w.-]{0,60})?$/;
/** A chat message's `"text": "… needs DD_API_KEY=…"`: an environment variable assigned inside the value. */
const ENV_ASSIGNMENT_AT = /^[A-Z0-9_]{1,80}=[^\s=]/;
/** `env = DATABASE_PASSWORD=…` (uWSGI): the value is an environment variable's assignment. */
const HOLDS_ENV_ASSIGNMENT = /^\s{0,4}=\s{0,4}[A-Z_][A-Z0-9_]{0,60}$/;

/** A table's name, on the line that opens it: `var pinnedVersions = map[string]string{`, `KMS_SECRET_NAMES = {`. */
const TABLE_OPENER = /([A-Za-z_$][\w$]*)["']?\s*(?::[^={}]{0,120})?(?:=|:=|:|=>)\s*(?:[\w.[\]<>, ]{0,60})?[{[(]?\s*$/;
/** Tables whose entries name or pin a secret held elsewhere: versions, stages, ids, names, paths, ARNs, references. */
const TABLE_OF_NAMES = /(?:versions?|stages?|revisions?|ids|names|paths|arns|refs|references)$/i;

/** The line is an entry of a table of names (the first line above it that is indented less opens the table). */
function inTableOfNames(lines: readonly string[], index: number): boolean {
  const indent = indentOf(lines[index] ?? '');
  for (let i = index - 1; i >= Math.max(0, index - 8); i--) {
    const text = lines[i];
    if (text.trim() === '' || indentOf(text) >= indent) continue;
    const name = text.length <= 300 ? TABLE_OPENER.exec(text)?.[1] : undefined;
    return !!name && TABLE_OF_NAMES.test(name);
  }
  return false;
}

/** How many times a line's search may go on inside a value that holds another assignment. */
const MAX_NESTED = 4;

/**
 * A string's later line assigns a value to a key word (`"notes": "Updated the LDAP auth source:\nPassword: …"`): the
 * first key word of the value (`auth`) named nothing, a later one in it (at most a value's length on) may.
 */
function namesOnLaterLine(line: string, keyWords: readonly number[], first: number, valueEnd: number): boolean {
  for (let k = first + 1; k < keyWords.length && keyWords[k] < valueEnd; k++)
    if (
      ESCAPED_BREAK_NAME.test(line.slice(Math.max(0, keyWords[k] - 64), keyWords[k])) &&
      ASSIGNED_NAME.test(line.slice(keyWords[k], keyWords[k] + 100))
    )
      return true;
  return false;
}

/** One word as a label shows it: a capital, then small letters in any script (`Passwort`, `Contraseña`, `Jeton`). */
const LABEL_WORD = /^\p{Lu}\p{Ll}{2,24}$/u;
const QUOTED_LABEL = /(["'])\p{Lu}\p{Ll}{2,24}\1/gu;
/** An entry of an object literal on a line of its own whose value is a label word: `  password: "Passwort",`. */
const LABEL_ENTRY = /^\s*["']?[\w$-]{1,80}["']?\s*:\s*(["'])\p{Lu}\p{Ll}{2,24}\1,?\s*$/u;

/**
 * A translation table in code (`de = { password: "Passwort", secret: "Geheimnis" }`, or one entry per line beside
 * another): a label word among label words names a field, it is not the secret.
 */
function isLabelTable(value: string, lines: readonly string[], index: number): boolean {
  if (!LABEL_WORD.test(value)) return false;
  const line = lines[index];
  if (line.length <= 2000 && (line.match(QUOTED_LABEL) ?? []).length >= 2) return true;
  const entry = (i: number) => i >= 0 && i < lines.length && lines[i].length <= 200 && LABEL_ENTRY.test(lines[i]);
  return entry(index) && (entry(index - 1) || entry(index + 1));
}

/**
 * Call sites on a long line (`t.sign(e,"…",{expiresIn:"1h"})` in a bundle), each read in a window around its words.
 * A window starts at most CALL_BEFORE before a word and the next is looked for after it ends, and each word's next
 * position is searched for from where the last search ended: linear in the line for each site.
 */
function readCallsAround(line: string, lower: string, found: ReadonlySet<string>, base: number, add: Add): void {
  for (const site of BUNDLE_SITES) {
    const words = site.keywords!.filter((word) => found.has(word));
    if (!words.length) continue;
    const nextAt = words.map((word) => lower.indexOf(word));
    for (let from = 0; ;) {
      let at = -1;
      words.forEach((word, w) => {
        if (nextAt[w] >= 0 && nextAt[w] < from) nextAt[w] = lower.indexOf(word, from);
        if (nextAt[w] >= 0 && (at < 0 || nextAt[w] < at)) at = nextAt[w];
      });
      if (at < 0) break;
      const start = Math.max(0, at - CALL_BEFORE);
      const end = Math.min(line.length, at + CALL_AFTER);
      const window = line.slice(start, end);
      const { marks, letters } = signatureOf(window);
      const seek = wordsToSeek(site, marks);
      if (seek?.length !== 0 && passesPreChecks(site, window, seek, letters))
        matchSite(
          site,
          window,
          { keyWordPositions: () => keyWordPositions(lower.slice(start, end), found) },
          base + start,
          'code',
          add,
          [window],
          0,
        );
      from = end;
    }
  }
}

/** The candidate for a value held by a named column or key outside the assignment syntaxes (SQL rows). */
export function valueCandidate(key: string, value: string, format: FileFormat): Candidate | undefined {
  return assignmentCandidate(SITES[0], key, value, false, format);
}

/** Adds `value`, standing at `start` under the name `key`, if it is a secret; says whether it was. */
export function addNamedValue(key: string, value: string, start: number, format: FileFormat, add: Add): boolean {
  const candidate = valueCandidate(key, value, format);
  if (!candidate) return false;
  candidate.start = start;
  candidate.end = start + value.length;
  add(candidate, priorityOf(candidate));
  return true;
}

/**
 * Adds each part of a literal split over lines (`"…" +` then `"…"`), the parts judged as the one value they make (or
 * as `value`, what they spell: a list of bytes its hex).
 */
export function addSplitValue(
  key: string,
  parts: readonly { text: string; start: number }[],
  format: FileFormat,
  add: Add,
  value = parts.map((part) => part.text).join(''),
): void {
  const candidate = valueCandidate(key, value, format);
  if (!candidate) return;
  for (const { text, start } of parts) add({ ...candidate, start, end: start + text.length }, priorityOf(candidate));
}

/** An AccessKey secret outranks what else covers it; every other value is an assignment. */
const priorityOf = (candidate: Candidate): number =>
  candidate.ruleId === 'alibaba-access-key-secret' ? PRIORITY.akSecret : PRIORITY.assignment;

/**
 * Lines too long for the assignment sites (minified bundles, embedded data) are read only where a key word stands: the
 * key around it, then `key: "value"` or `key = "value"` right there. Each key word costs a bounded look either side,
 * so a megabyte of bundle costs linear time.
 */
/**
 * `key: "value"`, `key = "value"`, and a lookup's literal fallback `process.env.API_TOKEN || "value"`; also with escaped
 * quotes, as JSON inside a string or a source map's `sourcesContent` writes them (`\"secret\":\"value\"`).
 */
const LONG_LINE_ASSIGNMENT =
  /\\?["']?(?<key>[A-Za-z_$@][\w.$@-]{0,79})\\?["']?\s{0,4}(?:[:=]|\|\||\?\?)\s{0,4}(?:\\?"(?<dq>[^"\\\n]{1,300})\\?"|'(?<sq>[^'\\\n]{1,300})'|\x60(?<bq>[^\x60\n]{1,300})\x60)/dy;
/** A request header's name and value as two items or arguments: `setRequestHeader("x-api-key","…")`, `["x-api-key","…"]`. */
const LONG_LINE_HEADER_PAIR =
  /["'](?<key>[Xx]-[\w-]{1,60})["']\s{0,4},\s{0,4}(?:"(?<dq>[^"\\\n]{1,300})"|'(?<sq>[^'\\\n]{1,300})')/dy;
const KEY_CHAR = /[\w.$@-]/;
/** Two letters in mixed case (`pW`, `Pw`): a name a minifier chose, not one a person wrote. */
const MINIFIED_NAME = /^(?:[a-z][A-Z]|[A-Z][a-z])$/;
/** What lies between two string literals of minified code: it starts with an operator or closes a call. */
const CODE_FRAGMENT = /^[+,)\]};]|\);/;
const BASE64_RUN = /^[A-Za-z0-9+/]{16,}={0,2}$/;
const MAX_KEY = 80;
/** Around a call site's word on a long line: enough before it for the call's start, and after it for its arguments. */
const CALL_BEFORE = 400;
const CALL_AFTER = 600;
const BUNDLE_SITES = SITES.filter((site) => site.readInBundles);

export function scanLongLine(line: string, lower: string, found: ReadonlySet<string>, base: number, add: Add): void {
  readCallsAround(line, lower, found, base, add);
  let tokenEnd = -1;
  for (const at of keyWordPositions(lower, found)) {
    if (at < tokenEnd) continue;
    let start = at;
    while (start > 0 && at - start < MAX_KEY && KEY_CHAR.test(line[start - 1])) start--;
    let end = at;
    while (end < line.length && end - start < MAX_KEY && KEY_CHAR.test(line[end])) end++;
    tokenEnd = end;
    if ((start > 0 && KEY_CHAR.test(line[start - 1])) || !/^[A-Za-z_$@]/.test(line[start])) continue;
    const key = line.slice(start, end);
    if (MINIFIED_NAME.test(key) || !strengthOf(key)) continue;
    const quoted = start > 0 && /["']/.test(line[start - 1]);
    LONG_LINE_ASSIGNMENT.lastIndex = quoted ? start - 1 : start;
    LONG_LINE_HEADER_PAIR.lastIndex = start - 1;
    const m = LONG_LINE_ASSIGNMENT.exec(line) ?? (quoted ? LONG_LINE_HEADER_PAIR.exec(line) : null);
    if (!m || m.groups?.key !== key) continue;
    const group = (['dq', 'sq', 'bq'] as const).find((g) => m.groups?.[g] !== undefined);
    const range = group && m.indices?.groups?.[group];
    if (!group || !range) continue;
    const value = m.groups![group]!;
    if (!hasCredentialMix(value) || value.length < 6) continue; // bundles are full of `token:"keyword"` tables
    // `"…in token: "+e);let l=c[0]+"`: a key word inside a string, then code (base64 may start with `+`, code has more)
    if (CODE_FRAGMENT.test(value) && !BASE64_RUN.test(value)) continue;
    const candidate = assignmentCandidate(SITES[0], key, value, false, 'code');
    if (candidate) {
      candidate.start = base + range[0];
      candidate.end = base + range[1];
      add(candidate, priorityOf(candidate));
    }
  }
}

/**
 * What the scan asks of a key, each worked out when first asked: the same few hundred keys recur across lines and
 * scans, and most keys are asked only their strength.
 */
class KeyTraits {
  readonly strength: ReturnType<typeof secretNameStrength>;
  private traits?: {
    /** The key without its quotes and sigils, or a setter's `set`/`with`: the name a finding gives. */
    nameHint: string;
    /** It names where a secret is kept (REFERENCE_KEY), not the secret. */
    reference: boolean;
    /** It says its value is already ciphertext. */
    encrypted: boolean;
    /** The shell's working directory (`PWD`, `$pwd`). */
    workingDirectory: boolean;
    /** sameName's reading of it: its letters and digits in lower case, its words, the service it starts with. */
    letters: string;
    words: readonly string[];
    service: string | undefined;
  };
  private accessKeyIdName?: boolean;
  private primaryKeyName?: boolean;
  private pluralName?: boolean;

  constructor(private readonly key: string) {
    this.strength = secretNameStrength(key);
  }

  get accessKeyId(): boolean {
    return (this.accessKeyIdName ??= ACCESS_KEY_ID_KEY.test(this.key));
  }

  /** `PrimaryKey`, `secondary_key`: a table's, or an Azure account's (judged by its value). */
  get primaryKey(): boolean {
    return (this.primaryKeyName ??= PRIMARY_KEY_NAME.test(this.key));
  }

  /** `API_KEYS`, `allowedTokens`: a list of secrets (judged by its values). */
  get plural(): boolean {
    return (this.pluralName ??= PLURAL_SECRET_NAME.test(this.key));
  }

  /** The rest, asked of a key with a value to judge. */
  get judged(): NonNullable<KeyTraits['traits']> {
    const key = this.key;
    return (this.traits ??= {
      nameHint: key.replace(/^[$@"']+|["']+$/g, '').replace(/^([Ss]et|[Ww]ith)(?=[A-Z])/, ''),
      reference: REFERENCE_KEY.test(key),
      encrypted: ENCRYPTED_KEY.test(key) && !ENCRYPTS_KEY.test(key),
      workingDirectory: /^(?:["']?\$?)pwd["']?$/i.test(key),
      letters: lettersOf(key),
      words: key.toLowerCase().split(/[^a-z0-9]+/),
      service: /^[$@"']*([A-Za-z0-9]{3,})/.exec(key)?.[1].toLowerCase(),
    });
  }
}

const traits = new Map<string, KeyTraits>();
function traitsOf(key: string): KeyTraits {
  let known = traits.get(key);
  if (!known) {
    if (traits.size > 20_000) traits.clear();
    // (a copy of the key: a slice would keep its file's text alive)
    const copy = detached(key);
    traits.set(copy, (known = new KeyTraits(copy)));
  }
  return known;
}

const strengthOf = (key: string): ReturnType<typeof secretNameStrength> => traitsOf(key).strength;

/** What a value under a strong name must be: a password, or a passphrase (a signing key's may be words). */
const PASSWORD = { minLength: 4 };
const PASSPHRASE = { minLength: 4, passphrase: true };

const AZURE_ACCOUNT_KEY = /^[A-Za-z0-9+/]{86}==$/;
const PRIMARY_KEY_NAME = /(?:primary|secondary)[_.-]?(?:master[_.-]?)?key["']?$/i;

/** An AWS secret access key: 40 characters of base64, under a name that says so. */
const AWS_SECRET_SHAPE = /^[A-Za-z0-9+/]{40}$/;
const AWS_SECRET_NAME = /secret.?access.?key|aws.?secret/i;

/** A name that ends in a plural of a secret's: `API_KEYS`, `allowedTokens`, `AUTHENTICATION_APIKEY_ALLOWED_KEYS`. */
const PLURAL_SECRET_NAME = /(?:keys|tokens|secrets)["']?$/i;

/** One item of such a list: a token (not `NAME=ref:latest`, a list of references). */
const LIST_ITEM = /^[A-Za-z0-9_+/.~-]{16,200}={0,2}$/;

/** Two to twenty values apart by commas or spaces, each random: 16 characters or more mixing classes. */
function isRandomList(value: string): boolean {
  const items = value.split(/\s*[,;\s]\s*/);
  return (
    items.length >= 2 &&
    items.length <= 20 &&
    items.every(
      (item) =>
        LIST_ITEM.test(item) && hasCredentialMix(item) && isPlausibleSecret(item, { minLength: 16, minEntropy: 3.5 }),
    )
  );
}

/**
 * A CSS module's class map in a bundle (`{"secret-key-list":"_secret-key-list_1x7qp_1"}`): each value is its key with
 * the file's hash around it.
 */
function isScopedClassName(key: string, value: string): boolean {
  const at = value.indexOf(key);
  if (at < 0 || key.length < 4) return false;
  const rest = value.slice(at + key.length);
  return (at === 0 || value[at - 1] === '_') && /^(?:_[A-Za-z0-9]{5}_\d{1,4}|__[\w-]{5,8}|--[\w-]{5,8})$/.test(rest);
}

function assignmentCandidate(
  site: AssignmentSite,
  key: string,
  value: string,
  bare: boolean,
  format: FileFormat,
  keyTraits = traitsOf(key),
): Candidate | undefined {
  const strength = site.randomOnly ? 'weak' : site.fixedKey || site.keyIsSecretName ? 'strong' : keyTraits.strength;
  const trimmed = value.trim();
  // `access_key_id='…'` (Huawei OBS; Cloudflare R2's and Baidu's 32 hex digits): an ID, named as one, that has no
  // prefix to find it by
  if (
    keyTraits.accessKeyId &&
    (HUAWEI_AK.test(value) || HEX_ID.test(value)) &&
    isPlausibleSecret(value, { minLength: 20 })
  )
    return secretLike(key.replace(/^[$@"']+|["']+$/g, ''), true);
  // `PrimaryKey = "…=="`: Azure's account keys (Cosmos DB, Storage) go by primary and secondary, as a table's do; only
  // theirs are 64 random bytes in base64
  if (!strength && keyTraits.primaryKey && AZURE_ACCOUNT_KEY.test(value) && isPlausibleSecret(value, { minLength: 88 }))
    return secretLike(key.replace(/^[$@"']+|["']+$/g, ''), true);
  // `API_KEYS=…,…`, `ALLOWED_TOKENS: "… …"`: a plural secret name over a list of random values, each a credential
  if (!strength && keyTraits.plural && isRandomList(value))
    return secretLike(key.replace(/^[$@"']+|["']+$/g, ''), true);
  if (!strength) return undefined;
  if (trimmed !== value || !trimmed) return undefined;
  const judged = keyTraits.judged;
  if (bare && !site.bareInCode && format === 'code') return undefined;
  if (site.credentialMix && (!hasCredentialMix(trimmed) || LABEL_WORD.test(trimmed))) return undefined;
  // A bare identifier in code is a variable, except where the site reads text inside a string (a connection string's
  // keywords, `"host=db password=q3z8Ty00"`; a Cookie header's `sid=…`).
  if (
    bare &&
    (format === 'code' ? !site.readsStrings : site.id === 'assignment') &&
    isIdentifierOrType(trimmed) &&
    format !== 'config' &&
    format !== 'shell'
  )
    return undefined;
  // YAML tags, anchors and block scalars (not a password that starts with `!`: `admin_passwd = !BMIjp…%Z2Rq`)
  if (bare && /^(?:[!&*][\w!.:/-]*|[|>][-+]?\d?)$/.test(trimmed)) return undefined;
  if (bare && /^:[A-Za-z_]\w{0,60}$/.test(trimmed)) return undefined; // a bind parameter (`SET password = :digest`)
  if (bare && /^\d{1,20}:$/.test(trimmed)) return undefined; // an error code in a message (`"Invalid Credentials": 80090308:`)
  if (JSON_TEXT.test(trimmed)) return undefined; // JSON in a string: the assignments inside it are read instead
  if (isScopedClassName(key, trimmed)) return undefined;
  // code between two strings, read as one when the key stood in the first (`"Password: ").context("`)
  if (!bare && /^\)[\s.+,;)]/.test(trimmed)) return undefined;
  if (bare && /^[\w.]+\(/.test(trimmed)) return undefined; // a call
  if (bare && POWERSHELL_CMDLET.test(trimmed)) return undefined; // `$p = ConvertTo-SecureString "…"`: a command
  if (bare && format !== 'config' && /^@{1,2}[A-Za-z_]{1,128}$/.test(trimmed)) return undefined; // T-SQL's `@pwd`, Ruby's `@password`
  if (/^[a-z][\w+.-]{0,30}:\/\//i.test(trimmed)) return undefined; // a URL: the connection-string rules judge its credentials
  if (judged.workingDirectory && /^[~/\\.$]|^[A-Za-z]:\\/.test(trimmed)) return undefined; // the shell's working directory
  if (trimmed === 'android' && /(?:store|key)_?pass/i.test(key)) return undefined; // the Android debug keystore's, documented
  if (
    !site.fixedKey &&
    judged.reference &&
    (isWordyIdentifier(trimmed) || isResourcePath(trimmed) || NAME_LIKE.test(trimmed))
  )
    return undefined; // the name of a secret in a store (`kmsSecret: orders-db-creds-v2`), not the secret
  // a kind of credential, not one: `credentials: ecs_ram_role`, `credential: instance_profile`
  if (!site.fixedKey && /(?:^|[^a-z])credentials?["']?$/i.test(key) && /^[a-z]{2,}(?:_[a-z]{2,}){1,4}$/.test(trimmed))
    return undefined;
  // an app's key in digits is its number (Taobao's and Youzan's `app_key: "94391085"`), its secret is beside it
  if (!site.fixedKey && /^\d{1,12}$/.test(trimmed) && /key$/i.test(key)) return undefined;
  // a literal that is a user's name and its colon, the password joined on after (`'shop:' . $apiKey`; not a decoded
  // header's `browser:`, whose password is empty)
  if (/^[\w.@-]{1,64}:$/.test(trimmed)) return undefined;
  // a store's name for a credential, in dotted words (`deviceSecretKey = "acme.device.secret.v2"`, a Keychain item's)
  if (!site.fixedKey && STORED_CREDENTIAL_NAME.test(trimmed)) return undefined;
  // Code maps names to names (`importToken: 'ImportToken'`, `PASSWORD_BANNED = "passwordBanned"`): not secrets.
  if (!site.fixedKey && (sameName(judged, trimmed) || (format === 'code' && isCodeName(trimmed)))) return undefined;
  // already ciphertext (not a key that encrypts, under a block named for what it encrypts:
  // `xpack.encryptedSavedObjects.encryptionKey`)
  if (!site.fixedKey && judged.encrypted && CIPHERTEXT.test(trimmed)) return undefined;
  const nameHint = site.fixedKey ?? judged.nameHint;
  // a password of PBKDF2's 50 bytes in hex is its digest, stored (Gitea's, Grafana's); no one chooses such a password
  if (/pass|pwd/i.test(nameHint) && /^[0-9a-f]{100}$/.test(trimmed)) return undefined;
  const namedInText = !site.fixedKey;
  if (
    /^[A-Za-z0-9]{30}$/.test(trimmed) &&
    /access.?key.?secret|secret.?access.?key|aliyun|alibaba|alicloud|ak.?secret|^(sk|secret.?key)$/i.test(nameHint) &&
    isPlausibleSecret(trimmed, { minLength: 30 })
  ) {
    return {
      ruleId: 'alibaba-access-key-secret',
      kind: 'Alibaba Cloud AccessKey secret',
      severity: 'error',
      nameHint,
      namedInText,
      start: 0,
      end: 0,
    };
  }
  if (
    AWS_SECRET_SHAPE.test(trimmed) &&
    AWS_SECRET_NAME.test(nameHint) &&
    hasCredentialMix(trimmed) &&
    isPlausibleSecret(trimmed, { minLength: 40 })
  ) {
    return {
      ruleId: 'aws-secret-access-key',
      kind: 'AWS secret access key',
      severity: 'error',
      nameHint,
      namedInText,
      start: 0,
      end: 0,
    };
  }
  if (strength === 'strong') {
    const passphrase = site.fixedKey !== undefined && SIGNING_KEYS.has(site.fixedKey);
    if (!isPlausibleSecret(trimmed, passphrase ? PASSPHRASE : PASSWORD)) return undefined;
    // `accessKey: rocketmq2`, `AccessKey = "runner-cache"` (or in base64, a Kubernetes Secret's `Y29uc29sZQ==`): an access
    // key's id is named like the key; a secret is random
    if (ACCESS_KEY_ID_NAME.test(nameHint) && isWordyIdentifier(decodedBase64(trimmed) ?? trimmed)) return undefined;
    // `sshKeySecret: airflow-git-ssh`: a Helm value naming the Kubernetes Secret that holds the key
    if (format === 'config' && /[a-z]Secret$/.test(nameHint) && KUBERNETES_NAME.test(trimmed)) return undefined;
    // `<string name="api_key">API-Schlüssel</string>`: words of a label; no issued key holds such letters
    if (!PASSWORD_NAME.test(nameHint) && HYPHENATED_LABEL.test(trimmed) && /[^\p{ASCII}]/u.test(trimmed))
      return undefined;
    if (KEY_OR_TOKEN.test(nameHint)) {
      if (SPACED.test(trimmed) && !SPACED_SCHEME.test(trimmed)) return undefined; // `apiKey: 'Clé API'`: a label
      if (HYPHENATED_LABEL.test(trimmed)) return undefined; // `Zugriffs-Token`
      // `wantToken = "renewed"`, `NPM_TOKEN=1234`, a site's numeric ID, Cloudinary's 15-digit public `api_key`, a
      // paginator's `"output_token": "NextMarker"` (the field that carries it), `'i-am-the-worst'`: words or a number,
      // never an issued key
      if (/^[a-z]{1,12}$|^\d{1,16}$|^[A-Z]?[a-z]{1,12}(?:[A-Z][a-z]{1,12}){0,3}$|^[a-z]+(?:-[a-z]+)+$/.test(trimmed))
        return undefined;
    }
    if (DIGEST_KEY.test(nameHint) && isHashLike(trimmed)) return undefined; // `password_md5`: a digest, not the password
    if (bare && format === 'config' && isIdentifierOrType(trimmed) && trimmed.length < 6) return undefined;
    return { ...classify(nameHint), severity: 'warning', nameHint, namedInText, start: 0, end: 0 };
  }
  // Under `ak` (`HUAWEI_AK`, `obs.ak`) an ID is a finding too: Huawei Cloud's has no prefix to find it by
  if (AK_NAME.test(nameHint) && HUAWEI_AK.test(trimmed)) return secretLike(nameHint, namedInText);
  // Ghost's Admin API keys under any key's name (`adminKey`, `GHOST_KEY`)
  if (GHOST_KEY.test(trimmed)) return secretLike(nameHint, namedInText);
  // Azure DevOps' personal access tokens before 2024: 52 characters of lower-case base32
  if (AZURE_DEVOPS_PAT.test(trimmed) && isPlausibleSecret(trimmed, { minLength: 52, minEntropy: 3.3 }))
    return secretLike(nameHint, namedInText);
  // Many services issue API keys as 32, 40 or 64 hex digits: under a qualified key name (`license_key`, `serverKey`)
  // such a value is the key, not a digest of something.
  if (HEX_KEY_VALUE.test(trimmed) && HEX_KEY_NAME.test(nameHint) && !DIGEST_KEY.test(nameHint))
    return isPlausibleSecret(trimmed, { minLength: 32, minEntropy: 3, mixed: true })
      ? secretLike(nameHint, namedInText)
      : undefined;
  if (isHashLike(trimmed) || isBase64OfText(trimmed)) return undefined;
  // a generated key with a few symbols among its letters and digits (`…-dou_TnUNGlweixnq-OCdAkPB0j0*9%`)
  if (isSymboledKey(trimmed)) return secretLike(nameHint, namedInText);
  // (two random parts joined by a dot: a signed session's value and its signature)
  if (!/^[A-Za-z0-9+/_~-]{16,}(?:\.[A-Za-z0-9+/_~-]{16,})?={0,2}$/.test(trimmed)) return undefined;
  if (isWordyIdentifier(trimmed)) return undefined;
  // keys of capitals and digits only (ThingSpeak's `WRITE_KEY "DAJSWB5RTR1BBYID"`), or of small letters and digits
  // when long (`pte39fqqjecpz8oagtqlxb90b8dfr8leixwbr35x9x`): two character classes, still random
  if (
    (CAPITALS_AND_DIGITS.test(trimmed) && isPlausibleSecret(trimmed, { minLength: 16, minEntropy: 3.3 })) ||
    (SMALL_AND_DIGITS.test(trimmed) &&
      !BECH32.test(trimmed) &&
      isPlausibleSecret(trimmed, { minLength: 32, minEntropy: 4 }))
  )
    return secretLike(nameHint, namedInText);
  if (!isPlausibleSecret(trimmed, { minLength: 16, minEntropy: 3.3, mixed: true }) || characterClasses(trimmed) < 3)
    return undefined;
  if (/^[a-z]+([_.-][a-z]+)*$/i.test(trimmed)) return undefined;
  return secretLike(nameHint, namedInText);
}

/** The start of a JSON object, its quotes escaped or not: `{"value":…`, `{\"value\":…`. */
const JSON_TEXT = /^\{\s{0,4}\\?"[\w.-]{1,40}\\?"\s{0,4}:/;
const AK_NAME = /(?:^|[_.-])ak$/i;
const ACCESS_KEY_ID_KEY = /^["'$@]?[\w.-]*access[_-]?key[_-]?id["']?$/i; // (also `r2AccessKeyId`)
/** Sixteen or more capitals and digits, two digits and eight capitals at least. */
const CAPITALS_AND_DIGITS = /^(?=(?:[A-Z]*\d){2})(?=(?:\d*[A-Z]){8})[A-Z0-9]{16,64}$/;
/** A bech32 string (an age recipient `age1…`, a wallet address): a public value, with no `1`, `b`, `i`, `o` after its `1`. */
const BECH32 = /^[a-z]{1,20}1[02-9ac-hj-np-z]{20,}$/;
const SMALL_AND_DIGITS = /^(?=(?:[a-z]*\d){4})(?=(?:\d*[a-z]){8})(?=[^g-z]*[g-z])[a-z0-9]{32,100}$/;
/** Thirty-two hex digits with letters and digits both (not a digest: none is named an access key ID). */
const HEX_ID = /^(?=[a-f]*\d)(?=\d*[a-f])[0-9a-f]{32}$/;
/** Three digits and eight letters at least: an ID, not a word or a number. */
const HUAWEI_AK = /^(?=[A-Z]*\d)(?=(?:\d*[A-Z]){8})[A-Z0-9]{20}$/;

/**
 * Thirty-two or more letters and digits, capitals, small letters and digits all there, with symbols a generator mixes
 * in (not the `=`, `;`, `:`, `/`, brackets or dots that structure a connection string, a URL or an expression).
 */
const SYMBOLED = /^(?=[^A-Z]*[A-Z])(?=[^a-z]*[a-z])(?=\D*\d)[A-Za-z0-9!#$%&*+\-_~^@?|]{32,200}$/;

/** A long random key with symbols a small share of it (a regular expression or an expression has many more). */
function isSymboledKey(value: string): boolean {
  if (!SYMBOLED.test(value)) return false;
  const symbols = value.replace(/[A-Za-z0-9]/g, '').length;
  return (
    symbols > 0 &&
    symbols <= value.length * 0.15 &&
    !/%[0-9A-Fa-f]{2}/.test(value) && // URL-encoded
    !/^[A-Za-z0-9+/_~-]+={0,2}$/.test(value) &&
    isPlausibleSecret(value, { minLength: 32, minEntropy: 4, mixed: true })
  );
}

/** A random-looking value under a name that only suggests a secret. */
function secretLike(nameHint: string, namedInText: boolean): Candidate {
  return {
    ruleId: 'high-entropy-secret',
    kind: 'secret-like value',
    severity: 'warning',
    nameHint,
    namedInText,
    start: 0,
    end: 0,
  };
}

/** The value spells the key (`secretList: 'SecretList'`) or its end or start, whatever the case and separators. */
function sameName({ letters: name, words, service }: KeyTraits['judged'], value: string): boolean {
  const said = lettersOf(value);
  return (
    name === said ||
    (said.length >= 5 && name.endsWith(said)) || // OpenSSL's `#define SN_kx_psk "KxPSK"`
    (name.length >= 8 && said.endsWith(name)) || // a name of it, prefixed (`"JwtSigningKey": "Ledger-Jwt-SigningKey"`)
    // also its start (`CREDENTIAL = cred`, SQL Server naming the credential it made above; `POSTGRES_PASSWORD:
    // postgres`), or the service's own name and `admin` (`MINIO_ROOT_PASSWORD: minioadmin`): the defaults of
    // development images
    (said.length >= 3 && name.startsWith(said)) ||
    // a word of a dotted key (`%dev.quarkus.datasource.password=quarkus`)
    (said.length >= 4 && words.includes(said)) ||
    (!!service && said.startsWith(service) && /^(?:admin|root|user|pass(?:word)?)$/.test(said.slice(service.length))) ||
    // PostgreSQL's clients call it PG (`PGPASSWORD=postgres`)
    (said === 'postgres' && /^pg/.test(name))
  );
}

/** A name's letters and digits, in lower case (`$DB_Password"` → `dbpassword`). */
const lettersOf = (text: string): string => text.replace(/[^A-Za-z0-9]/g, '').toLowerCase();

/**
 * Keys that name where a secret is kept rather than hold it: KMS, Vault, secret managers, `…Secret` handles (`dbSecret`,
 * `orders_secret`), but not the secrets that sign (`jwtSecret`, `SESSION_SECRET`), which hold the secret itself; and a
 * Helm chart's key of an existing Secret (`existingSecretPasswordKey: password`, `customSecretLicenseKey: license`), the
 * key a stored secret holds a user or password under (`username_secret_key = smtp_user`), and a constant for the secret
 * of one service (`SECRET_REDIS = 'redis-session-store-9qp3vd'`).
 */
const REFERENCE_KEY =
  /kms|vault|secrets?[_.-]?manager|key[_.-]?vault|ssm|parameter[_.-]?store|(secret|password|token|credential)s?[_.-]?(ref|name|id|arn|path|key[_.-]?name)|(?<=[a-z][_.-])credential$|(?:existing|custom)[_.-]?secret\w*key$|secret\w*?(?:password|license|token|user(?:name)?|auth)[_.-]?key$|(?:user(?:name)?|password|token)[_.-]?secret[_.-]?key$|^secret[_.-](?!(?:keys?|tokens?|value|string|hash|salt)$|pass|pwd)[a-z]{2,20}$|(?<=[a-z_.-])(?<!(?:jwt|session|cookie|signing|hmac|webhook|client|app|consumer|shared|api|token|oauth|key|bot|master|encryption)[_.-]?)secret$/i;
/**
 * Also ASP.NET's `<machineKey>`: a 48-hex 3DES decryptionKey, a 128-hex validationKey; and an Ethereum account's private
 * key as wallets print it (`DEPLOYER_KEY = "0x…"`, 64 hex digits).
 */
const HEX_KEY_VALUE = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{48}|(?:0x)?[0-9a-f]{64}|[0-9a-f]{128})$/i;
const GHOST_KEY = new RegExp(`^${GHOST_ADMIN_KEY}$`);
const AZURE_DEVOPS_PAT = /^(?=[a-z]*[2-7])[a-z2-7]{52}$/;
/**
 * A key name with a qualifier before `key` (`consumerKey`, `license_key`; its encoding may follow: `payloadKeyHex`) or
 * its version after it (`KEY_V3`), not the bare word `key`; and a session cookie (many frameworks make its id of 32 hex
 * digits).
 */
const HEX_KEY_NAME = /[a-z0-9][_.-]?key(?:[_.-]?hex)?$|^key[_.-]?v\d{1,3}$|(?:^|[_.-])(?:ak|sk|pat)$|_cookie$/i;

/** Keys that calls sign, encrypt or unlock with: a passphrase of words is as much the key as random characters. */
const SIGNING_KEYS = new Set([
  'JWT_SECRET',
  'SESSION_SECRET',
  'SIGNING_KEY',
  'HMAC_KEY',
  'ENCRYPTION_KEY',
  'PASSPHRASE',
]);
const SPACED = /\s/;
export const ACCESS_KEY_ID_NAME = /access[_.-]?key(?:[_.-]?id)?$/i;
/** A Kubernetes object's name: lower-case words joined by hyphens. */
const KUBERNETES_NAME = /^[a-z]+(?:-[a-z]+)+$/;
const GRAFANA_ROW = /^INSERT INTO (?:\w+\.)?[`"]?(?:data_source|alert_notification)\b/;
/** Words of letters joined by hyphens or apostrophes: `API-Schlüssel`, `Jeton-d'accès`, `Zugriffs-Token`. */
const HYPHENATED_LABEL = /^\p{L}{2,}(?:['’-]\p{L}+)+$/u;
const PASSWORD_NAME = /pass|pw|pin(?:[_.-]?code)?$/i;
/** Names of keys and tokens, which never hold a space (a password may: a passphrase). */
const KEY_OR_TOKEN = /^(?!.*(?:pass|pw|secret|cred)).*(?:api.?key|token)/i;
/** `token: "Bearer …"`: an authorization header's value, whose scheme is followed by a space. */
const SPACED_SCHEME = /^(?:Bearer|Basic|Token|token|Bot|Digest)\s/;

/** PowerShell commands (approved verb, dash, noun): what a bare right-hand side runs, not a value. */
const POWERSHELL_CMDLET =
  /^(?:Get|Set|New|Read|Write|ConvertTo|ConvertFrom|Import|Export|Invoke|Select|Add|Remove|Out|Start|Stop|Test|Join|Split|Format|Resolve|Find|Update|Create|Build|Install|Register|Connect|Copy|Enable|Disable|Initialize|Publish|Protect|Unprotect|Grant|Revoke|Request|Search|Send|Deploy|Restore|Backup)-[A-Z][A-Za-z0-9]{1,40}(?:-[A-Z][A-Za-z0-9]{1,40}){0,3}$/;
/**
 * Keys that say their value is a digest of the secret or of a script (`password_md5`, `tokenHash`, `secret_sha256`,
 * `TOKEN_BUCKET_SHA`: a Redis script's SHA-1).
 */
const DIGEST_KEY = /md5|sha(?:-?\d{1,3})?(?![a-z])|hash|digest|checksum|fingerprint/i;
/**
 * A name that says its value is already encrypted (`encryptedPassword`, `api_key_ciphertext`, `ENC_DB_PASSWORD`,
 * `dbPasswordCipher`, a data key KMS wrapped: `WRAPPED_DATA_KEY`); not `encKey` (an encryption key), `encodedPassword` (encoding hides nothing) nor
 * `api_key_unencrypted` (SOPS's suffix for keys it leaves in plain text).
 */
const ENCRYPTED_KEY =
  /(?<![Uu]n|[Nn]ot_?)[Ee]ncrypted|(?<![Uu]n)[Ww]rapped|(?<!UN)WRAPPED|(?<!UN|NOT_?)ENCRYPTED|[Cc]ipher[_.-]?[Tt]ext|CIPHER_?TEXT|^enc(?![_.-]?[Kk]ey)(?=[_.-]|[A-Z])|^ENC(?![_.-]?KEY)(?=[_.-])|(?:[_.-](?:enc|ENC)|[a-z]Enc)$|[a-z_]Cipher$|_cipher$|_CIPHER$/;
/** The key that encrypts (`…encryptionKey`), whatever its block is named for. */
const ENCRYPTS_KEY = /encryption[_-]?key["']?$/i;
/**
 * What ciphertext is written as: base64 (standard or URL-safe) or hex (also as a Postgres bytea, `\xc30d…`), too
 * long to be a typed password.
 */
const CIPHERTEXT = /^(?:\\{1,2}x)?[A-Za-z0-9+/_-]{24,}={0,2}$/;
/**
 * Three or more lower-case words joined by dots, one of them a credential's: where a credential is kept, by name (a
 * chosen token may be `wxmp_token_shop`: underscores are not enough).
 */
const STORED_CREDENTIAL_NAME =
  /^(?=(?:[a-z0-9_]+\.)*(?:secret|token|password|key|auth)(?:\.|$))[a-z][a-z0-9_]*(?:\.[a-z0-9_]+){2,}$/;
/**
 * A secret's name in a store: words joined by separators (`orders-db-creds-v2`), perhaps ending in the few random
 * characters a store or a deployment appends (`catalog-db-password-0BlJ`, an AWS ARN's `-AbCdEf`).
 */
const NAME_LIKE = /^[a-z0-9]+(?:[_.-][a-z0-9]+){1,10}$|^[a-z]{2,}(?:[_./-][a-z]{2,}){1,10}[_.-][A-Za-z0-9]{4,6}$/;

function classify(name: string): { ruleId: string; kind: string } {
  if (/jwt/i.test(name)) return { ruleId: 'hardcoded-secret', kind: 'JWT signing secret' };
  if (/pass|pw/i.test(name) || FOREIGN_PASSWORD.test(snakeCase(name)))
    return { ruleId: 'hardcoded-password', kind: 'password' };
  if (/api.?key|apikey/i.test(name)) return { ruleId: 'hardcoded-api-key', kind: 'API key' };
  if (/token|bearer/i.test(name)) return { ruleId: 'hardcoded-token', kind: 'token' };
  if (/private.?key/i.test(name)) return { ruleId: 'hardcoded-private-key', kind: 'private key' };
  if (/cred/i.test(name)) return { ruleId: 'hardcoded-secret', kind: 'credential' };
  return { ruleId: 'hardcoded-secret', kind: 'secret' };
}

/** The line holds a word that some site waits for (a call's name, most of them). */
export function wakesSites(found: ReadonlySet<string>): boolean {
  for (const word of found) if (SITES_BY_KEYWORD.has(word)) return true;
  return false;
}
