/**
 * An access key ID makes the secret beside it a finding even without a telling name: `new Config("LTAI…", "…")`,
 * `boto3.Session("AKIA…", "…")`. The secret must stand within a few lines of the ID, and within a bounded distance on a
 * long line (a bundle), so a random string elsewhere in a file is never paired.
 */
import { MAX_ASSIGNMENT_LINE } from '../limits';
import { isDocumentedExample, isHashLike } from '../values';
import { positionOf, PRIORITY, type Add, type Window } from './context';
import type { Candidate } from '../types';

/**
 * How many lines either side of an access key ID its secret may stand: a class of constants, a script's signing
 * functions or a hand-over note's paragraphs keep them apart.
 */
export const PAIR_REACH = 30;
/** How many characters either side of the ID, on long lines. */
const PAIR_CHARS = 2000;

interface PairRule {
  /** The ID's rule. */
  idRule: string;
  /**
   * Quoted anywhere (escaped quotes too: `\"…\"` in JSON inside a string), or bare: at the end of a line
   * (`secret = …`), in a CSV field (`ci,LTAI…,…`), a Markdown table cell, an XML element, at the end of a string
   * (`'AccessKeySecret: …'`), before a command line's next option.
   */
  quoted: RegExp;
  bare: RegExp;
  ruleId: string;
  kind: string;
  nameHint: string;
}

/** Random: both cases, and a digit unless the letters are words run together (`ThisIsTheAccessKeySecretField`). */
const mixed = (s: string): boolean =>
  /[a-z]/.test(s) && /[A-Z]/.test(s) && (/[0-9]/.test(s) || !/^[A-Z]?[a-z]+(?:[A-Z][a-z]+)+$/.test(s));

/** A reCAPTCHA key (`6Lc…AAAAA…`, 40 characters like an AWS secret): a site's settings keep it beside its mail keys. */
const RECAPTCHA_KEY = /^6L[\w-]{6}AAAAA[\w-]{27}$/;

/**
 * What ends a bare secret: the line, a separator, a closing quote or tag, the next option of a command line, or the
 * backslash that continues it.
 */
const BARE_END = String.raw`(?=\s*(?:$|[,;|<'"\x60)]|\\\s*$)|\s+--?[A-Za-z])`;

const PAIRS: PairRule[] = [
  {
    idRule: 'alibaba-access-key-id',
    quoted: /["'`<]([A-Za-z0-9]{30})["'`>\\]/g,
    bare: new RegExp(String.raw`(?:^|[=:\s,;|>])([A-Za-z0-9]{30})` + BARE_END, 'g'),
    ruleId: 'alibaba-access-key-secret',
    kind: 'Alibaba Cloud AccessKey secret',
    nameHint: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  },
  {
    // STS temporary credentials: their secret is longer (44 characters today)
    idRule: 'alibaba-sts-access-key-id',
    quoted: /["'`<]([A-Za-z0-9]{40,46})["'`>\\]/g,
    bare: new RegExp(String.raw`(?:^|[=:\s,;|>])([A-Za-z0-9]{40,46})` + BARE_END, 'g'),
    ruleId: 'alibaba-access-key-secret',
    kind: 'Alibaba Cloud AccessKey secret',
    nameHint: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  },
  {
    // Tencent Cloud's SecretKey: 32 characters (coscli's `-i AKID… -k …`, `Credential("AKID…", "…")`)
    idRule: 'tencent-secret-id',
    quoted: /["'`<]([A-Za-z0-9]{32})["'`>\\]/g,
    bare: new RegExp(String.raw`(?:^|[=:\s,;|>])([A-Za-z0-9]{32})` + BARE_END, 'g'),
    ruleId: 'tencent-secret-key',
    kind: 'Tencent Cloud SecretKey',
    nameHint: 'TENCENTCLOUD_SECRET_KEY',
  },
  {
    idRule: 'aws-access-key-id',
    quoted: /["'`]([A-Za-z0-9/+]{40})["'`\\]/g,
    bare: new RegExp(String.raw`(?:^|[=:\s,;|>])([A-Za-z0-9/+]{40})` + BARE_END, 'g'),
    ruleId: 'aws-secret-access-key',
    kind: 'AWS secret access key',
    nameHint: 'AWS_SECRET_ACCESS_KEY',
  },
  {
    // A Twilio API key's secret: 32 characters beside the key's SID (`twilio('SK…', '…', { accountSid })`)
    idRule: 'twilio-api-key',
    quoted: /["'`]([A-Za-z0-9]{32})["'`\\]/g,
    bare: new RegExp(String.raw`(?:^|[=:\s,;|>])([A-Za-z0-9]{32})` + BARE_END, 'g'),
    ruleId: 'twilio-api-key-secret',
    kind: 'Twilio secret key',
    nameHint: 'TWILIO_API_SECRET',
  },
];

export function scanKeyPairs({ lines, lineStarts }: Window, candidates: readonly Candidate[], add: Add): void {
  for (const rule of PAIRS) {
    const stretches: [number, number][] = [];
    for (const id of candidates) {
      if (id.ruleId !== rule.idRule) continue;
      const line = positionOf(lineStarts, id.start).line;
      const first = Math.max(0, line - PAIR_REACH);
      const last = Math.min(lines.length - 1, line + PAIR_REACH);
      stretches.push([
        Math.max(lineStarts[first], id.start - PAIR_CHARS),
        Math.min(lineStarts[last] + lines[last].length, id.end + PAIR_CHARS),
      ]);
    }
    for (const [from, to] of merged(stretches)) {
      for (let l = positionOf(lineStarts, from).line; l < lines.length && lineStarts[l] < to; l++) {
        const start = Math.max(from, lineStarts[l]);
        const end = Math.min(to, lineStarts[l] + lines[l].length);
        const whole = start === lineStarts[l] && end === lineStarts[l] + lines[l].length;
        const segment = lines[l].slice(start - lineStarts[l], end - lineStarts[l]);
        // A bare value counts only on a whole line of ordinary length: a cut segment has no real line end.
        for (const pattern of whole && lines[l].length <= MAX_ASSIGNMENT_LINE
          ? [rule.quoted, rule.bare]
          : [rule.quoted]) {
          pattern.lastIndex = 0;
          for (let m = pattern.exec(segment); m; m = pattern.exec(segment)) {
            const secret = m[1];
            if (
              !mixed(secret) ||
              isHashLike(secret) ||
              /example/i.test(secret) ||
              isDocumentedExample(secret) ||
              RECAPTCHA_KEY.test(secret)
            )
              continue;
            const at = start + m.index + m[0].indexOf(secret);
            add(
              {
                ruleId: rule.ruleId,
                kind: rule.kind,
                severity: 'error',
                start: at,
                end: at + secret.length,
                nameHint: rule.nameHint,
              },
              PRIORITY.akSecret,
            );
          }
        }
      }
    }
  }
}

function merged(stretches: [number, number][]): [number, number][] {
  stretches.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const s of stretches) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}
