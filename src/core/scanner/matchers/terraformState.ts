/**
 * Terraform's state keeps what `random_password` made in plain text, whatever `sensitive` says: each instance's
 * `"result": "…"` is the password a database or user was created with. The resource's type stands above its instances,
 * so the file is read whole (and again whole on every edit); each resource is read up to the next, at most
 * MAX_RESOURCE_CHARS: the cost stays linear.
 */
import type { FileFormat } from '../formats';
import { PRIORITY, type Add } from './context';
import { valueCandidate } from './assignments';

const RANDOM_PASSWORD = /"type":\s*"random_password"/g;
const RESULT = /"result":\s*"((?:[^"\\\n]|\\.){1,500})"/g;
const MAX_RESOURCE_CHARS = 20_000;

export function holdsRandomPassword(text: string): boolean {
  return text.includes('"random_password"') && new RegExp(RANDOM_PASSWORD.source).test(text);
}

export function scanTerraformState(text: string, format: FileFormat, add: Add): void {
  if (!text.includes('"random_password"')) return;
  RANDOM_PASSWORD.lastIndex = 0;
  for (let m = RANDOM_PASSWORD.exec(text); m; m = RANDOM_PASSWORD.exec(text)) {
    const from = RANDOM_PASSWORD.lastIndex;
    const next = text.indexOf('"type":', from);
    const resource = text.slice(from, Math.min(next < 0 ? text.length : next, from + MAX_RESOURCE_CHARS));
    RESULT.lastIndex = 0;
    for (let r = RESULT.exec(resource); r; r = RESULT.exec(resource)) {
      const candidate = valueCandidate('random_password', r[1], format);
      if (!candidate) continue;
      candidate.start = from + r.index + r[0].length - 1 - r[1].length;
      candidate.end = candidate.start + r[1].length;
      add(candidate, PRIORITY.assignment);
    }
  }
}
