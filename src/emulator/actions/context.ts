/** What every action handler gets, and what it declares about itself. */
import type { CredentialTable, EmulatorCredential } from '../auth';
import type { Params } from '../params';
import type { SecretStore } from '../store';
import type { TrailState } from '../trail/state';

export interface ActionContext {
  params: Params;
  store: SecretStore;
  nowMs: number;
  caller: EmulatorCredential;
  credentials: CredentialTable;
  /** The emulator's ActionTrail (recorded events, LookupEvents admission). */
  trail: TrailState;
}

export type ResponseBody = Record<string, unknown>;

export interface ActionHandler {
  /** API version the action belongs to (KMS `2016-01-20`, STS `2015-04-01`, ActionTrail `2020-07-06`). */
  version: string;
  /** Mutating actions trigger a state save; reads never touch the disk. */
  mutates: boolean;
  run(ctx: ActionContext): ResponseBody;
}

export const KMS_VERSION = '2016-01-20';

export function kmsAction(mutates: boolean, run: (ctx: ActionContext) => ResponseBody): ActionHandler {
  return { version: KMS_VERSION, mutates, run };
}
