import * as vscode from 'vscode';

/** Credentials typed into VS Code. They live in SecretStorage only: never in settings, files or global state. */
export type TypedCredentials =
  | { mode: 'AK'; accessKeyId: string; accessKeySecret: string }
  | { mode: 'StsToken'; accessKeyId: string; accessKeySecret: string; securityToken: string }
  | { mode: 'RamRoleArn'; accessKeyId: string; accessKeySecret: string; roleArn: string; roleSessionName?: string };

export const TYPED_MODES: readonly TypedCredentials['mode'][] = ['AK', 'StsToken', 'RamRoleArn'];

const NAMES_KEY = 'kmsSecrets.storedCredentialNames';
const secretKey = (name: string) => `kmsSecrets.credentials/${name}`;

/**
 * Named credential sets entered in VS Code. The names are not secret and sit in global state (so listing them needs no
 * SecretStorage round trip); the key material sits in SecretStorage, one entry per name.
 */
export class CredentialStore {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  names(): string[] {
    return this.state.get<string[]>(NAMES_KEY, []);
  }

  has(name: string): boolean {
    return this.names().includes(name);
  }

  async get(name: string): Promise<TypedCredentials | undefined> {
    if (!this.has(name)) return undefined;
    const text = await this.secrets.get(secretKey(name));
    if (!text) return undefined;
    try {
      return JSON.parse(text) as TypedCredentials;
    } catch {
      return undefined;
    }
  }

  async set(name: string, credentials: TypedCredentials): Promise<void> {
    await this.secrets.store(secretKey(name), JSON.stringify(credentials));
    if (!this.has(name)) await this.state.update(NAMES_KEY, [...this.names(), name]);
  }

  async delete(name: string): Promise<void> {
    await this.secrets.delete(secretKey(name));
    await this.state.update(
      NAMES_KEY,
      this.names().filter((n) => n !== name),
    );
  }
}

/** Names of credential sets typed into VS Code: same characters as reference profile names, so `?profile=` can name them. */
export function validateCredentialName(name: string): string | undefined {
  if (!name) return vscode.l10n.t('Give the credentials a name.');
  if (name.length > 64) return vscode.l10n.t('Names are at most 64 characters.');
  if (!/^[A-Za-z0-9_.@+-]+$/.test(name))
    return vscode.l10n.t('Names may contain only letters, digits and {0}', '_.@+-');
  return undefined;
}
