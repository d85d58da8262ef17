import * as vscode from 'vscode';
import { scriptedConsentAllowed } from '../platform/automation';
import { isManaged, Tag } from '../connection/backend';
import { MAX_SECRET_BYTES as MAX_VALUE_BYTES, MAX_TAGS, validateSecretName } from '../core/kms/validation';
import { formatReference } from '../core/reference';
import { resolveTarget, Target, type ExplorerContext } from './targets';

const STAGE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

export interface CreateSecretArgs {
  name?: string;
  value?: string;
  description?: string;
  tags?: Record<string, string>;
  region?: string;
  /** Replace the editor selection the value came from with the new reference (default: ask). */
  replaceSelection?: boolean;
}

export interface PutValueArgs {
  value?: string;
  versionId?: string;
  stages?: string[];
}

export interface RotateArgs {
  action: 'rotate' | 'enable' | 'disable';
  /** `7d`, `12h`, `604800s` (6 hours to 365 days). */
  interval?: string;
}

export interface DeleteArgs {
  force?: boolean;
  recoveryWindowInDays?: number;
  /** Stands for the user's answer to the confirmation (non-interactive use). */
  confirmed?: boolean;
}

export interface EditTagsArgs {
  set?: Record<string, string>;
  remove?: string[];
}

/** undefined when valid, else one sentence: the client's name rules plus KMS's reserved `acs/` prefix. */
export function validateNewSecretName(name: string): string | undefined {
  return (
    validateSecretName(name) ??
    (name.startsWith('acs/') ? 'Names starting with acs/ are reserved for managed secrets.' : undefined)
  );
}

function validateValue(value: string): string | undefined {
  if (!value) return 'The value is empty.';
  const bytes = Buffer.byteLength(value, 'utf8');
  return bytes > MAX_VALUE_BYTES ? `Values are at most ${MAX_VALUE_BYTES} bytes (this one has ${bytes}).` : undefined;
}

function askValue(title: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: 'Secret value (hidden as you type)',
    password: true,
    ignoreFocusOut: true,
    validateInput: validateValue,
  });
}

async function changed(ctx: ExplorerContext, target: { region: string; name: string }): Promise<void> {
  ctx.values.secretChanged(target.region, target.name);
  await ctx.tree.secretChanged(target.region, target.name);
}

function progress<T>(title: string, task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task);
}

/** A version id KMS accepts, unique enough for one user: `v20240601-123456-ab12`. */
export function newVersionId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `v${stamp}-${Math.random().toString(16).slice(2, 6)}`;
}

const isCreateArgs = (x: unknown): x is CreateSecretArgs =>
  !!x &&
  typeof x === 'object' &&
  !(x instanceof vscode.Uri) &&
  ['name', 'value'].some((k) => typeof (x as Record<string, unknown>)[k] === 'string');

/**
 * Creates a Generic secret. From the editor's context menu (first argument: the document URI) the selection is the
 * value, and the selection can be replaced with the new reference. Scripts pass `CreateSecretArgs` (first or second
 * argument).
 */
export async function createSecret(ctx: ExplorerContext, arg?: unknown, extra?: unknown): Promise<string | undefined> {
  const args: CreateSecretArgs = isCreateArgs(arg) ? arg : isCreateArgs(extra) ? extra : {};
  const editor = vscode.window.activeTextEditor;
  // From the editor's context menu VS Code passes the document's URI: the selection becomes the value.
  const fromSelection = arg instanceof vscode.Uri && editor && !editor.selection.isEmpty ? editor : undefined;
  const selection = fromSelection?.selection;
  const region = args.region ?? ctx.connections.region;
  const title = 'Create Secret';

  let value = args.value ?? (fromSelection ? fromSelection.document.getText(selection) : undefined);
  if (value === undefined) value = await askValue(title);
  if (value === undefined) return undefined;
  const valueProblem = validateValue(value);
  if (valueProblem) throw new Error(valueProblem);
  ctx.redactor.register(value);

  let name = args.name;
  if (name === undefined) {
    name = (
      await vscode.window.showInputBox({
        title,
        prompt: `Name of the new secret in ${region}`,
        placeHolder: 'app/orders/db-password',
        ignoreFocusOut: true,
        validateInput: (v) => validateNewSecretName(v.trim()),
      })
    )?.trim();
    if (!name) return undefined;
  }
  const nameProblem = validateNewSecretName(name);
  if (nameProblem) throw new Error(nameProblem);

  let description = args.description;
  if (description === undefined && args.name === undefined) {
    description = await vscode.window.showInputBox({ title, prompt: 'Description (optional)', ignoreFocusOut: true });
    if (description === undefined) return undefined;
  }
  const tags = Object.entries(args.tags ?? {}).map(([key, v]) => ({ key, value: v }));
  const backend = await ctx.connections.backend(region);
  const secretName = name;
  await progress(`Creating secret "${secretName}"…`, () =>
    backend.createSecret({ name: secretName, value: value as string, description: description || undefined, tags }),
  );
  ctx.log.info(`Created secret ${secretName} in ${region}.`);
  await changed(ctx, { region, name: secretName });

  const reference = formatReference({
    name: secretName,
    region: region !== ctx.connections.region ? region : undefined,
  });
  if (fromSelection && selection) {
    const replace =
      args.replaceSelection ??
      (await vscode.window.showInformationMessage(
        `Created "${secretName}". Replace the selection with ${reference}?`,
        'Replace',
        'Keep',
      )) === 'Replace';
    if (replace) await fromSelection.edit((edit) => edit.replace(selection, reference));
  } else if (args.name === undefined) {
    void vscode.window
      .showInformationMessage(`Created "${secretName}".`, 'Copy Reference')
      .then((c) => c && vscode.env.clipboard.writeText(reference));
  }
  return secretName;
}

export async function putSecretValue(ctx: ExplorerContext, arg?: unknown, args: PutValueArgs = {}): Promise<void> {
  const target = await resolveTarget(
    arg,
    ctx,
    'Put New Secret Value',
    (t) => !t.deleting && (t.type === undefined || !isManaged(t.type)),
  );
  if (!target) return;
  if (target.type && isManaged(target.type))
    throw new Error(`"${target.name}" is managed by KMS: rotate it instead of putting a value.`);
  const title = `New value for "${target.name}"`;
  const value = args.value ?? (await askValue(title));
  if (value === undefined) return;
  const problem = validateValue(value);
  if (problem) throw new Error(problem);
  ctx.redactor.register(value);
  let stages = args.stages;
  if (stages === undefined && args.value === undefined) {
    const text = await vscode.window.showInputBox({
      title,
      prompt: 'Stages of the new version, comma-separated (ACSCurrent makes it the current value)',
      value: 'ACSCurrent',
      validateInput: (v) => stageProblem(splitList(v)),
    });
    if (text === undefined) return;
    stages = splitList(text);
  }
  const stageError = stages ? stageProblem(stages) : undefined;
  if (stageError) throw new Error(stageError);
  const backend = await ctx.connections.backend(target.region);
  const versionId = args.versionId ?? newVersionId();
  await progress(`Putting a new value into "${target.name}"…`, () =>
    backend.putSecretValue(target.name, value, { versionId, stages }),
  );
  ctx.log.info(`Put version ${versionId} into ${target.name}${stages?.length ? ` (${stages.join(', ')})` : ''}.`);
  await changed(ctx, target);
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function stageProblem(stages: string[]): string | undefined {
  if (stages.length > 8) return 'A version has at most 8 stages.';
  const bad = stages.find((s) => !STAGE_PATTERN.test(s));
  return bad ? `Stage names are 1–64 letters, digits and _.- ("${bad}" is not).` : undefined;
}

export function validateInterval(text: string): string | undefined {
  const m = /^(\d+)([smhd])$/.exec(text.trim());
  if (!m) return 'Write the interval as a number and a unit: 7d, 12h or 604800s.';
  const seconds = Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return seconds < 6 * 3600 || seconds > 8760 * 3600 ? 'The interval is 6 hours to 365 days.' : undefined;
}

export async function rotateSecret(ctx: ExplorerContext, arg?: unknown, args?: RotateArgs): Promise<void> {
  const target = await resolveTarget(arg, ctx, 'Rotate Secret', (t) => !t.deleting);
  if (!target) return;
  const backend = await ctx.connections.backend(target.region);
  const type = target.type ?? (await backend.describeSecret(target.name)).type;
  if (!isManaged(type)) {
    // Generic secrets rotate by a new value under ACSCurrent.
    if (args) throw new Error(`"${target.name}" is a Generic secret: put a new value to rotate it.`);
    await putSecretValue(ctx, { name: target.name, region: target.region });
    return;
  }
  let action = args?.action;
  let interval = args?.interval;
  if (!action) {
    const details = await backend.describeSecret(target.name);
    const r = details.rotation;
    const items: (vscode.QuickPickItem & { action: RotateArgs['action'] })[] = [
      {
        label: '$(sync) Rotate now',
        detail: 'KMS creates new credentials at once; the old ones become ACSPrevious.',
        action: 'rotate',
      },
      r?.enabled
        ? {
            label: '$(debug-pause) Turn automatic rotation off',
            description: r.interval ? `now every ${r.interval}` : undefined,
            action: 'disable',
          }
        : { label: '$(history) Turn automatic rotation on…', action: 'enable' },
    ];
    if (r?.enabled)
      items.push({ label: '$(edit) Change the rotation interval…', description: r.interval, action: 'enable' });
    const choice = await vscode.window.showQuickPick(items, { title: `Rotate "${target.name}"` });
    if (!choice) return;
    action = choice.action;
    if (action === 'rotate') {
      const ok = await vscode.window.showWarningMessage(
        `Rotate "${target.name}" now?`,
        {
          modal: true,
          detail: 'Applications that cache the old credentials keep working until ACSPrevious is rotated away.',
        },
        'Rotate',
      );
      if (ok !== 'Rotate') return;
    }
    if (action === 'enable') {
      interval = (
        await vscode.window.showInputBox({
          title: 'Rotation interval',
          prompt: '6 hours to 365 days, e.g. 7d, 12h',
          value: r?.interval ?? '7d',
          validateInput: validateInterval,
        })
      )?.trim();
      if (!interval) return;
    }
  }
  if (action === 'enable') {
    const problem = validateInterval(interval ?? '');
    if (problem) throw new Error(problem);
  }
  const name = target.name;
  if (action === 'rotate') await progress(`Rotating "${name}"…`, () => backend.rotateSecret(name));
  else
    await progress(`Updating the rotation of "${name}"…`, () =>
      backend.setRotationPolicy(name, action === 'enable', action === 'enable' ? interval : undefined),
    );
  ctx.log.info(
    action === 'rotate'
      ? `Rotated ${name}.`
      : `Automatic rotation of ${name} ${action === 'enable' ? `on, every ${interval}` : 'off'}.`,
  );
  await changed(ctx, target);
}

export async function deleteSecret(ctx: ExplorerContext, arg?: unknown, args: DeleteArgs = {}): Promise<void> {
  const target = await resolveTarget(arg, ctx, 'Delete Secret', (t) => !t.deleting);
  if (!target) return;
  let days = args.recoveryWindowInDays;
  let force = args.force ?? (days !== undefined ? false : undefined);
  if (force === undefined) {
    const choice = await vscode.window.showQuickPick(
      [
        {
          label: '$(history) Schedule deletion',
          detail: 'The secret can be restored during a recovery window of 7 to 30 days.',
          force: false,
        },
        {
          label: '$(trash) Delete immediately',
          detail: 'Cannot be undone. Applications using the secret fail at once.',
          force: true,
        },
      ],
      { title: `Delete "${target.name}"` },
    );
    if (!choice) return;
    force = choice.force;
  }
  if (!force && days === undefined) {
    const text = await vscode.window.showInputBox({
      title: `Delete "${target.name}"`,
      prompt: 'Recovery window in days (7–30)',
      value: '30',
      validateInput: (v) =>
        /^\d+$/.test(v.trim()) && +v >= 7 && +v <= 30 ? undefined : 'Type a number of days from 7 to 30.',
    });
    if (text === undefined) return;
    days = Number(text.trim());
  }
  if (!force && (days === undefined || !Number.isInteger(days) || days < 7 || days > 30))
    throw new Error('The recovery window is 7 to 30 days.');
  if (!(args.confirmed && scriptedConsentAllowed())) {
    const action = force ? 'Delete Now' : 'Schedule Deletion';
    const ok = await vscode.window.showWarningMessage(
      force ? `Delete "${target.name}" permanently?` : `Delete "${target.name}" after ${days} days?`,
      {
        modal: true,
        detail: force
          ? 'All versions are destroyed now; this cannot be undone.'
          : `You can restore it until then with Restore Secret.`,
      },
      action,
    );
    if (ok !== action) return;
  }
  const backend = await ctx.connections.backend(target.region);
  await progress(`Deleting "${target.name}"…`, () =>
    backend.deleteSecret(target.name, { force: !!force, recoveryWindowInDays: force ? undefined : days }),
  );
  ctx.log.info(
    force ? `Deleted ${target.name} permanently.` : `Scheduled ${target.name} for deletion in ${days} days.`,
  );
  await changed(ctx, target);
}

export async function restoreSecret(ctx: ExplorerContext, arg?: unknown): Promise<void> {
  const target = await resolveTarget(arg, ctx, 'Restore Secret', (t) => t.deleting !== false);
  if (!target) return;
  const backend = await ctx.connections.backend(target.region);
  await progress(`Restoring "${target.name}"…`, () => backend.restoreSecret(target.name));
  ctx.log.info(`Restored ${target.name}.`);
  await changed(ctx, target);
}

export function parseTags(text: string): Tag[] | string {
  const tags: Tag[] = [];
  for (const part of splitList(text)) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!key) return `"${part}" has no key. Write key=value, separated by commas.`;
    if (key.length > 128 || value.length > 256) return 'Tag keys are at most 128 characters, values at most 256.';
    if (key.toLowerCase().startsWith('acs:') || key.toLowerCase().startsWith('aliyun'))
      return `Tag keys may not start with acs: or aliyun ("${key}").`;
    if (tags.some((t) => t.key === key)) return `The key "${key}" appears twice.`;
    tags.push({ key, value });
  }
  return tags.length > MAX_TAGS ? `A secret has at most ${MAX_TAGS} tags.` : tags;
}

export async function editTags(ctx: ExplorerContext, arg?: unknown, args?: EditTagsArgs): Promise<void> {
  const target = await resolveTarget(arg, ctx, 'Edit Tags', (t) => !t.deleting);
  if (!target) return;
  const backend = await ctx.connections.backend(target.region);
  const current = (await backend.describeSecret(target.name)).tags;
  let set: Tag[];
  let remove: string[];
  if (args) {
    set = Object.entries(args.set ?? {}).map(([key, value]) => ({ key, value }));
    remove = args.remove ?? [];
  } else {
    const text = await vscode.window.showInputBox({
      title: `Tags of "${target.name}"`,
      prompt: 'key=value pairs separated by commas; remove a pair to delete that tag',
      value: current.map((t) => `${t.key}=${t.value}`).join(', '),
      validateInput: (v) => {
        const parsed = parseTags(v);
        return typeof parsed === 'string' ? parsed : undefined;
      },
    });
    if (text === undefined) return;
    const wanted = parseTags(text);
    if (typeof wanted === 'string') throw new Error(wanted);
    set = wanted.filter((w) => !current.some((c) => c.key === w.key && c.value === w.value));
    remove = current.filter((c) => !wanted.some((w) => w.key === c.key)).map((c) => c.key);
  }
  if (!set.length && !remove.length) return;
  await progress(`Updating the tags of "${target.name}"…`, async () => {
    if (remove.length) await backend.untagSecret(target.name, remove);
    if (set.length) await backend.tagSecret(target.name, set);
  });
  ctx.log.info(
    `Tags of ${target.name}: set ${set.map((t) => t.key).join(', ') || 'none'}; removed ${remove.join(', ') || 'none'}.`,
  );
  await changed(ctx, target);
}

export async function editDescription(
  ctx: ExplorerContext,
  arg?: unknown,
  args?: { description: string },
): Promise<void> {
  const target = await resolveTarget(arg, ctx, 'Edit Description', (t: Target) => !t.deleting);
  if (!target) return;
  const backend = await ctx.connections.backend(target.region);
  let description = args?.description;
  if (description === undefined) {
    const current = (await backend.describeSecret(target.name)).description ?? '';
    description = await vscode.window.showInputBox({
      title: `Description of "${target.name}"`,
      value: current,
      validateInput: (v) => (v.length > 1024 ? 'Descriptions are at most 1,024 characters.' : undefined),
    });
    if (description === undefined || description === current) return;
  }
  const text = description;
  await progress(`Updating the description of "${target.name}"…`, () => backend.updateDescription(target.name, text));
  ctx.log.info(`Updated the description of ${target.name}.`);
  await changed(ctx, target);
}
