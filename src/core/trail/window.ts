/**
 * Time windows for LookupEvents: a query covers at most 30 days and only the last 90, so "the last N days" becomes up
 * to three windows, newest first, so that a stream of BACKWARD pages is newest first as a whole.
 */
import * as l10n from '@vscode/l10n';
import { invalidInput } from '../kms/errors';
import { DAY_MS, MAX_RANGE_DAYS, RETENTION_DAYS } from './limits';

export interface TimeWindow {
  /** Milliseconds since the epoch, whole seconds (the API's format has no fractions). */
  startMs: number;
  endMs: number;
}

/**
 * The oldest edge keeps this much distance from "90 days ago": the service compares against its own clock, which is a
 * little later than ours by the time the request arrives.
 */
export const RETENTION_MARGIN_MS = 60_000;

export function validateDays(days: number): string | undefined {
  if (!Number.isInteger(days) || days < 1 || days > RETENTION_DAYS) {
    return l10n.t(
      'The number of days must be a whole number from 1 to {0} (ActionTrail keeps events for {0} days).',
      RETENTION_DAYS,
    );
  }
  return undefined;
}

export function assertDays(days: number): void {
  const problem = validateDays(days);
  if (problem) throw invalidInput(problem, 'LookupEvents');
}

/** The last `days` days up to `nowMs`, as the whole range (clamped to the retention period). */
export function lastDays(days: number, nowMs: number): TimeWindow {
  assertDays(days);
  const endMs = Math.floor(nowMs / 1000) * 1000;
  const oldest = Math.ceil((nowMs - RETENTION_DAYS * DAY_MS + RETENTION_MARGIN_MS) / 1000) * 1000;
  return { startMs: Math.max(endMs - days * DAY_MS, oldest), endMs };
}

/** Splits a range into windows of at most 30 days, newest first. */
export function splitWindow(range: TimeWindow): TimeWindow[] {
  const windows: TimeWindow[] = [];
  for (let endMs = range.endMs; endMs > range.startMs; endMs -= MAX_RANGE_DAYS * DAY_MS) {
    windows.push({ startMs: Math.max(range.startMs, endMs - MAX_RANGE_DAYS * DAY_MS), endMs });
  }
  return windows;
}

/** `YYYY-MM-DDThh:mm:ssZ` (UTC, no fractions), the only format StartTime/EndTime accept. */
export function formatTrailTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
