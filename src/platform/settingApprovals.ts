import * as vscode from 'vscode';
import {
  findDecision,
  withDecision,
  withoutDecisions,
  type Decision,
  type SettingDecision,
} from '../core/guardedSettings';
import { DisposableOwner } from './disposables';

const STATE_KEY = 'kmsSecrets.workspaceSettingDecisions';

/**
 * The user's answers about workspace values of guarded settings (src/core/guardedSettings.ts), per workspace, key and
 * exact value. They live in the extension's global state, on this machine: never in the workspace, which is what they
 * judge.
 */
export class SettingApprovals extends DisposableOwner {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    super();
  }

  /** The open workspace's identity: its .code-workspace file, else its folders ('' in an empty window). */
  get workspace(): string {
    const file = vscode.workspace.workspaceFile;
    if (file) return file.toString();
    return (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()).join(' ');
  }

  /** How the open workspace is named to the user: its name and where it is. */
  get workspaceLabel(): string {
    return describeWorkspace(this.workspace, vscode.workspace.name);
  }

  decision(key: string, value: string): Decision | undefined {
    return findDecision(this.list(), this.workspace, key, value)?.decision;
  }

  async decide(key: string, value: string, decision: Decision): Promise<void> {
    await this.state.update(STATE_KEY, withDecision(this.list(), { workspace: this.workspace, key, value, decision }));
    this.changed.fire();
  }

  /** Every remembered answer, for every workspace. */
  list(): SettingDecision[] {
    const stored = this.state.get<unknown>(STATE_KEY, []);
    return Array.isArray(stored) ? stored.filter(isDecision) : [];
  }

  async forget(decisions: readonly SettingDecision[]): Promise<void> {
    if (!decisions.length) return;
    await this.state.update(STATE_KEY, withoutDecisions(this.list(), decisions));
    this.changed.fire();
  }
}

/** A workspace identity as a person reads it: file paths instead of URIs. */
export function describeWorkspace(workspace: string, name?: string): string {
  const places = workspace
    .split(' ')
    .filter(Boolean)
    .map((uri) => {
      const parsed = vscode.Uri.parse(uri);
      return parsed.scheme === 'file' ? parsed.fsPath : uri;
    })
    .join(', ');
  return name ? `${name} (${places})` : places;
}

function isDecision(x: unknown): x is SettingDecision {
  const d = x as SettingDecision;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.workspace === 'string' &&
    typeof d.key === 'string' &&
    typeof d.value === 'string' &&
    (d.decision === 'allow' || d.decision === 'keep')
  );
}
