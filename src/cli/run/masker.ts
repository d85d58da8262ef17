/**
 * Masks secret values in a byte stream (a child's stdout/stderr) as it flows, including values split across chunks.
 * Works on bytes (latin1 view of the UTF-8 encoding), so it is binary-safe and never splits a multi-byte character.
 */
import { Transform, TransformCallback } from 'node:stream';
import { MASK } from '../../core/redaction';

/** Values shorter than this are not masked (masking "1" or "on" would shred the output without protecting anything). */
export const MIN_MASKED_LENGTH = 4;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class StreamMasker {
  private readonly values: string[];
  private readonly pattern: RegExp | undefined;
  private readonly maxLength: number;
  private pending = '';
  private readonly mask: string;

  constructor(values: Iterable<string>, mask = MASK) {
    const unique = new Set<string>();
    for (const value of values) {
      if (value.length < MIN_MASKED_LENGTH) continue;
      unique.add(Buffer.from(value, 'utf8').toString('latin1'));
      // A value with line breaks may reach a terminal as CRLF.
      if (value.includes('\n') && !value.includes('\r'))
        unique.add(Buffer.from(value.replace(/\n/g, '\r\n'), 'utf8').toString('latin1'));
    }
    // Longest first, so a value that contains another is masked whole.
    this.values = [...unique].sort((a, b) => b.length - a.length);
    this.pattern = this.values.length ? new RegExp(this.values.map(escapeRegExp).join('|'), 'g') : undefined;
    this.maxLength = this.values.reduce((max, v) => Math.max(max, v.length), 0);
    this.mask = Buffer.from(mask, 'utf8').toString('latin1');
  }

  /** Masks what can be decided now and holds back a tail that could still grow into a value. */
  push(chunk: Buffer): Buffer {
    return Buffer.from(this.process(this.pending + chunk.toString('latin1'), false), 'latin1');
  }

  /** Everything still held, masked. */
  flush(): Buffer {
    return Buffer.from(this.process(this.pending, true), 'latin1');
  }

  private process(buffer: string, final: boolean): string {
    this.pending = '';
    if (!this.pattern) return buffer;
    const holds = final ? [] : this.holdCandidates(buffer);
    const firstHoldFrom = (from: number): number | undefined => holds.find((h) => h >= from);
    let out = '';
    let pos = 0;
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(buffer); m; m = this.pattern.exec(buffer)) {
      const hold = firstHoldFrom(pos);
      if (hold !== undefined && m.index >= hold) break;
      out += buffer.slice(pos, m.index) + this.mask;
      pos = m.index + m[0].length;
    }
    const cut = final ? buffer.length : (firstHoldFrom(pos) ?? buffer.length);
    out += buffer.slice(pos, Math.max(pos, cut));
    this.pending = buffer.slice(Math.max(pos, cut));
    return out;
  }

  /** Start offsets of buffer suffixes that are a prefix of some value (they might continue in the next chunk). */
  private holdCandidates(buffer: string): number[] {
    const result: number[] = [];
    for (let i = Math.max(0, buffer.length - this.maxLength); i < buffer.length; i++) {
      const suffix = buffer.slice(i);
      if (this.values.some((v) => v.length > suffix.length && v.startsWith(suffix))) result.push(i);
    }
    return result;
  }
}

/** A Transform stream around StreamMasker. */
export function maskingStream(values: Iterable<string>): Transform {
  const masker = new StreamMasker(values);
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      const out = masker.push(chunk);
      callback(null, out.length ? out : undefined);
    },
    flush(callback: TransformCallback) {
      const out = masker.flush();
      callback(null, out.length ? out : undefined);
    },
  });
}
