import type { Redactor } from './core/redaction';
import type { Config } from './platform/config';
import type { Log } from './platform/log';

/** What the composition root builds once and hands to every feature's `register`. */
export interface Services {
  readonly log: Log;
  readonly config: Config;
  readonly redactor: Redactor;
}
