/** One sentence per failure, with what to do; never a key, a password or a line of ssh-add's input. */
export type SshErrorKind =
  | 'not-ecs'
  | 'bad-value'
  | 'no-host'
  | 'bad-input'
  | 'tool-missing'
  | 'unsupported-platform'
  | 'agent-failed'
  | 'key-rejected';

export class SshError extends Error {
  override name = 'SshError';
  constructor(
    readonly kind: SshErrorKind,
    message: string,
    /** For the log: tool output with the key's lines removed; never shown as the message. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

export const isSshError = (error: unknown): error is SshError => error instanceof SshError;
