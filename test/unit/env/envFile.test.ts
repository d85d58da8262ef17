import * as assert from 'node:assert/strict';
import { envFileRecord, formatEnvValue, parseEnvFile, upsertEnvEntry } from '../../../src/core/env';

describe('env files', () => {
  describe('parseEnvFile', () => {
    it('reads plain, exported, spaced and empty entries, skipping comments and blank lines', () => {
      const text = '# comment\n\nA=1\nexport B=two\n  C = three  \nD=\nE=  \n';
      assert.deepEqual(envFileRecord(text), { A: '1', B: 'two', C: 'three', D: '', E: '' });
      const b = parseEnvFile(text).entries.find((e) => e.key === 'B');
      assert.equal(b?.exported, true);
      assert.equal(b?.line, 3);
      assert.equal(parseEnvFile(text).errors.length, 0);
    });

    it('gives exact offsets of keys and values', () => {
      const text = 'A=1\nexport  KEY = "va\\"lue" # c\nX=kms://db#k\n';
      const { entries } = parseEnvFile(text);
      const key = entries[1];
      assert.equal(text.slice(key.keyStart, key.keyEnd), 'KEY');
      assert.equal(text.slice(key.valueStart, key.valueEnd), 'va\\"lue');
      assert.equal(text.slice(key.rawStart, key.rawEnd), '"va\\"lue"');
      assert.equal(key.value, 'va"lue');
      assert.equal(key.quote, '"');
      const x = entries[2];
      assert.equal(text.slice(x.valueStart, x.valueEnd), 'kms://db#k');
    });

    it('handles inline comments on unquoted values only after whitespace', () => {
      assert.deepEqual(envFileRecord('A=abc # note\nB=kms://db#password\nC=#only-comment\nD=a#b #c\n'), {
        A: 'abc',
        B: 'kms://db#password',
        C: '',
        D: 'a#b',
      });
    });

    it('decodes escapes in double quotes only and keeps single/backtick quotes literal', () => {
      const text = 'A="l1\\nl2\\t\\\\ \\"q\\" \\x"\nB=\'raw \\n #x\'\nC=`b \\n`\nD="# not a comment" # comment\n';
      assert.deepEqual(envFileRecord(text), {
        A: 'l1\nl2\t\\ "q" \\x',
        B: 'raw \\n #x',
        C: 'b \\n',
        D: '# not a comment',
      });
    });

    it('reads multi-line quoted values and continues after them', () => {
      const text = 'KEY="-----BEGIN KEY-----\nabc\n-----END KEY-----"\nNEXT=1\nS=\'a\nb\'\n';
      const parsed = parseEnvFile(text);
      assert.deepEqual(envFileRecord(parsed), {
        KEY: '-----BEGIN KEY-----\nabc\n-----END KEY-----',
        NEXT: '1',
        S: 'a\nb',
      });
      assert.equal(parsed.entries[1].line, 3);
    });

    it('handles CRLF and a BOM', () => {
      const text = '\ufeffA=1\r\nB="x\r\ny"\r\nC=3 # c\r\n';
      const parsed = parseEnvFile(text);
      assert.deepEqual(envFileRecord(parsed), { A: '1', B: 'x\ny', C: '3' });
      assert.equal(parsed.entries[0].keyStart, 1);
      assert.equal(text.slice(parsed.entries[2].valueStart, parsed.entries[2].valueEnd), '3');
    });

    it('reports bad lines without throwing and keeps the good ones', () => {
      const text = 'GOOD=1\nno equals here\n1BAD=x\nT="ok" trailing\n=v\nAFTER=2\nQ="unterminated\nLAST=3';
      const parsed = parseEnvFile(text);
      assert.deepEqual(envFileRecord(parsed), { GOOD: '1', AFTER: '2', LAST: '3' });
      assert.deepEqual(
        parsed.errors.map((e) => e.line),
        [1, 2, 3, 4, 6],
      );
      assert.match(parsed.errors[0].message, /Expected '=' after 'no'/);
      assert.match(parsed.errors[1].message, /'1BAD' is not a valid variable name/);
      assert.match(parsed.errors[2].message, /after the closing " quote/);
      assert.equal(text.slice(parsed.errors[2].start, parsed.errors[2].end), 'trailing');
      assert.match(parsed.errors[3].message, /Expected a variable name before '='/);
      assert.match(parsed.errors[4].message, /never closed/);
    });

    it('last entry of a repeated key wins', () => {
      assert.deepEqual(envFileRecord('A=1\nA=2\n'), { A: '2' });
    });
  });

  describe('upsertEnvEntry', () => {
    it('appends to an empty file, a file with and without a trailing newline, with its line ending', () => {
      assert.equal(upsertEnvEntry('', 'DB', 'kms://db'), 'DB=kms://db\n');
      assert.equal(upsertEnvEntry('A=1\n', 'DB', 'kms://db'), 'A=1\nDB=kms://db\n');
      assert.equal(upsertEnvEntry('A=1', 'DB', 'kms://db'), 'A=1\nDB=kms://db\n');
      assert.equal(upsertEnvEntry('A=1\r\n# c\r\n', 'DB', 'kms://db'), 'A=1\r\n# c\r\nDB=kms://db\r\n');
      assert.equal(upsertEnvEntry('\ufeff', 'DB', 'kms://db'), '\ufeffDB=kms://db\n');
    });

    it('replaces only the value of the effective entry, keeping export, spacing and comments', () => {
      const text = '# header\nexport  DB = "old value" # keep me\nOTHER=x\r\n';
      assert.equal(upsertEnvEntry(text, 'DB', 'kms://db'), '# header\nexport  DB = kms://db # keep me\nOTHER=x\r\n');
      assert.equal(upsertEnvEntry('DB=1\nDB=2\n', 'DB', 'kms://x'), 'DB=1\nDB=kms://x\n');
      assert.equal(upsertEnvEntry('DB="multi\nline"\nZ=1\n', 'DB', 'kms://x'), 'DB=kms://x\nZ=1\n');
      assert.equal(upsertEnvEntry('DB= # comment\n', 'DB', 'kms://x'), 'DB= kms://x # comment\n');
      assert.equal(upsertEnvEntry('DB=\n', 'DB', 'kms://x'), 'DB=kms://x\n');
    });

    it('quotes references with # so every dotenv flavour reads them whole', () => {
      const out = upsertEnvEntry('', 'DB', 'kms://db#password');
      assert.equal(out, "DB='kms://db#password'\n");
      assert.equal(envFileRecord(out).DB, 'kms://db#password');
    });

    it('preserves every other byte, including bad lines', () => {
      const text = '\ufeffA=1\r\nbroken line\r\n  B = "x"  # c\r\nC=3';
      const out = upsertEnvEntry(text, 'B', 'kms://b');
      assert.equal(out, '\ufeffA=1\r\nbroken line\r\n  B = kms://b  # c\r\nC=3');
    });

    it('refuses to write anything but a reference unless told the value is plain', () => {
      assert.throws(() => upsertEnvEntry('', 'DB', 'hunter2'), /only secret references/);
      assert.throws(() => upsertEnvEntry('', 'DB', 'kms://bad name'), /only secret references/);
      assert.throws(() => upsertEnvEntry('', '1X', 'kms://db'), /not a valid environment variable name/);
      assert.equal(upsertEnvEntry('', 'PORT', '8080', { allowPlainValue: true }), 'PORT=8080\n');
    });

    it('formats values so the parser reads them back exactly', () => {
      for (const value of [
        '',
        'plain',
        'a b',
        "it's",
        'x#y',
        'l1\nl2',
        'q"uote',
        'back\\slash',
        "both ' and \n",
        '$HOME',
        'tab\there',
      ]) {
        const out = upsertEnvEntry('A=1\n', 'V', value, { allowPlainValue: true });
        assert.equal(envFileRecord(out).V, value, `${JSON.stringify(value)} → ${formatEnvValue(value)}`);
        assert.equal(envFileRecord(out).A, '1');
        const replaced = upsertEnvEntry(out, 'V', value, { allowPlainValue: true });
        assert.equal(replaced, out, 'idempotent');
      }
    });
  });
});
