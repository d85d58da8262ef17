/**
 * Fault injection for resilience tests: the SDK neither retries nor maps statuses (kms-api.md §4), so the extension
 * must, and tests need deterministic faults. Draw order per request (documented so tests can script `random`): one draw
 * for throttling when throttleRate > 0, then one for failure when failRate > 0, then one choosing the failure kind.
 */
import { KmsError, errors } from './errors';

export interface FaultSettings {
  latencyMs: number;
  failRate: number;
  throttleRate: number;
}

/** `non-json` is a gateway-style HTML 502 the SDK cannot parse. */
export type Fault = { kind: 'error'; error: KmsError } | { kind: 'non-json' };

export function drawFault(settings: FaultSettings, random: () => number): Fault | undefined {
  if (settings.throttleRate > 0 && random() < settings.throttleRate)
    return { kind: 'error', error: errors.throttled() };
  if (settings.failRate > 0 && random() < settings.failRate) {
    const which = random();
    if (which < 0.45) return { kind: 'error', error: errors.unavailable() };
    if (which < 0.9) return { kind: 'error', error: errors.internal() };
    return { kind: 'non-json' };
  }
  return undefined;
}

export function checkRate(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new RangeError(`${name} must be between 0 and 1`);
  return value;
}

export const NON_JSON_502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>\n';
