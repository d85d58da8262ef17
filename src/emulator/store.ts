/**
 * The emulator's in-memory secrets, keyed by name. Lookup accepts a name or the official ARN, and secrets whose
 * recovery window has passed disappear on the next access (the real service deletes them in the background).
 */
import { errors } from './errors';
import { Secret } from './model';

export class SecretStore {
  readonly secrets = new Map<string, Secret>();
  /** list() kept between changes: sorting 10,000 secrets for every ListSecrets page cost more than the page itself. */
  private sorted: readonly Secret[] | undefined;

  constructor(
    readonly region: string,
    readonly accountId: string,
  ) {}

  arn(name: string): string {
    return `acs:kms:${this.region}:${this.accountId}:secret/${name}`;
  }

  /** `acs:kms:<region>:<account>:secret/<name>` → name; an ARN of another region/account names nothing here. */
  nameOf(nameOrArn: string): string | undefined {
    if (!nameOrArn.startsWith('acs:kms:')) return nameOrArn;
    const prefix = this.arn('');
    return nameOrArn.startsWith(prefix) ? nameOrArn.slice(prefix.length) : undefined;
  }

  purgeExpired(nowMs: number): boolean {
    let changed = false;
    for (const [name, secret] of this.secrets) {
      if (secret.plannedDeleteTime !== undefined && secret.plannedDeleteTime <= nowMs) {
        this.delete(name);
        changed = true;
      }
    }
    return changed;
  }

  find(nameOrArn: string): Secret | undefined {
    const name = this.nameOf(nameOrArn);
    return name === undefined ? undefined : this.secrets.get(name);
  }

  /** The secret, pending deletion or not (metadata reads, DeleteSecret, RestoreSecret). */
  require(nameOrArn: string): Secret {
    const secret = this.find(nameOrArn);
    if (!secret) throw errors.notFound();
    return secret;
  }

  /** The secret, refusing one in its recovery window (value reads and every change). INFERRED, see errors.inDeleteWindow. */
  requireActive(nameOrArn: string): Secret {
    const secret = this.require(nameOrArn);
    if (secret.plannedDeleteTime !== undefined) throw errors.inDeleteWindow();
    return secret;
  }

  /** Sorted by creation time then name, so paging is stable. */
  list(): readonly Secret[] {
    this.sorted ??= [...this.secrets.values()].sort(
      (a, b) => a.createTime - b.createTime || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    return this.sorted;
  }

  put(secret: Secret): void {
    this.secrets.set(secret.name, secret);
    this.sorted = undefined;
  }

  delete(name: string): void {
    this.secrets.delete(name);
    this.sorted = undefined;
  }
}
