/**
 * Text that came from outside — a server's message, a file name, a field of a manifest — made safe to show on one
 * line of a terminal: control characters (C0, DEL and C1: escape sequences that retitle the window, clear the screen,
 * write the clipboard or move the cursor over earlier output) and bidirectional overrides (which reorder what is shown)
 * become `?`. Everything else, including any other Unicode, stays as it is.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '?');
}

/** True when `text` has a character `printable` would replace (a control, escape or bidirectional character). */
export function hasUnprintable(text: string): boolean {
  return new RegExp(UNPRINTABLE.source).test(text);
}
