/**
 * Output of `kms-secrets usage`: an aligned table or JSON. Event fields come from a remote service and may hold
 * anything (a user agent is whatever the caller sent), so control characters never reach the terminal.
 */
import type { SecretSummary } from '../../core/kms';
import { printable } from '../../core/printable';
import type { TrailEvent, UnusedReport } from '../../core/trail';

/** The JSON contract of `usage --format json`: one object per event, every key always present. */
export interface UsageJson {
  time: string;
  action: string;
  principal: string;
  principalType: string;
  accessKeyId: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  errorCode: string | null;
}

export function usageJson(events: readonly TrailEvent[]): UsageJson[] {
  return events.map((e) => ({
    time: e.time,
    action: e.action,
    principal: e.principal,
    principalType: e.principalType,
    accessKeyId: e.accessKeyId ?? null,
    sourceIp: e.sourceIp ?? null,
    userAgent: e.userAgent ?? null,
    errorCode: e.errorCode ?? null,
  }));
}

const MAX_CELL = 48;

/** One line, no control characters, long cells cut (text output only; JSON keeps the escaped original). */
export function cell(text: string | undefined): string {
  const clean = printable(text ?? '-') || '-';
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL - 1)}…` : clean;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function usageText(secretName: string, days: number, events: readonly TrailEvent[]): string {
  const span = `in the last ${days} day${days === 1 ? '' : 's'}`;
  if (events.length === 0) return `No ActionTrail events for "${cell(secretName)}" ${span}.`;
  const rows = events.map((e) => [
    cell(e.time),
    cell(e.action),
    cell(e.principal),
    cell(e.principalType),
    cell(e.accessKeyId),
    cell(e.sourceIp),
    cell(e.userAgent),
    cell(e.errorCode),
  ]);
  const count = `${events.length} event${events.length === 1 ? '' : 's'}`;
  return `${count} for "${cell(secretName)}" ${span}, newest first:\n\n${table(
    ['TIME', 'ACTION', 'PRINCIPAL', 'TYPE', 'ACCESSKEY', 'SOURCE IP', 'USER AGENT', 'ERROR'],
    rows,
  )}`;
}

export interface UnusedEntry {
  name: string;
  pendingDeletion: boolean;
}

export function unusedEntries(report: UnusedReport, secrets: readonly SecretSummary[]): UnusedEntry[] {
  const pending = new Set(secrets.filter((s) => s.plannedDeleteTime).map((s) => s.name));
  return report.unused.map((name) => ({ name, pendingDeletion: pending.has(name) }));
}

export function unusedText(report: UnusedReport, entries: readonly UnusedEntry[], total: number): string {
  const span = `in the last ${report.days} day${report.days === 1 ? '' : 's'}`;
  const partial = report.complete ? '' : '\n(The scan stopped early; some of these may have been read.)';
  if (total === 0) return 'There are no secrets in this region.';
  if (entries.length === 0) return `Every secret (${total}) was read ${span}.`;
  const lines = entries.map((e) => `  ${cell(e.name)}${e.pendingDeletion ? '  (pending deletion)' : ''}`);
  return `${entries.length} of ${total} secrets were not read ${span}:\n${lines.join('\n')}${partial}`;
}
