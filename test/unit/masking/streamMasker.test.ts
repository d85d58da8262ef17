import * as assert from 'node:assert/strict';
import { maskedForms } from '../../../src/core/masking/forms';
import { MaskedOutput } from '../../../src/core/masking/maskedOutput';
import { StreamMasker } from '../../../src/core/masking/streamMasker';
import { MASK } from '../../../src/core/redaction';

const CANARY = 'CANARY-mask-7f3e';
const PEM_BODY = [
  'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB',
  'aFDrBz9vFqU4yQ2CANARYmQ1ZhJ9ZJ0Y1t2gNdXq9aE0o5RrKx3nCtVq8P7hUOdz',
  'lq3wK8sD7F4c1Q0p6G8j2bX5R3mN9vT1kL6yH4oE2zI0aW7uS5fC3dB8gV1eJ9xq',
];
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY.join('\n')}\n-----END RSA PRIVATE KEY-----\n`;

function maskAll(values: string[], chunks: Array<string | Buffer>): string {
  const masker = new StreamMasker(values);
  const out = chunks.map((c) => masker.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c));
  out.push(masker.flush());
  return Buffer.concat(out).toString('utf8');
}

/** Masks `text` cut in two at every byte, and one byte at a time; every result must equal the unsplit one. */
function maskSplitEverywhere(values: string[], text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const whole = maskAll(values, [bytes]);
  for (let cut = 0; cut <= bytes.length; cut++) {
    assert.equal(maskAll(values, [bytes.subarray(0, cut), bytes.subarray(cut)]), whole, `cut at byte ${cut}`);
  }
  assert.equal(
    maskAll(
      values,
      [...bytes].map((b) => Buffer.from([b])),
    ),
    whole,
    'one byte at a time',
  );
  return whole;
}

describe('output masking (core/masking)', () => {
  describe('StreamMasker', () => {
    it('masks values in one chunk and leaves other text alone', () => {
      assert.equal(maskAll(['s3cret-value'], ['user=admin pass=s3cret-value end\n']), `user=admin pass=${MASK} end\n`);
      assert.equal(maskAll([], ['plain']), 'plain');
      assert.equal(maskAll(['ab'], ['ab ab']), 'ab ab', 'values shorter than 4 are not masked');
    });

    it('masks a value split across writes, at every byte and one byte at a time', () => {
      const value = `p@ss-wörd-密码-${CANARY}`;
      const masked = maskSplitEverywhere([value], `before ${value} middle ${value}${value} after`);
      assert.equal(masked, `before ${MASK} middle ${MASK} after`, 'back-to-back values are one masked stretch');
    });

    it('prefers the longest value and handles one value being the prefix of another', () => {
      assert.equal(maskAll(['abcd', 'abcdef'], ['xx abc', 'def yy abcd', 'X']), `xx ${MASK} yy ${MASK}X`);
      assert.equal(maskAll(['abcd', 'abcdef'], ['abcd']), MASK);
      assert.equal(maskAll(['bcdefg', 'abcd'], ['xabcdefgx']), `x${MASK}x`, 'overlapping values are one stretch');
    });

    it('emits text that cannot be part of a value right away and holds only a possible prefix', () => {
      const masker = new StreamMasker(['secret-1']);
      assert.equal(masker.push(Buffer.from('hello world\n')).toString(), 'hello world\n');
      assert.equal(masker.holding, false);
      assert.equal(masker.push(Buffer.from('tail sec')).toString(), 'tail ');
      assert.equal(masker.holding, true);
      assert.equal(masker.push(Buffer.from('ond')).toString(), 'second');
    });

    it('after a flush, the rest of a value that then arrives is still masked', () => {
      const masker = new StreamMasker([CANARY]);
      const first = masker.push(Buffer.from(`x ${CANARY.slice(0, 6)}`)).toString() + masker.flush().toString();
      const rest = masker.push(Buffer.from(`${CANARY.slice(6)} y`)).toString() + masker.flush().toString();
      assert.equal(
        first,
        `x ${CANARY.slice(0, 6)}`,
        'the flushed prefix is shown: that is the price of the idle flush',
      );
      assert.equal(rest, `${MASK} y`);
    });

    it('is binary-safe', () => {
      const binary = Buffer.from([0, 255, 1, 254, 0x80, 0xc3]);
      assert.deepEqual(
        Buffer.from(maskAll(['1234'], [binary]), 'utf8').length > 0,
        true,
        'non-UTF-8 input does not throw',
      );
      const masker = new StreamMasker(['1234']);
      assert.deepEqual(Buffer.concat([masker.push(binary), masker.flush()]), binary);
    });
  });

  describe('every form a program prints', () => {
    const multiLine = `first-line-${CANARY}\nsecond "quoted" \\ line\n`;
    const cases: Array<[string, string, string]> = [
      ['raw', CANARY, `v=${CANARY};`],
      ['JSON.stringify of a multi-line value', multiLine, `{"v":${JSON.stringify(multiLine)}}`],
      [
        'JSON.stringify of a value with " and \\',
        `a"b\\c-${CANARY}`,
        `log ${JSON.stringify({ v: `a"b\\c-${CANARY}` })}`,
      ],
      ['\\n-escaped', multiLine, `value: ${multiLine.replace(/\n/g, '\\n')} end`],
      ['one PEM line', PEM, `line 2 is ${PEM_BODY[1]} ok`],
      ['the whole PEM in a terminal (CRLF)', PEM, `key:\r\n${PEM.replace(/\n/g, '\r\n')}done`],
      ['a JSON member', JSON.stringify({ user: 'app', password: `pw-${CANARY}` }), `password is pw-${CANARY}.`],
      ['JSON with non-ASCII as \\u escapes', `密码-${CANARY}`, `{"v": "\\u5bc6\\u7801-${CANARY}"}`],
    ];
    for (const [form, value, printed] of cases) {
      it(`masks ${form}, also split at every byte`, () => {
        const masked = maskSplitEverywhere([value], printed);
        assert.ok(!masked.includes(CANARY), `no canary left in ${JSON.stringify(masked)}`);
        for (const line of PEM_BODY) assert.ok(!masked.includes(line), 'no PEM line left');
        assert.ok(masked.includes(MASK));
      });
    }

    it('maskedForms skips short values and short lines', () => {
      assert.deepEqual(maskedForms('abc'), []);
      const forms = maskedForms('{\n  "k": 1\n}\nlong-enough-line');
      assert.ok(forms.includes('long-enough-line'));
      assert.ok(!forms.includes('{') && !forms.includes('"k": 1'), 'lines under 8 characters are not masked alone');
    });
  });

  describe('worst case', () => {
    it('stays linear: 2 MB of one repeated character against a 30 KB value of it (95 s with the regex)', () => {
      const value = 'a'.repeat(30_720);
      const masker = new StreamMasker([value]);
      const text = Buffer.alloc(2 * 1024 * 1024, 'a');
      const out: Buffer[] = [];
      for (let i = 0; i < text.length; i += 65_536) out.push(masker.push(text.subarray(i, i + 65_536)));
      out.push(masker.flush());
      assert.equal(Buffer.concat(out).toString(), MASK, 'one masked stretch');
    });

    it('holds at most one value length back, whatever arrives', () => {
      const masker = new StreamMasker(['ab'.repeat(100)]);
      let released = 0;
      for (let i = 0; i < 10_000; i++) released += masker.push(Buffer.from('ab')).length;
      assert.ok(released >= MASK.length, 'a mask came out while the stream went on');
    });
  });

  describe('MaskedOutput', () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    it('releases a held prompt after a short quiet time', async () => {
      const seen: string[] = [];
      const output = new MaskedOutput([': hunter2-secret'], (c) => seen.push(c.toString()), 20);
      output.write(Buffer.from('Password: '));
      assert.deepEqual(seen, ['Password'], 'held: ": " might be the start of the value');
      await sleep(60);
      assert.deepEqual(seen, ['Password', ': '], 'released after the idle time');
      output.end();
    });

    it('masks a value whose halves arrive within the idle time', async () => {
      const seen: string[] = [];
      const output = new MaskedOutput([CANARY], (c) => seen.push(c.toString()), 200);
      output.write(Buffer.from(`x=${CANARY.slice(0, 5)}`));
      await sleep(20);
      output.write(Buffer.from(`${CANARY.slice(5)}\n`));
      output.end();
      assert.equal(seen.join(''), `x=${MASK}\n`);
    });

    it('end() releases everything and later writes are ignored', () => {
      const seen: string[] = [];
      const output = new MaskedOutput([CANARY], (c) => seen.push(c.toString()));
      output.write(Buffer.from('tail CANARY'));
      output.end();
      output.write(Buffer.from('more'));
      assert.equal(seen.join(''), 'tail CANARY');
    });
  });
});
