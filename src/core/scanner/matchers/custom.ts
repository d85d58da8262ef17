/**
 * The user's own patterns (`kmsSecrets.scanner.customPatterns`, `--config`). They are regular expressions anyone who
 * controls a settings file can write, so nothing here bounds their cost: run them in a worker whose host times each
 * one (worker/), never on a thread that must stay responsive.
 */
import * as l10n from '@vscode/l10n';
import { printable } from '../../printable';
import { isValidRuleId } from '../ignore';
import { MAX_ASSIGNMENT_LINE } from '../limits';
import type { CustomPattern, DisabledPattern } from '../types';
import { PRIORITY, type Add } from './context';

export interface CompiledPattern {
  /** Position in the configured list (what a host's timer names). */
  index: number;
  custom: CustomPattern;
  regex: RegExp;
}

const compiled = new Map<string, RegExp | Error>();

/**
 * Compiles each pattern once per process; an invalid one is rejected with its reason, never thrown. The id becomes a
 * rule id in findings, messages and ignore entries, so it must be a valid one (no spaces, `#`, controls or escapes).
 */
export function compileCustomPatterns(patterns: readonly CustomPattern[]): {
  ok: CompiledPattern[];
  rejected: DisabledPattern[];
} {
  const ok: CompiledPattern[] = [];
  const rejected: DisabledPattern[] = [];
  patterns.forEach((custom, index) => {
    if (typeof custom.id !== 'string' || !isValidRuleId(custom.id)) {
      rejected.push({
        id: printable(String(custom.id)),
        reason: l10n.t(
          'Custom pattern {0} needs an id of 1 to 100 characters without spaces, "#", control or escape characters.',
          index + 1,
        ),
      });
      return;
    }
    let regex = compiled.get(custom.pattern);
    if (!regex) {
      try {
        regex = new RegExp(custom.pattern, 'g');
      } catch (error) {
        regex = error instanceof Error ? error : new Error(String(error));
      }
      if (compiled.size > 500) compiled.clear();
      compiled.set(custom.pattern, regex);
    }
    if (regex instanceof Error)
      rejected.push({
        id: custom.id,
        reason: l10n.t('Custom pattern "{0}" is not a valid regular expression.', custom.id),
      });
    else ok.push({ index, custom, regex });
  });
  return { ok, rejected };
}

export function scanCustom(
  patterns: readonly CompiledPattern[],
  lines: readonly string[],
  lineStarts: readonly number[],
  add: Add,
  beforeEach?: (index: number) => void,
): void {
  for (const { index, custom, regex } of patterns) {
    beforeEach?.(index);
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].length > MAX_ASSIGNMENT_LINE) continue;
      regex.lastIndex = 0;
      for (let m = regex.exec(lines[i]); m; m = regex.exec(lines[i])) {
        if (m[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        const secret = m[1] ?? m[0];
        const start = lineStarts[i] + m.index + Math.max(0, m[0].indexOf(secret));
        add(
          {
            ruleId: custom.id,
            kind: custom.kind ?? custom.id,
            severity: custom.severity ?? 'warning',
            start,
            end: start + secret.length,
          },
          PRIORITY.custom,
        );
      }
    }
  }
  if (patterns.length) beforeEach?.(-1); // the custom patterns are done: whatever runs next is the scanner's own
}
