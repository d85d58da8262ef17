/**
 * A StreamMasker between a program's output and where it is shown: tasks, the Run-with-Secrets terminal and
 * `kms-secrets run` all write through one of these per stream. Bytes held back because they might start a value are
 * released after a short quiet time, so a prompt such as "Password: " (or typed input echoed back) is never stuck
 * waiting for output that will not come.
 */
import { StreamMasker } from './streamMasker';

/** Long enough for the halves of one `write` split by a pipe, short enough not to be noticed at a prompt. */
export const DEFAULT_IDLE_FLUSH_MS = 50;

export class MaskedOutput {
  private readonly masker: StreamMasker;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ended = false;

  constructor(
    values: Iterable<string>,
    private readonly sink: (chunk: Buffer) => void,
    private readonly idleFlushMs = DEFAULT_IDLE_FLUSH_MS,
  ) {
    this.masker = new StreamMasker(values);
  }

  write(chunk: Uint8Array): void {
    if (this.ended) return;
    this.cancelTimer();
    this.deliver(this.masker.push(chunk));
    if (this.masker.holding) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.deliver(this.masker.flush());
      }, this.idleFlushMs);
    }
  }

  /** The stream is over: everything held is released (masked where it is known to be a value). */
  end(): void {
    if (this.ended) return;
    this.cancelTimer();
    this.deliver(this.masker.flush());
    this.ended = true;
  }

  private deliver(chunk: Buffer): void {
    if (chunk.length) this.sink(chunk);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
