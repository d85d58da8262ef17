/**
 * Spaces LookupEvents calls out to the documented rate (two per second) so that paging through a long window does not
 * run into throttling in the first place; the transport's backoff handles the throttling that other clients of the
 * same account cause. One pacer per account and region: the extension shares one TrailClient per connection.
 */
import { abortableSleep, Sleep } from '../kms/retry';

export class Pacer {
  private next = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: Sleep = abortableSleep,
  ) {}

  /** Resolves when the caller may send; callers are served in order. */
  wait(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(async () => {
      const delay = this.next - this.now();
      if (delay > 0) await this.sleep(delay, signal);
      this.next = Math.max(this.now(), this.next) + this.intervalMs;
    });
    // A cancelled waiter must not block the ones behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}
