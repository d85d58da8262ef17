import * as vscode from 'vscode';
import type { LastRead, TrailEvent } from '../core/trail';
import { displayTime as when } from '../core/displayTime';
import { md } from '../explorer/format';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/** Event fields come from a remote service (a user agent is whatever the caller sent): one line, no control characters. */
export function clean(text: string | undefined): string {
  return (text ?? '').replace(CONTROL, ' ').trim();
}

/** ActionTrail's identity type in words. */
export function principalKind(type: string): string {
  switch (type) {
    case 'ram-user':
      return vscode.l10n.t('RAM user');
    case 'assumed-role':
      return vscode.l10n.t('role session');
    case 'root-account':
      return vscode.l10n.t('root account');
    case 'system':
      return vscode.l10n.t('Alibaba Cloud service');
    default:
      return clean(type);
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** "2 hours ago" in the display language. */
export function ago(timeMs: number, nowMs = Date.now()): string {
  if (Number.isNaN(timeMs)) return vscode.l10n.t('at an unknown time');
  // Never "in 2 seconds": a clock a little behind ActionTrail's is still the past.
  const seconds = Math.min(0, Math.round((timeMs - nowMs) / 1000));
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? UNITS[UNITS.length - 1];
  return relativeTimeFormat().format(Math.round(seconds / size), unit);
}

function relativeTimeFormat(): Intl.RelativeTimeFormat {
  try {
    return new Intl.RelativeTimeFormat(vscode.env.language, { numeric: 'auto' });
  } catch {
    return new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  }
}

/** The days of a window in words ("the last 7 days"). */
export function windowText(days: number): string {
  return days === 1 ? vscode.l10n.t('the last day') : vscode.l10n.t('the last {0} days', days);
}

/** `alice`, `orders-app-role:orders-7f9c`, `root`: the principal as ActionTrail names it. */
export function who(event: Pick<TrailEvent, 'principal'>): string {
  return clean(event.principal) || vscode.l10n.t('unknown caller');
}

/** The row's description: who, when, and the error code of a failed call. */
export function eventDescription(event: TrailEvent, nowMs = Date.now()): string {
  const parts = [who(event), ago(event.timeMs, nowMs)];
  if (event.errorCode) parts.push(clean(event.errorCode));
  return parts.join(' · ');
}

/** What a screen reader says for a row: one sentence with everything the row shows. */
export function eventAccessibilityLabel(event: TrailEvent, nowMs = Date.now()): string {
  const base = vscode.l10n.t(
    '{0} by {1} ({2}), {3}',
    clean(event.action),
    who(event),
    principalKind(event.principalType),
    ago(event.timeMs, nowMs),
  );
  const from = event.sourceIp ? vscode.l10n.t('{0}, from {1}', base, clean(event.sourceIp)) : base;
  return event.errorCode ? vscode.l10n.t('{0}, failed with {1}', from, clean(event.errorCode)) : from;
}

/** Every field of the event (never a value: events hold none). */
export function eventTooltip(event: TrailEvent, nowMs = Date.now()): vscode.MarkdownString {
  const rows: [string, string][] = [
    [vscode.l10n.t('Time'), `${when(event.time)} (${ago(event.timeMs, nowMs)})`],
    [vscode.l10n.t('Who'), `${who(event)} (${principalKind(event.principalType)})`],
  ];
  if (event.accessKeyId) rows.push([vscode.l10n.t('AccessKey ID'), clean(event.accessKeyId)]);
  if (event.sourceIp) rows.push([vscode.l10n.t('Source IP'), clean(event.sourceIp)]);
  if (event.userAgent) rows.push([vscode.l10n.t('User agent'), clean(event.userAgent)]);
  if (event.versionStage) rows.push([vscode.l10n.t('Stage'), clean(event.versionStage)]);
  if (event.versionId) rows.push([vscode.l10n.t('Version'), clean(event.versionId)]);
  if (event.errorCode) rows.push([vscode.l10n.t('Failed with'), clean(event.errorCode)]);
  if (event.eventId) rows.push([vscode.l10n.t('Event ID'), clean(event.eventId)]);
  const kind = event.readWrite === 'Write' ? vscode.l10n.t('write') : vscode.l10n.t('read');
  const lines = [`**${md(clean(event.action))}** · ${md(kind)}`, ''];
  for (const [label, value] of rows) lines.push(`${md(label)}: ${md(value)}  `);
  return new vscode.MarkdownString(lines.join('\n'));
}

/** The hover's line about a secret's last read, from what is already known. */
export function lastReadLine(lastRead: LastRead, nowMs = Date.now()): string {
  if (lastRead.kind === 'notRead') return vscode.l10n.t('ActionTrail: not read in {0}.', windowText(lastRead.days));
  const principal = clean(lastRead.principal) || vscode.l10n.t('unknown caller');
  const kind = principalKind(lastRead.principalType);
  if (lastRead.errorCode)
    return vscode.l10n.t(
      'ActionTrail: last read attempt {0} by {1} ({2}) failed with {3}.',
      ago(lastRead.timeMs, nowMs),
      principal,
      kind,
      clean(lastRead.errorCode),
    );
  return vscode.l10n.t('ActionTrail: last read {0} by {1} ({2}).', ago(lastRead.timeMs, nowMs), principal, kind);
}
