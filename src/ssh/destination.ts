import * as vscode from 'vscode';
import { formatDestination, isSshError, parseDestination } from '../core/ssh';
import type { SecretMetadata } from '../core/kms/types';

const STATE_KEY = 'kmsSecrets.ssh.destinations';
/** Enough for anyone's instances; the oldest entries go first. */
const MAX_REMEMBERED = 200;

/**
 * Where the user connected each ECS secret (per region and name) when that differs from the secret's own CustomData:
 * `[user@]host[:port]` only. A host name is not a secret; nothing of the secret's value is ever stored here.
 */
export class DestinationMemory {
  constructor(private readonly state: vscode.Memento) {}

  get(region: string, name: string): string | undefined {
    return this.entries()[key(region, name)];
  }

  /** Remembers `destination`, or forgets the secret's entry when it is the secret's own default. */
  async remember(region: string, name: string, destination: string, fallback: string | undefined): Promise<void> {
    const entries = this.entries();
    delete entries[key(region, name)];
    if (destination !== fallback) entries[key(region, name)] = destination;
    const kept = Object.entries(entries).slice(-MAX_REMEMBERED);
    await this.state.update(STATE_KEY, Object.fromEntries(kept));
  }

  private entries(): Record<string, string> {
    const stored = this.state.get<unknown>(STATE_KEY);
    if (typeof stored !== 'object' || stored === null) return {};
    return Object.fromEntries(
      Object.entries(stored as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  }
}

const key = (region: string, name: string) => `${region}|${name}`;

/** The secret's own destination: CustomData `host` (and `port`), as the prompt writes it. */
export function customDataDestination(details: SecretMetadata | undefined): string | undefined {
  const custom = details?.extended?.customData ?? {};
  const host = custom.host?.trim();
  if (!host) return undefined;
  try {
    return formatDestination(parseDestination(custom.port?.trim() ? `${host}:${custom.port.trim()}` : host));
  } catch {
    return host; // shown in the prompt, whose check then says what is wrong with it
  }
}

/**
 * Asks where to connect, prefilled with what the user chose last time for this secret, else the secret's CustomData,
 * so that the host (which comes from KMS metadata others may edit) is seen before the key is used. Undefined when the
 * user cancels.
 */
export async function askDestination(secretName: string, suggested: string | undefined): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: vscode.l10n.t('Connect with {0}', secretName),
    prompt: vscode.l10n.t("Host to connect to: [user@]host[:port]. Without a user, the secret's UserName logs in."),
    placeHolder: vscode.l10n.t('e.g. 10.0.0.5 or ecs-user@web-01:2222'),
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (text) => destinationProblem(text),
  });
  return answer === undefined ? undefined : formatDestination(parseDestination(answer));
}

/** The prompt's check: the core's sentence (the same rule the session applies). */
export function destinationProblem(text: string): string | undefined {
  try {
    parseDestination(text);
    return undefined;
  } catch (error) {
    if (isSshError(error)) return error.message;
    throw error;
  }
}
