import type { ConnectionManager } from './connection/connectionManager';
import type { ReferenceReader } from './connection/referenceReader';
import type { Redactor } from './core/redaction';
import type { Config } from './platform/config';
import type { Log } from './platform/log';

/** What the composition root builds once and hands to every feature's `register`. */
export interface Services {
  readonly log: Log;
  readonly config: Config;
  readonly redactor: Redactor;
  /** The active KMS connection (credentials source, region(s), endpoint) and its clients. */
  readonly connections: ConnectionManager;
  /** Reads what a `kms://` reference names (debug injection, tasks, terminals, reference diagnostics). */
  readonly references: ReferenceReader;
}
