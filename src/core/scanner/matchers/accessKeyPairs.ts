/** A 30-character literal near an AccessKey ID is its secret even without a telling name (`new Config("LTAI…", "…")`). */
import { PRIORITY, type Add } from './context';

/** How many lines either side of an AccessKey ID its secret may stand. */
export const PAIR_REACH = 5;

const SECRET = /["'`]([A-Za-z0-9]{30})["'`]|(?:^|[=:\s])([A-Za-z0-9]{30})\s*$/g;

export function scanAccessKeySecrets(lines: string[], lineStarts: number[], idLines: number[], add: Add): void {
  const near = new Set<number>();
  for (const idLine of idLines)
    for (let l = Math.max(0, idLine - PAIR_REACH); l <= Math.min(lines.length - 1, idLine + PAIR_REACH); l++)
      near.add(l);
  for (const index of near) {
    SECRET.lastIndex = 0;
    for (let m = SECRET.exec(lines[index]); m; m = SECRET.exec(lines[index])) {
      const secret = m[1] ?? m[2];
      if (!/[0-9]/.test(secret) || !/[a-z]/.test(secret) || !/[A-Z]/.test(secret)) continue;
      const start = lineStarts[index] + m.index + m[0].indexOf(secret);
      add(
        {
          ruleId: 'alibaba-access-key-secret',
          kind: 'Alibaba Cloud AccessKey secret',
          severity: 'error',
          start,
          end: start + 30,
          nameHint: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
        },
        PRIORITY.akSecret,
      );
    }
  }
}
