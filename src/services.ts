import type * as vscode from 'vscode';
import type { ConnectionManager } from './connection/connectionManager';
import type { ReferenceReader } from './connection/referenceReader';
import type { Redactor } from './core/redaction';
import type { Config } from './platform/config';
import type { Log } from './platform/log';
import type { SettingApprovals } from './platform/settingApprovals';
import type { UsageConnections } from './usage/usageConnections';

/** What the composition root builds once and hands to every feature's `register`. */
export interface Services {
  readonly log: Log;
  /** Every `kmsSecrets.*` setting, read and written (the trust rule for connection settings lives there). */
  readonly config: Config;
  /** The user's answers about workspace values of connection settings (read by `config`). */
  readonly approvals: SettingApprovals;
  readonly redactor: Redactor;
  /** The active KMS connection (credentials source, region(s), endpoint) and its clients. */
  readonly connections: ConnectionManager;
  /** Reads what a `kms://` reference names (debug injection, tasks, terminals, reference diagnostics). */
  readonly references: ReferenceReader;
  /** Who read a secret (ActionTrail) on the active connection, and the last reads already known (hover). */
  readonly usage: UsageConnections;
}

/**
 * Every feature's entry point (`src/<feature>/register.ts`): wires its providers and commands into
 * `context.subscriptions` and returns its hooks for the extension-host tests, built only in test mode
 * (`testOnly`, src/platform/automation.ts), else undefined.
 */
export type Feature<TestApi> = (context: vscode.ExtensionContext, services: Services) => TestApi | undefined;
