/**
 * Masks secret values in a byte stream (a program's stdout or stderr) as it flows: a value split across writes is
 * masked all the same, and the cost stays linear in the output whatever it holds. Bytes that could still turn out to be
 * the start of a value are held back until the next chunk decides, or until `flush()` (see MaskedOutput for the idle
 * flush). Works on the UTF-8 bytes, so it is binary-safe; a cut may fall inside a multi-byte character, which a
 * StringDecoder downstream puts back together.
 */
import { MASK } from '../redaction';
import { Automaton } from './automaton';
import { maskedForms } from './forms';

const MASK_BYTES = Buffer.from(MASK, 'utf8');

export class StreamMasker {
  private readonly automaton: Automaton | undefined;
  private state = 0;
  /** Bytes not yet emitted: `held[heldStart..heldEnd)`, the first at absolute offset `base`. */
  private held = Buffer.alloc(0);
  private heldStart = 0;
  private heldEnd = 0;
  private base = 0;
  /** Merged stretches `[start, end)` (absolute offsets, none before `base`) that lie inside a value. */
  private runs: Array<[number, number]> = [];
  /** The output so far ends with a mask whose stretch may go on: its continuation gets no second mask. */
  private maskOpen = false;

  /** `values` are masked in every form of maskedForms (raw, JSON-escaped, line by line…). */
  constructor(values: Iterable<string>) {
    const patterns = new Map<string, Uint8Array>();
    for (const value of values) {
      for (const form of maskedForms(value)) patterns.set(form, Buffer.from(form, 'utf8'));
    }
    this.automaton = patterns.size ? new Automaton([...patterns.values()]) : undefined;
  }

  /** Whether bytes are being held back (a flush would release them). */
  get holding(): boolean {
    return this.heldEnd > this.heldStart;
  }

  /** Masks what can be decided now; holds back a tail that could still grow into a value. */
  push(chunk: Uint8Array): Buffer {
    const automaton = this.automaton;
    if (!automaton) return Buffer.from(chunk);
    this.append(chunk);
    let position = this.base + (this.heldEnd - this.heldStart) - chunk.length;
    let state = this.state;
    for (let i = 0; i < chunk.length; i++) {
      state = automaton.step(state, chunk[i]);
      position++;
      const length = automaton.longestMatch(state);
      if (length) this.cover(position - length, position);
    }
    this.state = state;
    return this.emit(position - automaton.depth(state));
  }

  /**
   * Everything still held, masked where known. The automaton keeps its place, so if the rest of a value follows later,
   * that rest is still masked.
   */
  flush(): Buffer {
    return this.emit(this.base + (this.heldEnd - this.heldStart));
  }

  private append(chunk: Uint8Array): void {
    const length = this.heldEnd - this.heldStart;
    if (this.heldEnd + chunk.length > this.held.length) {
      // Grow by doubling and compact at the same time: amortised O(1) per byte.
      const next = Buffer.allocUnsafe(Math.max(2 * (length + chunk.length), 4096));
      this.held.copy(next, 0, this.heldStart, this.heldEnd);
      this.held = next;
      this.heldStart = 0;
      this.heldEnd = length;
    }
    this.held.set(chunk, this.heldEnd);
    this.heldEnd += chunk.length;
  }

  private cover(start: number, end: number): void {
    start = Math.max(start, this.base);
    const runs = this.runs;
    while (runs.length && runs[runs.length - 1][1] >= start) {
      const [lastStart, lastEnd] = runs.pop() as [number, number];
      start = Math.min(start, lastStart);
      end = Math.max(end, lastEnd);
    }
    runs.push([start, end]);
  }

  /** Emits the held bytes before absolute offset `upTo`, each covered stretch as one mask. */
  private emit(upTo: number): Buffer {
    if (upTo <= this.base) return Buffer.alloc(0);
    const parts: Buffer[] = [];
    let cursor = this.base;
    const bytes = (from: number, to: number) =>
      this.held.subarray(this.heldStart + (from - this.base), this.heldStart + (to - this.base));
    let consumed = 0;
    for (const run of this.runs) {
      const [start, end] = run;
      if (start >= upTo) break;
      if (start > cursor) {
        parts.push(Buffer.from(bytes(cursor, start)));
        this.maskOpen = false;
      }
      if (!(this.maskOpen && start === cursor)) parts.push(MASK_BYTES);
      this.maskOpen = true;
      if (end > upTo) {
        // The stretch goes on past what is decided: the rest of it is masked by this same mask.
        run[0] = upTo;
        cursor = upTo;
        break;
      }
      cursor = end;
      consumed++;
    }
    if (consumed) this.runs.splice(0, consumed);
    if (cursor < upTo) {
      parts.push(Buffer.from(bytes(cursor, upTo)));
      this.maskOpen = false;
    }
    this.heldStart += upTo - this.base;
    this.base = upTo;
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }
}
