import * as vscode from 'vscode';
import type { Config } from '../platform/config';
import type { ConnectionManager } from './connectionManager';
import { kmsRegions, validateRegionId } from './regions';

/** Scripted answers of `kmsSecrets.selectRegion` (tests): the active region, and optionally every region listed. */
export interface SelectRegionArgs {
  region?: string;
  explorerRegions?: string[];
}

type Choice = vscode.QuickPickItem & { run: () => Promise<void> };

export async function selectRegion(
  connections: ConnectionManager,
  config: Config,
  args?: SelectRegionArgs,
): Promise<void> {
  if (args) {
    for (const r of [args.region, ...(args.explorerRegions ?? [])]) {
      const problem = r === undefined ? undefined : validateRegionId(r);
      if (problem) throw new Error(problem);
    }
    if (args.region !== undefined) await config.write('region', args.region);
    if (args.explorerRegions !== undefined) await config.write('explorer.regions', args.explorerRegions);
    return;
  }
  const current = connections.region;
  const explorerRegions = connections.regions;
  const regions = kmsRegions();
  const known = regions.some((r) => r.id === current)
    ? regions
    : [{ id: current, name: vscode.l10n.t('configured') }, ...regions];
  const items: Choice[] = [
    ...known.map((r) => ({
      label: r.id === current ? `$(check) ${r.id}` : r.id,
      description: r.name,
      run: () => config.write('region', r.id),
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator, run: async () => undefined },
    {
      label: `$(list-flat) ${vscode.l10n.t('Show several regions in the explorer…')}`,
      description: explorerRegions.length > 1 ? explorerRegions.join(', ') : undefined,
      run: () => pickExplorerRegions(config, current, explorerRegions),
    },
    { label: `$(edit) ${vscode.l10n.t('Other region…')}`, run: () => otherRegion(config) },
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('KMS region'),
    placeHolder: vscode.l10n.t('Active region: {0}', current),
    matchOnDescription: true,
  });
  await choice?.run();
}

async function pickExplorerRegions(config: Config, active: string, selected: string[]): Promise<void> {
  const regions = kmsRegions();
  const ids = [...new Set([active, ...selected, ...regions.map((r) => r.id)])];
  const picked = await vscode.window.showQuickPick(
    ids.map((id) => ({
      label: id,
      description: regions.find((r) => r.id === id)?.name,
      picked: selected.includes(id),
    })),
    { title: vscode.l10n.t('Regions listed in the KMS Secrets explorer'), canPickMany: true },
  );
  if (!picked) return;
  const list = picked.map((p) => p.label);
  await config.write('explorer.regions', list.length === 1 && list[0] === active ? [] : list);
}

async function otherRegion(config: Config): Promise<void> {
  const id = await vscode.window.showInputBox({
    title: vscode.l10n.t('KMS region'),
    prompt: vscode.l10n.t('Region id, e.g. {0}', 'cn-hangzhou'),
    validateInput: (v) => validateRegionId(v.trim()),
  });
  if (id) await config.write('region', id.trim());
}
