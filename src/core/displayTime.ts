/**
 * How every part of the editor shows a KMS time (tree tooltips, hovers, the row of a secret pending deletion):
 * `2024-06-01 08:00:00 UTC`. KMS answers ISO 8601 in UTC; text that is not a time is shown as it is.
 */
export function displayTime(time: string | undefined): string {
  if (!time) return '—';
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return time;
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** Only the day: `2024-06-01`. */
export function displayDay(time: string | undefined): string {
  return displayTime(time).slice(0, 10);
}
