import * as vscode from 'vscode';
import type { ConnectionManager } from '../connection/connectionManager';
import { validateSecretName } from '../core/kms';
import { DEFAULT_DAYS, RETENTION_DAYS, validateDays } from '../core/trail';
import { isTargetNode } from '../explorer/nodes';
import { asSecretTarget, scriptedArgs } from '../platform/automation';
import type { Config } from '../platform/config';
import { windowText } from './format';
import type { UnusedMarks } from './unusedMarks';
import { USAGE_VIEW, type UsageSubject, type UsageTreeProvider } from './usageTree';

/** What the usage commands share. */
export interface UsageContext {
  readonly connections: ConnectionManager;
  readonly config: Config;
  readonly tree: UsageTreeProvider;
  readonly marks: UnusedMarks;
}

/** The secret a command is about: a row of the Secrets view, a `secretTarget(…)`, else one the user names. */
async function subjectOf(ctx: UsageContext, arg: unknown): Promise<UsageSubject | undefined> {
  if (isTargetNode(arg)) return { region: arg.region, name: arg.name };
  const target = asSecretTarget(arg);
  if (target) return { region: target.region ?? ctx.connections.region, name: target.name };
  const name =
    scriptedArgs<{ name: string }>(arg)?.name ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Show Usage'),
      prompt: vscode.l10n.t('The name of a secret in {0}', ctx.connections.region),
      validateInput: (value) => (value.trim() ? validateSecretName(value.trim()) : undefined),
    }));
  return name?.trim() ? { region: ctx.connections.region, name: name.trim() } : undefined;
}

/** `kmsSecrets.showUsage`: the secret's reads and changes of the last N days in the Usage view. */
export async function showUsage(ctx: UsageContext, arg?: unknown): Promise<void> {
  const subject = await subjectOf(ctx, arg);
  if (subject) await showSubject(ctx, subject);
}

async function showSubject(ctx: UsageContext, subject: UsageSubject): Promise<void> {
  await vscode.commands.executeCommand(`${USAGE_VIEW}.focus`);
  await ctx.tree.show(subject);
}

/** `kmsSecrets.usage.setDays`: how far back Show Usage and the unused marks look (the setting). */
export async function setDays(ctx: UsageContext, arg?: unknown): Promise<number | undefined> {
  const current = ctx.config.usageDays;
  let days = scriptedArgs<{ days: number }>(arg)?.days;
  if (days === undefined) {
    type Item = vscode.QuickPickItem & { days?: number };
    const items: Item[] = [1, DEFAULT_DAYS, 30, RETENTION_DAYS].map((n) => ({
      label: windowText(n),
      description: n === current ? vscode.l10n.t('current') : undefined,
      days: n,
    }));
    items.push({ label: vscode.l10n.t('Other…') });
    const choice = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Secret Usage: How Far Back'),
      placeHolder: vscode.l10n.t('ActionTrail keeps events for {0} days', RETENTION_DAYS),
    });
    if (!choice) return undefined;
    days = choice.days;
    if (days === undefined) {
      const typed = await vscode.window.showInputBox({
        title: vscode.l10n.t('Secret Usage: How Far Back'),
        prompt: vscode.l10n.t('Days (1–{0})', RETENTION_DAYS),
        value: String(current),
        validateInput: (value) => (validateDays(Number(value.trim())) ? daysProblem() : undefined),
      });
      if (typed === undefined) return undefined;
      days = Number(typed.trim());
    }
  }
  if (validateDays(days)) throw new Error(daysProblem());
  if (days !== current) await ctx.config.write('usage.days', days);
  return days;
}

function daysProblem(): string {
  return vscode.l10n.t('Type a whole number of days from 1 to {0}.', RETENTION_DAYS);
}

/** One region's answer, as the mark command reports it (and returns it to tests). */
export interface UnusedSummary {
  region: string;
  days: number;
  unused: string[];
  total: number;
}

/**
 * `kmsSecrets.usage.markUnused`: turns the marks on, waits for the scans of the explorer's regions (cancellable: cancel
 * turns the marks off again) and says what they found, with a list to pick from.
 */
export async function markUnused(ctx: UsageContext): Promise<UnusedSummary[]> {
  if (!ctx.config.markUnusedSecrets) await ctx.config.write('usage.markUnused', true);
  const regions = ctx.connections.regions;
  const days = ctx.config.usageDays;
  const summaries = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Looking for secrets nobody read in {0}…', windowText(days)),
      cancellable: true,
    },
    async (_progress, token) => {
      token.onCancellationRequested(() => void ctx.config.write('usage.markUnused', false));
      const reports = await Promise.all(regions.map((region) => ctx.marks.scan(region)));
      if (token.isCancellationRequested) return [];
      return reports.flatMap((report, i): UnusedSummary[] =>
        report
          ? [
              {
                region: regions[i],
                days: report.days,
                unused: report.unused,
                total: report.unused.length + report.lastRead.size,
              },
            ]
          : [],
      );
    },
  );
  if (summaries.length) void offerList(ctx, summaries);
  return summaries;
}

async function offerList(ctx: UsageContext, summaries: UnusedSummary[]): Promise<void> {
  const unused = summaries.flatMap((s) => s.unused.map((name) => ({ region: s.region, name })));
  const text = summaries
    .map((s) =>
      vscode.l10n.t(
        '{0} of {1} secrets in {2} were not read in {3}.',
        s.unused.length,
        s.total,
        s.region,
        windowText(s.days),
      ),
    )
    .join(' ');
  const list = vscode.l10n.t('List Them');
  const choice = await vscode.window.showInformationMessage(text, ...(unused.length ? [list] : []));
  if (choice !== list) return;
  const picked = await vscode.window.showQuickPick(
    unused.map((u) => ({ label: u.name, description: u.region, subject: u })),
    { title: vscode.l10n.t('Secrets Nobody Read'), placeHolder: vscode.l10n.t('Pick one to see its usage') },
  );
  if (picked) await showSubject(ctx, picked.subject);
}

/** `kmsSecrets.usage.unmarkUnused`: the marks go, and any scan stops. */
export async function unmarkUnused(ctx: UsageContext): Promise<void> {
  await ctx.config.write('usage.markUnused', false);
}
