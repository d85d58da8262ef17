/**
 * The bounds that keep every scan linear in the size of its input, in one place: what a window holds, how far a
 * multi-line secret may reach, and how much of a long line the per-finding work looks at.
 */

/** Lines longer than this meet only the known-format rules (minified code, embedded data). */
export const MAX_ASSIGNMENT_LINE = 4000;

/** At most this far from BEGIN to END of a private key (a 16 kbit RSA key in PEM is ~12 KB). */
export const MAX_KEY_BLOCK = 64 * 1024;

/**
 * Text is scanned in windows of this many characters (at line boundaries where there are any). Each window also sees
 * `WINDOW_OVERLAP` characters of the next one, so a secret up to that long (a private key block) is never cut, and a
 * few lines of the previous one, so line-context rules (a name on the line above, an AccessKey ID nearby) still see it.
 */
export const WINDOW_CHARS = 1024 * 1024;
export const WINDOW_OVERLAP = 2 * MAX_KEY_BLOCK;
export const WINDOW_BACK_LINES = 8;
export const WINDOW_BACK_CHARS = 16 * 1024;

/** A finding's literal looks at most this far either side of it on its line. */
export const LINE_REACH = 1024;

/**
 * A fingerprint hashes the finding's line without the secret; on a line longer than this (minified code, data) only
 * `FINGERPRINT_REACH` characters either side of the secret, which identify it as well and keep the work per finding
 * bounded.
 */
export const FINGERPRINT_LINE = 1000;
export const FINGERPRINT_REACH = 100;

/** The first characters that decide whether a text is binary (a NUL among them). */
export const BINARY_SNIFF = 8000;
