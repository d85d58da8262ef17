/**
 * Rotation intervals, the one definition: what the user types (`7d`, `12h`, `30m`, `604800s`), what KMS accepts (6 hours
 * to 8,760 hours) and how the extension shows them ("7 days"). KMS reports intervals as seconds (`604800s`); older
 * answers and seeds may omit the unit, which `formatRotationInterval` reads as seconds.
 */

import * as l10n from '@vscode/l10n';

export const MIN_ROTATION_SECONDS = 6 * 3_600;
export const MAX_ROTATION_SECONDS = 8_760 * 3_600;

const UNIT_SECONDS = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;
type Unit = keyof typeof UNIT_SECONDS;

/** Seconds of `<whole number><d|h|m|s>`; with `unitOptional` a bare number counts as seconds. Undefined when unreadable. */
export function rotationIntervalSeconds(text: string, { unitOptional = false } = {}): number | undefined {
  const match = (unitOptional ? /^(\d+)([smhd]?)$/ : /^(\d+)([smhd])$/).exec(String(text ?? '').trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_SECONDS[(match[2] || 's') as Unit];
}

/** Undefined when KMS accepts the interval, else one sentence saying what to type. */
export function validateRotationInterval(text: string): string | undefined {
  const seconds = rotationIntervalSeconds(text);
  if (seconds === undefined)
    return l10n.t('Write the rotation interval as a whole number and a unit (d, h, m or s): 7d, 12h or 604800s.');
  if (seconds < MIN_ROTATION_SECONDS || seconds > MAX_ROTATION_SECONDS)
    return l10n.t('Rotation intervals are 6 hours to 365 days (8,760 hours).');
  return undefined;
}

/** `604800s` / `7d` / `168h` → "7 days"; text it cannot read is shown as it is. */
export function formatRotationInterval(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const seconds = rotationIntervalSeconds(text, { unitOptional: true });
  if (seconds === undefined) return text;
  if (seconds > 0 && seconds % 86_400 === 0) {
    const days = seconds / 86_400;
    return days === 1 ? l10n.t('1 day') : l10n.t('{0} days', days);
  }
  if (seconds > 0 && seconds % 3_600 === 0) {
    const hours = seconds / 3_600;
    return hours === 1 ? l10n.t('1 hour') : l10n.t('{0} hours', hours);
  }
  return seconds === 1 ? l10n.t('1 second') : l10n.t('{0} seconds', seconds);
}

/** `604800s` → `7d`, `43200s` → `12h`: an interval as the user would type it (for an input box's starting value). */
export function rotationIntervalInput(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const seconds = rotationIntervalSeconds(text, { unitOptional: true });
  if (seconds === undefined) return text;
  const unit = (['d', 'h', 'm'] as const).find((u) => seconds > 0 && seconds % UNIT_SECONDS[u] === 0);
  return unit ? `${seconds / UNIT_SECONDS[unit]}${unit}` : `${seconds}s`;
}
