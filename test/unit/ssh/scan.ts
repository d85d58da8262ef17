/** Where a secret could leak on this machine: files under a folder, and every process's command line and environment. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files (recursively) whose bytes contain any needle. Sockets and unreadable entries are skipped. */
export function filesContaining(dir: string, needles: readonly string[]): string[] {
  const hits: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        try {
          const text = readFileSync(path).toString('latin1');
          if (needles.some((n) => text.includes(n))) hits.push(path);
        } catch {
          // vanished or unreadable
        }
      }
    }
  };
  walk(dir);
  return hits;
}

interface ProcessInfo {
  pid: number;
  comm: string;
  state: string;
  cmdline: string;
  environ: string;
}

/** Linux only (/proc); elsewhere an empty list. */
export function processes(): ProcessInfo[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const read = (pid: string, file: string) => {
    try {
      return readFileSync(`/proc/${pid}/${file}`).toString('latin1');
    } catch {
      return '';
    }
  };
  return pids.map((pid) => {
    const stat = read(pid, 'stat');
    return {
      pid: Number(pid),
      comm: read(pid, 'comm').trim(),
      state: stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3),
      cmdline: read(pid, 'cmdline').replace(/\0/g, ' '),
      environ: read(pid, 'environ').replace(/\0/g, '\n'),
    };
  });
}

/** Processes whose command line or environment holds any needle. */
export const processesHolding = (needles: readonly string[]): ProcessInfo[] =>
  processes().filter((p) => needles.some((n) => p.cmdline.includes(n) || p.environ.includes(n)));

/** Live (not zombie) ssh-agent processes whose command line mentions `marker` (e.g. the test's temp folder). */
export const liveAgents = (marker: string): ProcessInfo[] =>
  processes().filter((p) => p.comm === 'ssh-agent' && p.state !== 'Z' && p.cmdline.includes(marker));

/** The lines of a PEM body: any one of them in a file or a process means the key leaked. */
export const keyNeedles = (pem: string): string[] =>
  pem
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length >= 16 && !line.startsWith('-----'));
