/**
 * One window of text through every matcher: a single keyword pass finds the lines any rule can match, then each rule
 * family runs on those lines only. Returns raw candidates; overlap resolution and findings are the engine's business.
 */
import { embeddedTextLines } from './embeddedText';
import { fencedCodeFormats } from './formats';
import { KeywordIndex } from './keywords';
import { MAX_ASSIGNMENT_LINE } from './limits';
import { ASSIGNMENT_WAKE_WORDS, scanAssignments, scanLongLine, wakesSites } from './matchers/assignments';
import { scanAuthorization } from './matchers/authorization';
import { scanConnections } from './matchers/connections';
import { hasAny, positionOf, PRIORITY, type Add, type TextWindow, type Window } from './matchers/context';
import { isBrowserKey } from './matchers/browserKeys';
import { scanDelimitedColumns } from './matchers/delimitedColumns';
import { isDevelopmentKey, isRailsDevelopmentKey } from './matchers/developmentKeys';
import { scanCustom, type CompiledPattern } from './matchers/custom';
import { FORMAT_WORDS, scanFormatArguments } from './matchers/formatArguments';
import { opensCall, OPENS_LOOKUP, scanJoinedCall } from './matchers/joinedCalls';
import { CONCATENATIONS, scanJoinedLiterals } from './matchers/joinedLiterals';
import { scanJsonWebKeys } from './matchers/jsonWebKeys';
import { scanKeyFiles } from './matchers/keyFiles';
import { scanKmsPlaintext } from './matchers/kmsPlaintext';
import { scanKeyPairs } from './matchers/keyPairs';
import { holdsSealedSecret, scanKubernetesSecret, sealedSecretLines } from './matchers/kubernetes';
import { scanPasswordFiles, scanPasswordHeredocs } from './matchers/passwordFiles';
import { scanPlist } from './matchers/plist';
import { NEW_KEY, scanSigningFlows, SIGNING_CALL_WORDS } from './matchers/signingFlows';
import { PROSE_WORDS, scanCodeSpans, scanProse, scanSentences } from './matchers/prose';
import { scanHtmlTables } from './matchers/htmlTables';
import { scanJaasUsers } from './matchers/jaasUsers';
import { LIST_KEY_ENDS, scanYamlBlocks, scanYamlSecretLists } from './matchers/yamlBlocks';
import { scanSmtpAuth } from './matchers/smtpAuth';
import { scanSpanningLines } from './matchers/spanningLines';
import { scanInsertData } from './matchers/migrationSeeds';
import { MINIFIED_LINE, scanMinifiedFlows } from './matchers/minifiedFlow';
import { scanTerraformState } from './matchers/terraformState';
import { scanPositionalArguments } from './matchers/positionalArguments';
import { scanCredentialTables } from './matchers/credentialTables';
import { scanSqlInserts } from './matchers/sqlInserts';
import { scanTokens } from './matchers/tokens';
import { CONNECTION_RULES } from './rules/connectionStrings';
import { ASSIGNMENT_KEYWORD_SET } from './rules/secretNames';
import { findPrivateKeys } from './rules/privateKeys';
import { TOKEN_RULES } from './rules/tokens';
import type { Candidate } from './types';
import { isExpiredJwt, isTypedWord, looksGenerated } from './values';

export type Prioritized = Candidate & { priority: number };

export interface CollectPlan {
  disabledRules: ReadonlySet<string>;
  customPatterns: readonly CompiledPattern[];
  /** Called before each custom pattern runs on the window (a worker's host times them). */
  beforeCustomPattern?: (index: number) => void;
  /** The file is a translation catalogue: no assignment rules. */
  translations: boolean;
  /** The file is a test or fixture: what only a name says is a secret is reported at `info`, a word not at all. */
  testFile: boolean;
}

/**
 * Gate words: what the whole-text matchers below cannot match without, in any case. The keyword pass finds them too,
 * so a text that holds none of a matcher's is not searched again (each search of the text cost as much as the pass).
 */
const GATES = {
  privateKeys: ['private key', 'putty-user-key-file', 'openvpn static key'],
  sealedSecret: ['sealedsecret'],
  sqlRows: ['insert', 'stdin;', '(values'],
  insertData: ['data('],
  constructorRows: ['inlinedata(', 'testcase(', 'record '],
  signingCalls: SIGNING_CALL_WORDS,
  newKey: ['key('],
  terraformState: ['"random_password"'],
  kmsPlaintext: ['kms_'],
  jaasUsers: ['loginmodule'],
  jsonWebKeys: ['kty'],
  smtpAuth: ['plain', '334 ugfzc3dvcmq6'],
  joinedLiterals: ['].join(', ...CONCATENATIONS],
  kubernetesSecret: ['kind:'],
  plist: ['<key>'],
  htmlTables: ['<th', '<td'],
  yamlSecretLists: LIST_KEY_ENDS,
} satisfies Record<string, readonly string[]>;

/** Every keyword any rule waits for, and the gate words. */
const KEYWORDS = new KeywordIndex(
  [
    ...TOKEN_RULES.flatMap((r) => r.keywords),
    ...CONNECTION_RULES.flatMap((r) => r.keywords),
    ...ASSIGNMENT_WAKE_WORDS,
    ...FORMAT_WORDS,
    'bearer',
    'aes.',
    'authorization',
    'basic ',
    '.oauth2(',
    ...PROSE_WORDS,
  ],
  Object.values(GATES).flat(),
);

/** The names a log gives a session's id. */
const SESSION_NAME = /^(?:session|session[_-]?id|sid)$/i;
/**
 * Words that say a token shown is a sample (in a comment a few lines up, or the name it is given; not a path's
 * `examples/` or a domain's `example.com` and `corp.example`).
 */
const SAMPLE_CUE = /expired|(?<![\w.])example\b(?![./-])|\bsample|illustrat|for documentation|\bmock/i;

/**
 * The text before `offset` on its line and the few lines above, at most a comment's length (lines, not characters,
 * so that a re-scan of a stretch with its context lines reads the same).
 */
function textBefore({ text, lineStarts }: TextWindow, offset: number): string {
  const from = lineStarts[Math.max(0, positionOf(lineStarts, offset).line - 5)];
  return text.slice(Math.max(from, offset - 2000), offset);
}

/** The keywords in one line (of text in any case). */
const keywordsOf = (line: string): Set<string> | undefined => KEYWORDS.linesOf(line, [0]).get(0);

export function collectCandidates(textWindow: TextWindow, plan: CollectPlan): Prioritized[] {
  const { text, lines, lineStarts, format, binary } = textWindow;
  const gates = new Set<string>();
  const keywordLines = KEYWORDS.linesOf(text, lineStarts, gates);
  const window: Window = { ...textWindow, keywordLines };
  /** Whether the text may hold what a gated matcher waits for. */
  const may = (gate: keyof typeof GATES): boolean => GATES[gate].some((word) => gates.has(word));
  const log = /\.log$/i.test(window.path ?? '');
  const candidates: Prioritized[] = [];
  // Matchers hand over fresh objects: they are completed in place rather than copied (a dense file has many).
  const add: Add = (candidate, priority) => {
    if (plan.disabledRules.has(candidate.ruleId) || candidate.end <= candidate.start) return;
    if (isBrowserKey(candidate, window) || isDevelopmentKey(candidate, window)) return;
    // a log's session ids (`session=…` on every request's line) are its bookkeeping, not a credential it holds
    if (log && SESSION_NAME.test(candidate.nameHint ?? '')) return;
    // A test's word under a secret's name or in a URL (`stubEnv('JWT_SECRET', 'short')`, `'s3cr3t'`,
    // `postgres://app:s3cret@db/app`) is a fixture it typed
    if (
      plan.testFile &&
      (priority <= PRIORITY.kubernetes || candidate.nameHint === 'CONNECTION_STRING') &&
      isTypedWord(text.slice(candidate.start, candidate.end))
    )
      return;
    // An expired token the text calls a sample (`Example token (expired 2020-01-01, …)`) grants nothing, whichever
    // rule found it (the token's own, or its name's: `"access_token": "eyJ…"`); in a test it is a fixture, at `info`
    const expiredJwt =
      text.startsWith('eyJ', candidate.start) && isExpiredJwt(text.slice(candidate.start, candidate.end));
    if (expiredJwt && SAMPLE_CUE.test(textBefore(window, candidate.start))) return;
    const prioritized = candidate as Prioritized;
    prioritized.priority = priority;
    if ((plan.testFile && (priority <= PRIORITY.kubernetes || expiredJwt)) || isRailsDevelopmentKey(candidate, window))
      prioritized.severity = 'info';
    candidates.push(prioritized);
  };

  if (may('privateKeys'))
    for (const block of findPrivateKeys(text))
      add(
        { ruleId: 'private-key', kind: 'private key', severity: 'error', start: block.start, end: block.end },
        PRIORITY.privateKey,
      );

  const assignments = !binary && !plan.translations;
  // A message catalogue's values under a secret's name are text about it; one that looks generated was copied in.
  const lineAdd = plan.translations ? generatedOnly(text, add) : add;
  const sealed =
    assignments && format === 'config' && may('sealedSecret') && holdsSealedSecret(text)
      ? sealedSecretLines(lines)
      : undefined;
  const fenced = format === 'docs' && assignments ? fencedCodeFormats(lines, window.path) : undefined;
  // Plain-text notes are read as configuration and as prose (`smtp relay login: relay@… / …`), and so are exported
  // tickets, whose fields hold what people wrote
  const notes = assignments && format === 'config' && /\.(?:txt|csv|tsv)$/i.test(window.path ?? '');
  // exported messages and tickets (`"text": "… the password is …"`) hold sentences
  const json = assignments && format === 'config' && /\.(?:json|ndjson|jsonl)$/i.test(window.path ?? '');
  const sql = /\.p?sql$/i.test(window.path ?? '');
  const embedded =
    format === 'code' && assignments ? embeddedTextLines(text, lines, lineStarts, window.path ?? '') : undefined;
  for (const [index, found] of keywordLines) {
    const line = lines[index];
    const base = lineStarts[index];
    scanTokens(line, found, base, add);
    if (binary) continue;
    scanConnections(line, found, base, add);
    scanAuthorization(line, found, base, add);
    const lineFormat = fenced ? fenced.get(index) : embedded?.has(index) ? 'config' : format;
    if (sealed?.has(index)) continue;
    if (!lineFormat) {
      if (fenced) {
        // a document's prose, outside its code blocks
        scanProse(lines, lineStarts, index, add);
        scanCodeSpans(line, found, base, add, lines, index);
      }
      continue;
    }
    if (notes) scanProse(lines, lineStarts, index, add);
    else if (json) scanSentences(line, base, add);
    const named = hasAny(found, ASSIGNMENT_KEYWORD_SET);
    if (line.length >= MINIFIED_LINE && lineFormat === 'code' && (found.has('bearer') || found.has('aes.') || named))
      scanMinifiedFlows(line, base, lineAdd);
    if (line.length > MAX_ASSIGNMENT_LINE) scanLongLine(line, line.toLowerCase(), found, base, lineAdd);
    else {
      scanAssignments(line, undefined, found, base, lineFormat, lineAdd, lines, index);
      if (named) scanSpanningLines(lines, lineStarts, index, lineFormat, lineAdd);
      if (lineFormat === 'code' && hasAny(found, FORMAT_WORDS)) scanFormatArguments(line, base, lineFormat, lineAdd);
      // (code, and SQL files, which are read as a shell's: `SELECT sign(` over its arguments)
      if ((lineFormat === 'code' || (sql && lineFormat === 'shell')) && opensCall(line)) {
        // a lookup's default is read by every site; other calls by the sites that wait for their words
        const lookup = named && OPENS_LOOKUP.test(line);
        if (lookup || wakesSites(found))
          scanJoinedCall(lines, lineStarts, index, lineFormat, keywordsOf, lineAdd, lookup);
      }
      // a call opened on a line with no key word, whose words this line holds: a lookup's name (`System.get_env(`
      // above `"SECRET_KEY_BASE",` and its default), a header's (`headers.insert(` above `"x-api-key",`); read joined
      // from its opening line
      if (
        lineFormat === 'code' &&
        index > 0 &&
        lines[index - 1].trimEnd().endsWith('(') &&
        !keywordLines.has(index - 1)
      ) {
        const lookup = named && OPENS_LOOKUP.test(lines[index - 1]);
        if (lookup || wakesSites(found))
          scanJoinedCall(lines, lineStarts, index - 1, lineFormat, keywordsOf, lineAdd, lookup);
      }
    }
  }
  if (binary) return candidates;
  if (assignments && !fenced && may('sqlRows')) scanSqlInserts(text, format, add);
  if (assignments && format === 'code' && may('insertData')) scanInsertData(text, format, add);
  if (assignments && format === 'code' && may('constructorRows')) scanPositionalArguments(window, add);
  if (assignments && format === 'code' && (may('signingCalls') || (may('newKey') && NEW_KEY.test(text))))
    scanSigningFlows(text, add);
  if (assignments && format !== 'docs') scanCredentialTables(window, add);
  if (assignments && format === 'config' && may('terraformState')) scanTerraformState(text, format, add);
  if (assignments && format === 'code' && may('kmsPlaintext')) scanKmsPlaintext(window, add);
  if (assignments) scanDelimitedColumns(window, add);
  scanKeyFiles(window, add);
  if (assignments && (format === 'config' || format === 'code') && may('jaasUsers')) scanJaasUsers(window, add);
  if (assignments && may('htmlTables')) scanHtmlTables(window, add);
  if (may('jsonWebKeys')) scanJsonWebKeys(window, add);
  if (assignments && may('smtpAuth')) scanSmtpAuth(window, add);
  if (assignments && may('joinedLiterals')) scanJoinedLiterals(window, format, add);
  if (format === 'shell' && assignments) scanPasswordHeredocs(window, add);
  if (format === 'config') {
    if (may('kubernetesSecret')) scanKubernetesSecret(window, add);
    scanPasswordFiles(window, add);
    if (assignments && !sealed) {
      if (may('plist')) scanPlist(window, add);
      scanYamlBlocks(window, add);
      if (may('yamlSecretLists')) scanYamlSecretLists(window, add);
    }
  }
  scanCustom(plan.customPatterns, lines, lineStarts, add, plan.beforeCustomPattern);
  scanKeyPairs(window, candidates, add);
  return candidates;
}

/**
 * Only the values that look generated (a password or key copied in, not a message or an example shown to users: no
 * message is 32 hex digits), or a setting moved in among the messages (`mail.smtp.password=Saffron#3347canyon`: a
 * service's key, one word mixing letters with digits).
 */
function generatedOnly(text: string, add: Add): Add {
  return (candidate, priority) => {
    const value = text.slice(candidate.start, candidate.end);
    if (
      looksGenerated(value) ||
      /^[0-9a-f]{32,128}$/i.test(value) ||
      (SERVICE_SETTING.test(candidate.nameHint ?? '') && SETTING_VALUE.test(value))
    )
      add(candidate, priority);
  };
}

const SERVICE_SETTING =
  /(?:^|\.)(?:smtp|mail|datasource|db|database|jdbc|ldap|redis|rabbitmq|amqp|ftp|sftp|proxy)\.(?:[\w-]+\.)?(?:password|passwd|pwd|secret|token|api[_-]?key)$/i;
const SETTING_VALUE = /^(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[^\s{}]{8,}$/;
