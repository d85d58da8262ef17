/**
 * The emulator's recorded events: kept sorted by time (whole seconds, as eventTime has them) and, within a second, by
 * arrival, so queries page by position; bounded in count (the oldest go first) and in age (ActionTrail keeps 90 days).
 */
import { parseTime } from '../time';
import type { TrailEventRecord } from './event';

export const DEFAULT_MAX_EVENTS = 10_000;
export const RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

interface Stored {
  timeMs: number;
  /** Arrival order (the file's order for loaded events): ties within a second keep it. */
  seq: number;
  record: TrailEventRecord;
}

/** A position in the order (time, arrival): pages continue strictly after it. */
export interface EventPosition {
  timeMs: number;
  seq: number;
}

export interface EventQuery {
  startMs: number;
  endMs: number;
  matches: (record: TrailEventRecord) => boolean;
  direction: 'FORWARD' | 'BACKWARD';
  limit: number;
  after?: EventPosition;
}

const compare = (a: EventPosition, b: EventPosition): number => a.timeMs - b.timeMs || a.seq - b.seq;

export class EventLog {
  private readonly events: Stored[] = [];
  private nextSeq = 0;

  constructor(readonly maxEvents = DEFAULT_MAX_EVENTS) {
    if (!Number.isInteger(maxEvents) || maxEvents < 1) throw new RangeError('maxEvents must be a positive integer');
  }

  get size(): number {
    return this.events.length;
  }

  add(record: TrailEventRecord, nowMs: number): void {
    const timeMs = parseTime(record.eventTime);
    if (timeMs === undefined) throw new Error(`event ${record.eventId} has no valid eventTime`);
    const item = { timeMs, seq: this.nextSeq++, record };
    // Calls arrive in time order, so this is almost always an append.
    let index = this.events.length;
    while (index > 0 && compare(this.events[index - 1], item) > 0) index--;
    this.events.splice(index, 0, item);
    this.prune(nowMs);
  }

  /** Drops what ActionTrail would no longer have, and the oldest beyond the bound. */
  prune(nowMs: number): void {
    let drop = 0;
    while (drop < this.events.length && this.events[drop].timeMs < nowMs - RETENTION_MS) drop++;
    drop = Math.max(drop, this.events.length - this.maxEvents);
    if (drop > 0) this.events.splice(0, drop);
  }

  /** Up to `limit` matching events in the range (both ends included) after `after`, and whether more follow. */
  query(q: EventQuery): { records: TrailEventRecord[]; last?: EventPosition; more: boolean } {
    const backward = q.direction === 'BACKWARD';
    const records: TrailEventRecord[] = [];
    let last: EventPosition | undefined;
    const n = this.events.length;
    for (let k = 0; k < n; k++) {
      const i = backward ? n - 1 - k : k;
      const { timeMs, seq, record } = this.events[i];
      if (backward ? timeMs > q.endMs : timeMs < q.startMs) continue;
      if (backward ? timeMs < q.startMs : timeMs > q.endMs) break;
      const position = { timeMs, seq };
      if (q.after && (backward ? compare(position, q.after) >= 0 : compare(position, q.after) <= 0)) continue;
      if (!q.matches(record)) continue;
      if (records.length === q.limit) return { records, last, more: true };
      records.push(structuredClone(record));
      last = position;
    }
    return { records, last, more: false };
  }

  /** Every event, oldest first (the state file). */
  all(): TrailEventRecord[] {
    return this.events.map((e) => structuredClone(e.record));
  }
}
