import { existsSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SshSession } from '../core/ssh';
import { formatRemoteSshHost } from '../core/ssh';
import { DisposableOwner } from '../platform/disposables';
import type { Log } from '../platform/log';

/** A session whose key is held by a live private agent: the only kind a Remote-SSH Host entry can name. */
export type AgentSession = SshSession & { agent: NonNullable<SshSession['agent']> };

/** Whether the session has a live private agent (a password session has none). */
export function hasAgent(session: SshSession): session is AgentSession {
  return session.agent !== undefined;
}

interface LiveHost {
  alias: string;
  file: string;
  session: SshSession;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The Host entries Remote-SSH connects through, one file per entry in a folder of the extension's own (the user's ssh
 * config includes `<folder>/*.conf`). An entry names the live agent's socket and the key's public half, never the key,
 * and exists exactly as long as its agent: it is removed when the agent ends (the key's lifetime runs out, the user ends
 * it, or this window's extension host stops). Files are named per window (`<alias>.<pid>.conf`), so windows never remove
 * each other's entries; entries whose agent is gone (a crashed window) are removed at start.
 */
export class RemoteSshHosts extends DisposableOwner {
  private readonly live = new Map<string, LiveHost>();

  constructor(
    readonly folder: string,
    private readonly log: Log,
  ) {
    super();
    this.register({ dispose: () => this.endAllSync() });
    void this.removeStale();
  }

  /** What the user's ssh config includes. */
  get includePattern(): string {
    return join(this.folder, '*.conf');
  }

  /** The live entries (the extension-host tests read them). */
  get entries(): readonly { alias: string; file: string; session: SshSession }[] {
    return [...this.live.values()].map(({ alias, file, session }) => ({ alias, file, session }));
  }

  /** Writes the entry for a session with a live agent; it is removed after `lifetimeSeconds` or when ended earlier. */
  async add(alias: string, session: AgentSession, lifetimeSeconds: number): Promise<string> {
    const agent = session.agent;
    await this.end(alias);
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const file = join(this.folder, `${alias}.${process.pid}.conf`);
    const entry = formatRemoteSshHost({
      alias,
      target: session.target,
      socketPath: agent.socketPath,
      identityFile: agent.identityFile,
    });
    await writeFile(file, `# ${session.secretName} (KMS Secrets; removed when its ssh-agent ends)\n${entry}`, {
      mode: 0o600,
    });
    const timer = setTimeout(() => void this.end(alias), lifetimeSeconds * 1000);
    this.live.set(alias, { alias, file, session, timer });
    this.log.info(`Wrote the Remote-SSH host ${alias} for ${session.secretName} (private ssh-agent ${agent.pid}).`);
    return file;
  }

  /** Ends the agent and removes the entry; nothing when the alias has no live entry. */
  async end(alias: string): Promise<void> {
    const host = this.live.get(alias);
    if (!host) return;
    this.live.delete(alias);
    clearTimeout(host.timer);
    await rm(host.file, { force: true });
    await host.session.dispose();
    this.log.info(`Removed the Remote-SSH host ${alias}; its ssh-agent ended.`);
  }

  private endAllSync(): void {
    for (const host of this.live.values()) {
      clearTimeout(host.timer);
      rmSync(host.file, { force: true });
      host.session.disposeSync();
    }
    this.live.clear();
  }

  /** Entries left by a window that ended without cleaning up: their agent's socket is gone. */
  private async removeStale(): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(this.folder)).filter((name) => name.endsWith('.conf'));
    } catch {
      return; // no folder yet
    }
    for (const name of names) {
      const file = join(this.folder, name);
      try {
        const socket = /^\s*IdentityAgent\s+"([^"]+)"/m.exec(await readFile(file, 'utf8'))?.[1]?.replace(/%%/g, '%');
        if (!socket || !existsSync(socket)) {
          await rm(file, { force: true });
          this.log.info(`Removed the stale Remote-SSH host file ${name} (its ssh-agent is gone).`);
        }
      } catch (error) {
        this.log.warn(`Could not check ${file}: ${String(error)}`);
      }
    }
  }
}
