import * as vscode from 'vscode';
import type { Tag } from '../core/kms/types';
import { formatReference } from '../core/reference';
import { formatRotationInterval, rotationIntervalInput, validateRotationInterval } from '../core/rotation';
import {
  isManaged,
  newVersionId,
  parseTags,
  splitList,
  validateDescription,
  validateNewSecretName,
  validateRecoveryDays,
  validateSecretValue,
  validateStages,
} from '../core/secretInput';
import { askNewSecretName } from '../connection/secretNameBox';
import { asSecretTarget, scriptedArgs, secretTarget } from '../platform/automation';
import { resolveTarget, Target, type ExplorerContext } from './targets';

/**
 * The explorer's commands that change secrets. Each takes its target as the first argument (a tree row, or a
 * `secretTarget(…)` from the extension's own quick fixes) and, in the project's test host only, scripted answers to its
 * prompts as the second (`scripted(…)`, src/platform/automation.ts).
 */

/** Scripted answers of `kmsSecrets.createSecret`. */
export interface CreateSecretArgs {
  name?: string;
  value?: string;
  description?: string;
  tags?: Record<string, string>;
  region?: string;
  /** Replace the editor selection the value came from with the new reference (default: ask). */
  replaceSelection?: boolean;
}

/** Scripted answers of `kmsSecrets.putSecretValue`. */
export interface PutValueArgs {
  value?: string;
  versionId?: string;
  stages?: string[];
}

/** Scripted answers of `kmsSecrets.rotateSecret`. */
export interface RotateArgs {
  action: 'rotate' | 'enable' | 'disable';
  /** `7d`, `12h`, `604800s` (6 hours to 365 days). */
  interval?: string;
}

/** Scripted answers of `kmsSecrets.deleteSecret`. */
export interface DeleteArgs {
  force?: boolean;
  recoveryWindowInDays?: number;
  /** Stands for the user's answer to the confirmation. */
  confirmed?: boolean;
}

/** Scripted answers of `kmsSecrets.editTags`. */
export interface EditTagsArgs {
  set?: Record<string, string>;
  remove?: string[];
}

/** Scripted answer of `kmsSecrets.editDescription`. */
export interface EditDescriptionArgs {
  description: string;
}

function askValue(title: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Secret value (hidden as you type)'),
    password: true,
    ignoreFocusOut: true,
    validateInput: validateSecretValue,
  });
}

async function changed(ctx: ExplorerContext, target: { region: string; name: string }): Promise<void> {
  ctx.values.secretChanged(target.region, target.name);
  await ctx.tree.secretChanged(target.region, target.name);
}

function progress<T>(title: string, task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task);
}

/**
 * Creates a Generic secret. From the editor's context menu (first argument: the document URI) the selection is the
 * value, and the selection can be replaced with the new reference. A `secretTarget` (a broken reference's quick fix)
 * names the secret to create. Anything else VS Code passes (the tree row selected under the view's + button) is not
 * an answer: the user is asked.
 */
export async function createSecret(ctx: ExplorerContext, arg?: unknown, extra?: unknown): Promise<string | undefined> {
  const named = asSecretTarget(arg);
  const args: CreateSecretArgs = {
    ...(named && { name: named.name, region: named.region }),
    ...(scriptedArgs<CreateSecretArgs>(arg) ?? scriptedArgs<CreateSecretArgs>(extra)),
  };
  const editor = vscode.window.activeTextEditor;
  // From the editor's context menu VS Code passes the document's URI: the selection becomes the value.
  const fromSelection = arg instanceof vscode.Uri && editor && !editor.selection.isEmpty ? editor : undefined;
  const selection = fromSelection?.selection;
  const region = args.region ?? ctx.connections.region;
  const title = vscode.l10n.t('Create Secret');

  let value = args.value ?? (fromSelection ? fromSelection.document.getText(selection) : undefined);
  if (value === undefined) value = await askValue(title);
  if (value === undefined) return undefined;
  const valueProblem = validateSecretValue(value);
  if (valueProblem) throw new Error(valueProblem);
  ctx.redactor.register(value);

  let name = args.name;
  if (name === undefined) {
    name = await askNewSecretName({
      title,
      prompt: vscode.l10n.t('Name of the new secret in {0}', region),
      placeHolder: 'app/orders/db-password',
      region,
      client: await ctx.connections.client(region),
      known: ctx.tree.loaded(region).map((s) => s.name),
    });
    if (!name) return undefined;
  }
  const nameProblem = validateNewSecretName(name);
  if (nameProblem) throw new Error(nameProblem);

  let description = args.description;
  if (description === undefined && args.name === undefined) {
    description = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Description (optional)'),
      ignoreFocusOut: true,
    });
    if (description === undefined) return undefined;
  }
  const tags = Object.entries(args.tags ?? {}).map(([key, v]) => ({ key, value: v }));
  const client = await ctx.connections.client(region);
  const secretName = name;
  await progress(vscode.l10n.t('Creating secret "{0}"…', secretName), () =>
    client.createSecret({ name: secretName, value: value as string, description: description || undefined, tags }),
  );
  ctx.log.info(`Created secret ${secretName} in ${region}.`);
  await changed(ctx, { region, name: secretName });

  const reference = formatReference({
    name: secretName,
    region: region !== ctx.connections.region ? region : undefined,
  });
  if (fromSelection && selection) {
    const replaceLabel = vscode.l10n.t('Replace');
    const replace =
      args.replaceSelection ??
      (await vscode.window.showInformationMessage(
        vscode.l10n.t('Created "{0}". Replace the selection with {1}?', secretName, reference),
        replaceLabel,
        vscode.l10n.t('Keep'),
      )) === replaceLabel;
    if (replace) await fromSelection.edit((edit) => edit.replace(selection, reference));
  } else if (args.name === undefined) {
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Created "{0}".', secretName), vscode.l10n.t('Copy Reference'))
      .then((c) => (c ? vscode.env.clipboard.writeText(reference) : undefined));
  }
  return secretName;
}

export async function putSecretValue(ctx: ExplorerContext, arg?: unknown, extra?: unknown): Promise<void> {
  const args = scriptedArgs<PutValueArgs>(extra) ?? {};
  const target = await resolveTarget(
    arg,
    ctx,
    vscode.l10n.t('Put New Secret Value'),
    (t) => !t.deleting && (t.type === undefined || !isManaged(t.type)),
  );
  if (!target) return;
  if (target.type && isManaged(target.type))
    throw new Error(vscode.l10n.t('"{0}" is managed by KMS: rotate it instead of putting a value.', target.name));
  const title = vscode.l10n.t('New value for "{0}"', target.name);
  const value = args.value ?? (await askValue(title));
  if (value === undefined) return;
  const problem = validateSecretValue(value);
  if (problem) throw new Error(problem);
  ctx.redactor.register(value);
  let stages = args.stages;
  if (stages === undefined && args.value === undefined) {
    const text = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Stages of the new version, comma-separated (ACSCurrent makes it the current value)'),
      value: 'ACSCurrent',
      validateInput: (v) => validateStages(splitList(v)),
    });
    if (text === undefined) return;
    stages = splitList(text);
  }
  const stageError = stages ? validateStages(stages) : undefined;
  if (stageError) throw new Error(stageError);
  const client = await ctx.connections.client(target.region);
  const versionId = args.versionId ?? newVersionId();
  await progress(vscode.l10n.t('Putting a new value into "{0}"…', target.name), () =>
    client.putSecretValue(target.name, { value, versionId, stages }),
  );
  ctx.log.info(`Put version ${versionId} into ${target.name}${stages?.length ? ` (${stages.join(', ')})` : ''}.`);
  await changed(ctx, target);
}

export async function rotateSecret(ctx: ExplorerContext, arg?: unknown, extra?: unknown): Promise<void> {
  const args = scriptedArgs<RotateArgs>(extra);
  const target = await resolveTarget(arg, ctx, vscode.l10n.t('Rotate Secret'), (t) => !t.deleting);
  if (!target) return;
  const client = await ctx.connections.client(target.region);
  const type = target.type ?? (await client.describeSecret(target.name)).type;
  if (!isManaged(type)) {
    // Generic secrets rotate by a new value under ACSCurrent.
    if (args) throw new Error(vscode.l10n.t('"{0}" is a Generic secret: put a new value to rotate it.', target.name));
    await putSecretValue(ctx, secretTarget({ name: target.name, region: target.region }));
    return;
  }
  let action = args?.action;
  let interval = args?.interval;
  if (!action) {
    const details = await client.describeSecret(target.name);
    const r = details.rotation;
    const every = formatRotationInterval(r?.interval);
    const items: (vscode.QuickPickItem & { action: RotateArgs['action'] })[] = [
      {
        label: vscode.l10n.t('$(sync) Rotate now'),
        detail: vscode.l10n.t('KMS creates new credentials at once; the old ones become ACSPrevious.'),
        action: 'rotate',
      },
      r?.enabled
        ? {
            label: vscode.l10n.t('$(debug-pause) Turn automatic rotation off'),
            description: every ? vscode.l10n.t('now every {0}', every) : undefined,
            action: 'disable',
          }
        : { label: vscode.l10n.t('$(history) Turn automatic rotation on…'), action: 'enable' },
    ];
    if (r?.enabled)
      items.push({
        label: vscode.l10n.t('$(edit) Change the rotation interval…'),
        description: every,
        action: 'enable',
      });
    const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Rotate "{0}"', target.name) });
    if (!choice) return;
    action = choice.action;
    if (action === 'rotate') {
      const rotate = vscode.l10n.t('Rotate');
      const ok = await vscode.window.showWarningMessage(
        vscode.l10n.t('Rotate "{0}" now?', target.name),
        {
          modal: true,
          detail: vscode.l10n.t(
            'Applications that cache the old credentials keep working until ACSPrevious is rotated away.',
          ),
        },
        rotate,
      );
      if (ok !== rotate) return;
    }
    if (action === 'enable') {
      interval = (
        await vscode.window.showInputBox({
          title: vscode.l10n.t('Rotation interval'),
          prompt: vscode.l10n.t('6 hours to 365 days, e.g. 7d, 12h'),
          value: rotationIntervalInput(r?.interval) ?? '7d',
          validateInput: validateRotationInterval,
        })
      )?.trim();
      if (!interval) return;
    }
  }
  if (action === 'enable') {
    const problem = validateRotationInterval(interval ?? '');
    if (problem) throw new Error(problem);
  }
  const name = target.name;
  if (action === 'rotate') await progress(vscode.l10n.t('Rotating "{0}"…', name), () => client.rotateSecret(name));
  else
    await progress(vscode.l10n.t('Updating the rotation of "{0}"…', name), () =>
      client.updateRotationPolicy(name, {
        enabled: action === 'enable',
        interval: action === 'enable' ? interval : undefined,
      }),
    );
  ctx.log.info(
    action === 'rotate'
      ? `Rotated ${name}.`
      : `Automatic rotation of ${name} ${action === 'enable' ? `on, every ${interval}` : 'off'}.`,
  );
  await changed(ctx, target);
}

export async function deleteSecret(ctx: ExplorerContext, arg?: unknown, extra?: unknown): Promise<void> {
  const args = scriptedArgs<DeleteArgs>(extra) ?? {};
  const target = await resolveTarget(arg, ctx, vscode.l10n.t('Delete Secret'), (t) => !t.deleting);
  if (!target) return;
  let days = args.recoveryWindowInDays;
  let force = args.force ?? (days !== undefined ? false : undefined);
  if (force === undefined) {
    const choice = await vscode.window.showQuickPick(
      [
        {
          label: vscode.l10n.t('$(history) Schedule deletion'),
          detail: vscode.l10n.t('The secret can be restored during a recovery window of 7 to 30 days.'),
          force: false,
        },
        {
          label: vscode.l10n.t('$(trash) Delete immediately'),
          detail: vscode.l10n.t('Cannot be undone. Applications using the secret fail at once.'),
          force: true,
        },
      ],
      { title: vscode.l10n.t('Delete "{0}"', target.name) },
    );
    if (!choice) return;
    force = choice.force;
  }
  if (!force && days === undefined) {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Delete "{0}"', target.name),
      prompt: vscode.l10n.t('Recovery window in days (7–30)'),
      value: '30',
      validateInput: validateRecoveryDays,
    });
    if (text === undefined) return;
    days = Number(text.trim());
  }
  if (!force && (days === undefined || !Number.isInteger(days) || days < 7 || days > 30))
    throw new Error(vscode.l10n.t('The recovery window is 7 to 30 days.'));
  if (!args.confirmed) {
    const action = force ? vscode.l10n.t('Delete Now') : vscode.l10n.t('Schedule Deletion');
    const ok = await vscode.window.showWarningMessage(
      force
        ? vscode.l10n.t('Delete "{0}" permanently?', target.name)
        : vscode.l10n.t('Delete "{0}" after {1} days?', target.name, String(days)),
      {
        modal: true,
        detail: force
          ? vscode.l10n.t('All versions are destroyed now; this cannot be undone.')
          : vscode.l10n.t('You can restore it until then with Restore Secret.'),
      },
      action,
    );
    if (ok !== action) return;
  }
  const client = await ctx.connections.client(target.region);
  await progress(vscode.l10n.t('Deleting "{0}"…', target.name), () =>
    client.deleteSecret(target.name, force ? { force: true } : { recoveryWindowDays: days }),
  );
  ctx.log.info(
    force ? `Deleted ${target.name} permanently.` : `Scheduled ${target.name} for deletion in ${days} days.`,
  );
  await changed(ctx, target);
}

export async function restoreSecret(ctx: ExplorerContext, arg?: unknown): Promise<void> {
  const target = await resolveTarget(arg, ctx, vscode.l10n.t('Restore Secret'), (t) => t.deleting !== false);
  if (!target) return;
  const client = await ctx.connections.client(target.region);
  await progress(vscode.l10n.t('Restoring "{0}"…', target.name), () => client.restoreSecret(target.name));
  ctx.log.info(`Restored ${target.name}.`);
  await changed(ctx, target);
}

export async function editTags(ctx: ExplorerContext, arg?: unknown, extra?: unknown): Promise<void> {
  const args = scriptedArgs<EditTagsArgs>(extra);
  const target = await resolveTarget(arg, ctx, vscode.l10n.t('Edit Tags'), (t) => !t.deleting);
  if (!target) return;
  const client = await ctx.connections.client(target.region);
  const current = (await client.describeSecret(target.name)).tags;
  let set: Tag[];
  let remove: string[];
  if (args) {
    set = Object.entries(args.set ?? {}).map(([key, value]) => ({ key, value }));
    remove = args.remove ?? [];
  } else {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Tags of "{0}"', target.name),
      prompt: vscode.l10n.t('key=value pairs separated by commas; remove a pair to delete that tag'),
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
  await progress(vscode.l10n.t('Updating the tags of "{0}"…', target.name), async () => {
    if (remove.length) await client.untagSecret(target.name, remove);
    if (set.length) await client.tagSecret(target.name, set);
  });
  ctx.log.info(
    `Tags of ${target.name}: set ${set.map((t) => t.key).join(', ') || 'none'}; removed ${remove.join(', ') || 'none'}.`,
  );
  await changed(ctx, target);
}

export async function editDescription(ctx: ExplorerContext, arg?: unknown, extra?: unknown): Promise<void> {
  const args = scriptedArgs<EditDescriptionArgs>(extra);
  const target = await resolveTarget(arg, ctx, vscode.l10n.t('Edit Description'), (t: Target) => !t.deleting);
  if (!target) return;
  const client = await ctx.connections.client(target.region);
  let description = args?.description;
  if (description === undefined) {
    const current = (await client.describeSecret(target.name)).description ?? '';
    description = await vscode.window.showInputBox({
      title: vscode.l10n.t('Description of "{0}"', target.name),
      value: current,
      validateInput: validateDescription,
    });
    if (description === undefined || description === current) return;
  }
  const text = description;
  await progress(vscode.l10n.t('Updating the description of "{0}"…', target.name), () =>
    client.updateSecretDescription(target.name, text),
  );
  ctx.log.info(`Updated the description of ${target.name}.`);
  await changed(ctx, target);
}
