/** KMS timestamps are UTC, second precision, no milliseconds: `YYYY-MM-DDTHH:mm:ssZ`. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Parses a request/seed timestamp; undefined when it is not in the RPC format (the gateway rejects anything else). */
export function parseTime(text: string): number | undefined {
  if (!TIMESTAMP.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
