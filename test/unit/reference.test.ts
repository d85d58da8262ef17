import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_STAGE,
  FoundReference,
  MAX_NAME_LENGTH,
  REFERENCE_SCHEME,
  ReferenceSyntaxError,
  SecretReference,
  encodeKeyComponent,
  findReferences,
  formatArn,
  formatReference,
  isReference,
  looksLikeReference,
  parseReference,
  referenceContextAt,
  referenceKey,
  tryParseReference,
  validateSecretName,
} from '../../src/core/reference';

const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/+=.@-';

function syntaxError(text: string): ReferenceSyntaxError {
  try {
    parseReference(text);
  } catch (error) {
    assert.ok(error instanceof ReferenceSyntaxError, `not a ReferenceSyntaxError: ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(text)} to be rejected`);
}

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('reference grammar', () => {
  describe('parseReference / formatReference', () => {
    it('parses the plain form and every query parameter', () => {
      assert.deepEqual(parseReference('kms://db-password'), { name: 'db-password' });
      assert.deepEqual(parseReference('kms://prod/db?region=cn-hangzhou&profile=work&stage=ACSPrevious#password'), {
        name: 'prod/db',
        region: 'cn-hangzhou',
        profile: 'work',
        stage: 'ACSPrevious',
        jsonKey: 'password',
      });
      assert.deepEqual(parseReference('kms://db?version=v-0001'), { name: 'db', versionId: 'v-0001' });
      assert.deepEqual(parseReference('kms://db?stage=ACSPrevious&region=ap-southeast-1'), {
        name: 'db',
        stage: 'ACSPrevious',
        region: 'ap-southeast-1',
      });
    });

    it('round-trips every legal name character', () => {
      for (const ch of NAME_CHARS) {
        const name = `a${ch}${ch}z`;
        const text = formatReference({ name });
        assert.equal(text, `kms://${name}`);
        assert.deepEqual(parseReference(text), { name });
        const alone = formatReference({ name: ch });
        assert.deepEqual(parseReference(alone), { name: ch }, alone);
      }
      const all = NAME_CHARS;
      assert.deepEqual(parseReference(formatReference({ name: all, stage: 'S1', jsonKey: 'k' })), {
        name: all,
        stage: 'S1',
        jsonKey: 'k',
      });
    });

    it('accepts names of 1 and 192 characters and rejects 193', () => {
      assert.deepEqual(parseReference('kms://x'), { name: 'x' });
      const max = 'n'.repeat(MAX_NAME_LENGTH);
      assert.deepEqual(parseReference(`kms://${max}`), { name: max });
      const error = syntaxError(`kms://${max}n`);
      assert.equal(error.code, 'name-length');
      assert.equal(error.offset, 6 + MAX_NAME_LENGTH);
      assert.match(error.message, /at most 192 characters \(this one has 193\)/);
    });

    it('writes the canonical form: fixed parameter order, no default stage', () => {
      assert.equal(
        formatReference({ name: 'db', stage: 'ACSPrevious', profile: 'p', region: 'cn-beijing', jsonKey: 'user' }),
        'kms://db?region=cn-beijing&profile=p&stage=ACSPrevious#user',
      );
      assert.equal(formatReference({ name: 'db', stage: DEFAULT_STAGE }), 'kms://db');
      assert.equal(formatReference({ name: 'db', versionId: '42' }), 'kms://db?version=42');
      assert.equal(formatReference(parseReference('kms://db?stage=ACSCurrent')), 'kms://db');
    });

    it('percent-encodes JSON keys with reserved characters and decodes them back', () => {
      const keys = [
        'password',
        'a b',
        'x#y',
        '100%',
        'ключ',
        '密码',
        'emoji😀',
        'a&b=c?d',
        'quote"\'`',
        'tab\tnl\n',
        'colon:semi;',
      ];
      for (const jsonKey of keys) {
        const text = formatReference({ name: 'db', jsonKey });
        assert.ok(isReference(text), text);
        assert.deepEqual(parseReference(text), { name: 'db', jsonKey }, text);
        assert.equal(
          findReferences(`"${text}"`)[0]?.text,
          text,
          'an encoded key never breaks the reference in running text',
        );
      }
      assert.equal(encodeKeyComponent('a b#%é'), 'a%20b%23%25%C3%A9');
      assert.deepEqual(
        parseReference('kms://db#%61%62'),
        { name: 'db', jsonKey: 'ab' },
        'needless escapes are accepted',
      );
      assert.equal(formatReference(parseReference('kms://db#%61%62')), 'kms://db#ab');
    });

    it('rejects what it cannot format', () => {
      assert.throws(() => formatReference({ name: '' }), ReferenceSyntaxError);
      assert.throws(() => formatReference({ name: 'a b' }), /may contain only/);
      assert.throws(() => formatReference({ name: 'a', stage: 'S', versionId: 'v' }), /either stage or version/);
      assert.throws(() => formatReference({ name: 'a', region: 'CN' }), /region/);
      assert.throws(() => formatReference({ name: 'a', jsonKey: '' }), /JSON key is empty/);
      assert.throws(() => formatReference({ name: 'a', jsonKey: '\uD800' }), /lone surrogate/);
    });
  });

  describe('ARN alias', () => {
    it('parses a secret ARN, with or without a suffix', () => {
      assert.deepEqual(parseReference('acs:kms:cn-hangzhou:1234567890:secret/prod/db'), {
        name: 'prod/db',
        region: 'cn-hangzhou',
        arn: { region: 'cn-hangzhou', accountId: '1234567890' },
      });
      assert.deepEqual(parseReference('acs:kms:cn-shanghai:42:secret/rds-main?profile=ci&stage=ACSPrevious#password'), {
        name: 'rds-main',
        region: 'cn-shanghai',
        profile: 'ci',
        stage: 'ACSPrevious',
        jsonKey: 'password',
        arn: { region: 'cn-shanghai', accountId: '42' },
      });
    });

    it('formats an ARN reference canonically as kms:// with its region, and back as an ARN', () => {
      const ref = parseReference('acs:kms:cn-hangzhou:99:secret/db#user');
      assert.equal(formatReference(ref), 'kms://db?region=cn-hangzhou#user');
      assert.equal(formatArn(ref), 'acs:kms:cn-hangzhou:99:secret/db#user');
      assert.deepEqual(parseReference(formatArn(ref)), ref);
      assert.equal(formatArn({ name: 'x', region: 'cn-beijing' }, '7'), 'acs:kms:cn-beijing:7:secret/x');
      assert.throws(() => formatArn({ name: 'x' }), /region and a numeric account id/);
    });

    it('has the same identity as the kms:// form of the same secret', () => {
      assert.equal(
        referenceKey(parseReference('acs:kms:cn-hangzhou:9:secret/db#a')),
        referenceKey(parseReference('kms://db?region=cn-hangzhou')),
      );
      assert.equal(
        referenceKey(parseReference('kms://db')),
        referenceKey(parseReference('kms://db?stage=ACSCurrent#k')),
      );
      assert.notEqual(
        referenceKey(parseReference('kms://db')),
        referenceKey(parseReference('kms://db?stage=ACSPrevious')),
      );
      assert.notEqual(
        referenceKey(parseReference('kms://db?version=1')),
        referenceKey(parseReference('kms://db?stage=1')),
      );
    });

    it('rejects other ARNs, region in the query, and RAM wildcard patterns', () => {
      assert.equal(syntaxError('acs:kms:cn-hangzhou:1:key/abc').code, 'arn');
      assert.equal(syntaxError('acs:kms:cn-hangzhou:abc:secret/x').code, 'arn');
      assert.equal(syntaxError('acs:kms:CN:1:secret/x').code, 'arn');
      assert.equal(syntaxError('acs:kms:cn-hangzhou:1:secret/x?region=cn-beijing').code, 'unknown-param');
      assert.equal(syntaxError('acs:kms:*:1:secret/x').code, 'arn-wildcard');
      assert.equal(syntaxError('acs:kms:cn-hangzhou:1:secret/db-*').code, 'arn-wildcard');
      assert.deepEqual(
        findReferences('"Resource": "acs:kms:cn-hangzhou:123:secret/db-*"'),
        [],
        'policy patterns are not references',
      );
      assert.deepEqual(findReferences('"Resource": "acs:kms:*:*:secret/*"'), []);
      assert.deepEqual(findReferences('"Resource": "acs:kms:cn-hangzhou:123:key/*"'), []);
    });
  });

  describe('malformed references: clear message and exact offset', () => {
    const cases: Array<[string, string, number, RegExp]> = [
      [
        'kms://hello world',
        'name-char',
        11,
        /^Secret names may contain only letters, digits and _\/\+=\.@- \(found ' ' at 11\)\.$/,
      ],
      ['kms://db:1', 'name-char', 8, /found ':' at 8/],
      ['kms://密码', 'name-char', 6, /found '密' at 6/],
      ['kms://a\tb', 'name-char', 7, /found U\+0009 at 7/],
      ['kms://', 'empty-name', 6, /secret name is missing/],
      ['kms://?stage=x', 'empty-name', 6, /secret name is missing/],
      ['kms://#k', 'empty-name', 6, /secret name is missing/],
      ['kms://db?', 'query', 9, /Expected a query parameter .* found the end at 9/],
      ['kms://db?&stage=x', 'query', 9, /found '&' at 9/],
      ['kms://db?stage=x&', 'query', 17, /at 17/],
      ['kms://db?stage', 'query', 14, /Expected '=' after 'stage' at 14/],
      ['kms://db?stage=', 'value', 15, /value of 'stage' is empty/],
      [
        'kms://db?stage=a b',
        'value',
        16,
        /Values of 'stage' may contain only letters, digits and _\.- \(found ' ' at 16\)/,
      ],
      ['kms://db?region=CN', 'value', 16, /lowercase/],
      ['kms://db?version=' + 'v'.repeat(65), 'value', 17 + 64, /at most 64/],
      [
        'kms://db?foo=bar',
        'unknown-param',
        9,
        /Unknown query parameter 'foo' at 9; references take region, profile, stage or version/,
      ],
      ['kms://db?Stage=x', 'unknown-param', 9, /'Stage'/],
      ['kms://db?stage=a&stage=b', 'duplicate-param', 17, /'stage' appears twice/],
      ['kms://db?stage=a&version=b', 'exclusive', 17, /either stage or version/],
      ['kms://db?version=b&stage=a', 'exclusive', 19, /either stage or version/],
      ['kms://db#', 'json-key', 9, /JSON key after '#' is empty/],
      ['kms://db#a b', 'json-key', 10, /percent-encode ' ' as %20 \(found at 10\)/],
      ['kms://db#a#b', 'json-key', 10, /'#' as %23/],
      ['kms://db#a%zz', 'json-key', 10, /'%' in a JSON key must start an escape/],
      ['kms://db#%FF', 'json-key', 9, /not valid UTF-8/],
      ['kms://db?stage=x?y', 'value', 16, /found '\?' at 16/],
      ['kms://${APP}/db', 'template', 6, /template expression at 6/],
      ['kms://db?stage={{ .Values.stage }}', 'template', 15, /template expression/],
      ['kms://db-$(whoami)', 'template', 9, /template expression/],
      ['kms://db-$ENV', 'template', 9, /template expression/],
      ['KMS://db', 'scheme', 0, /References start with kms:\/\/ or acs:kms:/],
      [' kms://db', 'scheme', 0, /found U\+0020 at 0|found ' ' at 0/],
      ['"kms://db"', 'scheme', 0, /found '"' at 0/],
      ['', 'scheme', 0, /found nothing/],
      ['kms:/db', 'scheme', 0, /References start with/],
    ];
    for (const [text, code, offset, message] of cases) {
      it(`${JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text)} → ${code} at ${offset}`, () => {
        const error = syntaxError(text);
        assert.equal(error.code, code, error.message);
        assert.equal(error.offset, offset, error.message);
        assert.match(error.message, message);
        assert.equal(tryParseReference(text), undefined);
        assert.equal(isReference(text), false);
      });
    }
  });

  describe('validateSecretName', () => {
    it('accepts legal names and explains illegal ones in one sentence', () => {
      assert.equal(validateSecretName('myapp/db-password'), undefined);
      assert.equal(validateSecretName(NAME_CHARS), undefined);
      assert.equal(validateSecretName(''), 'The secret name is empty.');
      assert.equal(
        validateSecretName('my secret'),
        "Secret names may contain only letters, digits and _/+=.@- (found ' ' at 2).",
      );
      assert.match(validateSecretName('x'.repeat(193)) ?? '', /at most 192/);
      assert.match(validateSecretName('a?b') ?? '', /'\?' at 1/);
    });
  });

  describe('isReference and looksLikeReference', () => {
    it('isReference is exact: no trimming of quotes or whitespace', () => {
      assert.equal(isReference('kms://db'), true);
      assert.equal(isReference('acs:kms:cn-hangzhou:1:secret/db'), true);
      assert.equal(isReference('"kms://db"'), false);
      assert.equal(isReference('kms://db '), false);
      assert.equal(isReference('kms://db#'), false);
      assert.equal(isReference('see kms://db'), false);
    });

    it('looksLikeReference is lenient: quotes, whitespace, broken and templated references', () => {
      for (const value of [
        'kms://db',
        ' "kms://db" ',
        "'kms://x y'",
        'kms://${APP}/db',
        'kms://',
        '`kms://a`',
        'acs:kms:cn-hangzhou:1:secret/',
      ]) {
        assert.equal(looksLikeReference(value), true, value);
      }
      for (const value of [
        'kms:/db',
        'xkms://',
        'KMS://db',
        'password123',
        'acs:kms:cn-hangzhou:1:key/k',
        'https://kms.cn-hangzhou.aliyuncs.com',
      ]) {
        assert.equal(looksLikeReference(value), false, value);
      }
    });
  });

  describe('findReferences in each kind of file', () => {
    const only = (text: string): FoundReference => {
      const found = findReferences(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      return found[0];
    };
    const expectAt = (text: string, ref: string): void => {
      const found = only(text);
      assert.equal(found.text, ref);
      assert.equal(found.start, text.indexOf(ref));
      assert.equal(found.end, text.indexOf(ref) + ref.length);
      assert.equal(text.slice(found.start, found.end), ref);
      assert.ok(found.reference, found.error?.message);
    };

    it('.env files (unquoted, quoted, export, trailing comment)', () => {
      expectAt('DB_PASSWORD=kms://prod/db#password\n', 'kms://prod/db#password');
      expectAt('export TOKEN="kms://api-token?stage=ACSPrevious"\n', 'kms://api-token?stage=ACSPrevious');
      expectAt("KEY='kms://k'", 'kms://k');
      expectAt('KEY=kms://k # the API key', 'kms://k');
      expectAt('KEY=kms://k\r\nOTHER=1', 'kms://k');
    });

    it('JSON and launch.json', () => {
      const json = '{\n  "env": { "DB_PASSWORD": "kms://prod/db#password", "PORT": "8080" }\n}';
      expectAt(json, 'kms://prod/db#password');
      const launch = '{"configurations":[{"type":"node","env":{"A":"kms://a","B":"acs:kms:cn-hangzhou:12:secret/b"}}]}';
      const found = findReferences(launch);
      assert.deepEqual(
        found.map((f) => f.text),
        ['kms://a', 'acs:kms:cn-hangzhou:12:secret/b'],
      );
      for (const f of found) assert.equal(launch.slice(f.start, f.end), f.text);
      expectAt('{"a":"kms://db\\n"}', 'kms://db');
    });

    it('YAML (plain, quoted, flow, with comment)', () => {
      expectAt('db:\n  password: kms://prod/db#password\n', 'kms://prod/db#password');
      expectAt("password: 'kms://x'  # comment", 'kms://x');
      expectAt('env: {password: kms://x, user: admin}', 'kms://x');
      expectAt('- kms://list-item', 'kms://list-item');
    });

    it('source code (string literals, template literals, comments)', () => {
      expectAt('const p = resolve("kms://db");', 'kms://db');
      expectAt("password = os.environ.get('X', 'kms://fallback')", 'kms://fallback');
      expectAt('// see kms://docs/example for the value', 'kms://docs/example');
      expectAt('`kms://db`', 'kms://db');
      expectAt('x = [kms://a]', 'kms://a');
      expectAt('<value>kms://a</value>', 'kms://a');
      expectAt('(kms://a)', 'kms://a');
      const templated = only('const r = `kms://${app}/db`;');
      assert.equal(templated.text, 'kms://${app}/db');
      assert.equal(templated.error?.code, 'template');
    });

    it('properties, INI, TOML, Dockerfile, XML, shell', () => {
      expectAt('db.password=kms://db', 'kms://db');
      expectAt('db.password:kms://db', 'kms://db');
      expectAt('x acs:kms://db', 'kms://db');
      expectAt('[db]\npassword = "kms://db"', 'kms://db');
      expectAt('ENV DB_PASSWORD=kms://db', 'kms://db');
      expectAt('<add key="pw" value="kms://db"/>', 'kms://db');
      expectAt('DB=kms://db;other', 'kms://db');
    });

    it('reports malformed references with absolute offsets', () => {
      const text = 'A=1\nB=kms://db?stage=x&version=y\n';
      const found = only(text);
      assert.equal(found.error?.code, 'exclusive');
      assert.equal(found.error?.offset, text.indexOf('version'));
      assert.match(found.error?.message ?? '', new RegExp(`at ${text.indexOf('version')}`));
      const star = only('X=kms://db*');
      assert.equal(star.text, 'kms://db*', 'a reference runs to the first delimiter');
      assert.equal(star.error?.code, 'name-char');
    });

    it('ignores look-alikes and finds several references, non-overlapping', () => {
      assert.deepEqual(findReferences('xkms://a mykms://b KMS://c kms:/d https://kms.cn-hangzhou.aliyuncs.com'), []);
      const found = findReferences('kms://a kms://b,kms://c;kms://d');
      assert.deepEqual(
        found.map((f) => f.text),
        ['kms://a', 'kms://b', 'kms://c', 'kms://d'],
      );
      assert.deepEqual(
        findReferences('kms://a/kms://b').map((f) => f.text),
        ['kms://a/kms://b'],
      );
    });

    it('is fast enough for large files', () => {
      const big = 'const x = "kms://db#password"; // padding padding padding\n'.repeat(20000);
      const t0 = Date.now();
      assert.equal(findReferences(big).length, 20000);
      assert.ok(Date.now() - t0 < 1500, `took ${Date.now() - t0} ms`);
    });
  });

  describe('the recogniser and the parser never disagree', () => {
    const alphabet = [
      ...'abcXYZ019_/+=.@-?&#%~:$*!^{}()[]<>"\'` \t\n,;|\\é密😀',
      'kms://',
      'kms://',
      'kms://',
      'acs:kms:',
      'acs:kms:cn-hangzhou:123:secret/',
      'acs:kms:cn-hangzhou:1:key/',
      '?stage=',
      '?version=',
      '&stage=',
      '&version=',
      '?region=',
      '&profile=',
      'ACSCurrent',
      'ACSPrevious',
      '#',
      '%20',
      '%2',
      '${X}',
      '{{ y }}',
      '$(z)',
      '$V',
      'kms:/',
      'KMS://',
      'cn-hangzhou',
      '?',
      '=',
      '&',
    ];

    function randomText(rand: () => number, maxParts: number): string {
      const n = 1 + Math.floor(rand() * maxParts);
      let s = '';
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      return s;
    }

    function randomReference(rand: () => number): SecretReference {
      const pick = (chars: string, min: number, max: number): string => {
        const len = min + Math.floor(rand() * (max - min + 1));
        let s = '';
        for (let i = 0; i < len; i++) s += chars[Math.floor(rand() * chars.length)];
        return s;
      };
      const ref: SecretReference = { name: pick(NAME_CHARS, 1, 20) };
      if (rand() < 0.3) ref.region = pick('abcdefghijklmnopqrstuvwxyz0123456789-', 1, 15);
      if (rand() < 0.3) ref.profile = pick('abcXYZ09_.@+-', 1, 10);
      const r = rand();
      if (r < 0.3) ref.stage = pick('ACSPrevioustage09_.-', 1, 12);
      else if (r < 0.5) ref.versionId = pick('v0123456789abc_.-', 1, 12);
      if (rand() < 0.4) ref.jsonKey = randomText(rand, 4);
      return ref;
    }

    function agree(text: string): void {
      const parsed = (() => {
        try {
          return { reference: parseReference(text) };
        } catch (error) {
          assert.ok(error instanceof ReferenceSyntaxError, String(error));
          return { error };
        }
      })();
      assert.equal(isReference(text), parsed.reference !== undefined, text);
      const found = findReferences(text);
      if (parsed.reference) {
        assert.equal(
          found.length,
          1,
          `a valid reference is found whole: ${JSON.stringify(text)} → ${JSON.stringify(found)}`,
        );
        assert.equal(found[0].start, 0);
        assert.equal(found[0].end, text.length);
        assert.deepEqual(found[0].reference, parsed.reference);
        assert.deepEqual(
          parseReference(formatReference(parsed.reference)),
          withoutArn(parsed.reference),
          'format round-trips',
        );
      }
      let previousEnd = 0;
      for (const f of found) {
        assert.ok(f.start >= previousEnd, 'non-overlapping, in order');
        previousEnd = f.end;
        assert.equal(text.slice(f.start, f.end), f.text);
        let reparsed: SecretReference | undefined;
        try {
          reparsed = parseReference(f.text);
        } catch (error) {
          assert.ok(error instanceof ReferenceSyntaxError);
          assert.ok(f.error, `found as valid but the parser rejects ${JSON.stringify(f.text)}: ${error.message}`);
          assert.equal(f.error.offset - f.start, error.offset, f.text);
          assert.equal(f.error.code, error.code);
          assert.equal(f.error.message, error.message.split(String(error.offset)).join(String(f.error.offset)));
          continue;
        }
        assert.equal(f.error, undefined, `found as malformed but the parser accepts ${JSON.stringify(f.text)}`);
        assert.deepEqual(f.reference, reparsed);
      }
    }

    function withoutArn(ref: SecretReference): SecretReference {
      const { arn: _arn, ...rest } = ref;
      return normalizeStage(rest);
    }
    function normalizeStage(ref: SecretReference): SecretReference {
      if (ref.stage !== DEFAULT_STAGE) return ref;
      const { stage: _stage, ...rest } = ref;
      return rest;
    }

    it('on 20,000 random near-miss strings', () => {
      const rand = prng(0x5eed);
      for (let i = 0; i < 20000; i++) agree(randomText(rand, 12));
    });

    it('on 5,000 formatted references, embedded between random delimiters', () => {
      const rand = prng(42);
      const delimiters = [' ', '"', "'", '`', '\n', '\r\n', '\t', ',', ';', ')', ']', '}', '>', '<', '|', '\\', ''];
      for (let i = 0; i < 5000; i++) {
        const ref = randomReference(rand);
        const text = formatReference(ref);
        agree(text);
        assert.deepEqual(parseReference(text), normalizeStage(ref));
        const before = delimiters[Math.floor(rand() * delimiters.length)];
        const after = delimiters[Math.floor(rand() * delimiters.length)];
        const prefix = rand() < 0.5 ? `KEY=${before}` : `x ${before}`;
        const around = `${prefix}${text}${after}${after ? 'tail' : ''}`;
        const found = findReferences(around).filter((f) => f.start === prefix.length);
        assert.equal(found.length, 1, JSON.stringify(around));
        assert.equal(found[0].text, text, JSON.stringify(around));
        agree(around);
      }
    });

    it('on single-character mutations of valid references', () => {
      const rand = prng(7);
      for (let i = 0; i < 5000; i++) {
        const text = formatReference(randomReference(rand));
        const at = Math.floor(rand() * (text.length + 1));
        const ch = alphabet[Math.floor(rand() * alphabet.length)];
        const mutated =
          rand() < 0.5 ? text.slice(0, at) + ch + text.slice(at) : text.slice(0, at) + ch + text.slice(at + 1);
        agree(mutated);
        agree(text.slice(0, at));
      }
    });
  });

  describe('referenceContextAt', () => {
    const at = (textWithCursor: string) => {
      const offset = textWithCursor.indexOf('|');
      const text = textWithCursor.replace('|', '');
      return referenceContextAt(text, offset);
    };

    it('name prefix, right after the scheme and mid-name', () => {
      assert.deepEqual(
        { ...at('X=kms://|') },
        { kind: 'name', prefix: '', partStart: 8, partEnd: 8, start: 2, end: 8, presentKeys: [] },
      );
      const mid = at('"kms://pro|d/db?stage=x"');
      assert.equal(mid?.kind, 'name');
      assert.equal(mid?.prefix, 'pro');
      assert.equal(mid?.partStart, 7);
      assert.equal(mid?.partEnd, 14);
      assert.equal(at('x: acs:kms:cn-hangzhou:1:secret/d|b')?.prefix, 'd');
    });

    it('query key after ? and &', () => {
      const q = at('kms://db?|');
      assert.equal(q?.kind, 'queryKey');
      assert.equal(q?.prefix, '');
      assert.equal(q?.secretName, 'db');
      const partial = at('kms://db?stage=x&ver|');
      assert.equal(partial?.kind, 'queryKey');
      assert.equal(partial?.prefix, 'ver');
      assert.deepEqual(partial?.presentKeys, ['stage']);
    });

    it('stage, version, region and profile values', () => {
      const stage = at('A=kms://db?stage=ACS|');
      assert.equal(stage?.kind, 'stage');
      assert.equal(stage?.prefix, 'ACS');
      assert.equal(stage?.secretName, 'db');
      assert.equal(stage?.partStart, 'A=kms://db?stage='.length);
      const version = at('"kms://db?region=cn-hangzhou&version=v1|2#key"');
      assert.equal(version?.kind, 'version');
      assert.equal(version?.prefix, 'v1');
      assert.equal(version?.partEnd, '"kms://db?region=cn-hangzhou&version=v12'.length);
      assert.deepEqual(version?.presentKeys, ['region']);
      assert.equal(at('kms://db?region=cn|')?.kind, 'region');
      assert.equal(at('kms://db?profile=|')?.kind, 'profile');
    });

    it('JSON key prefix (decoded)', () => {
      const key = at('"kms://rds/main#pass|"');
      assert.equal(key?.kind, 'jsonKey');
      assert.equal(key?.prefix, 'pass');
      assert.equal(key?.secretName, 'rds/main');
      assert.equal(at('kms://db?stage=x#|')?.prefix, '');
      assert.equal(at('kms://db#a%20b|')?.prefix, 'a b');
    });

    it('nothing outside a reference', () => {
      assert.equal(at('|kms://db'), undefined);
      assert.equal(at('kms:/|/db'), undefined);
      assert.equal(at('kms://db |'), undefined);
      assert.equal(at('plain text|'), undefined);
      assert.equal(at('acs:kms:cn-|hangzhou:1:secret/db'), undefined);
    });

    it('only looks at the cursor line', () => {
      const text = 'A=kms://a\nB=kms://b?st';
      assert.equal(referenceContextAt(text, text.length)?.prefix, 'st');
      assert.equal(referenceContextAt(text, 9)?.prefix, 'a');
    });
  });

  it('src/core never imports vscode', () => {
    const root = path.resolve(__dirname, '../../../src/core');
    const files = ['reference.ts', 'codeEdits.ts'];
    for (const file of files) {
      let source: string;
      try {
        source = readFileSync(path.join(root, file), 'utf8');
      } catch {
        continue;
      }
      assert.doesNotMatch(source, /from ['"]vscode['"]|require\(['"]vscode['"]\)/, file);
    }
    assert.equal(REFERENCE_SCHEME, 'kms://');
  });
});
