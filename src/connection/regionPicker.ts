import * as vscode from 'vscode';
import type { Config } from '../platform/config';
import type { ConnectionManager } from './connectionManager';
import { KMS_REGIONS, validateRegionId } from './regions';

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
  const known = KMS_REGIONS.some((r) => r.id === current)
    ? KMS_REGIONS
    : [{ id: current, name: 'configured' }, ...KMS_REGIONS];
  const items: Choice[] = [
    ...known.map((r) => ({
      label: r.id === current ? `$(check) ${r.id}` : r.id,
      description: r.name,
      run: () => config.write('region', r.id),
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator, run: async () => undefined },
    {
      label: '$(list-flat) Show several regions in the explorer…',
      description: explorerRegions.length > 1 ? explorerRegions.join(', ') : undefined,
      run: () => pickExplorerRegions(config, current, explorerRegions),
    },
    { label: '$(edit) Other region…', run: () => otherRegion(config) },
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title: 'KMS region',
    placeHolder: `Active region: ${current}`,
    matchOnDescription: true,
  });
  await choice?.run();
}

async function pickExplorerRegions(config: Config, active: string, selected: string[]): Promise<void> {
  const ids = [...new Set([active, ...selected, ...KMS_REGIONS.map((r) => r.id)])];
  const picked = await vscode.window.showQuickPick(
    ids.map((id) => ({
      label: id,
      description: KMS_REGIONS.find((r) => r.id === id)?.name,
      picked: selected.includes(id),
    })),
    { title: 'Regions listed in the KMS Secrets explorer', canPickMany: true },
  );
  if (!picked) return;
  const list = picked.map((p) => p.label);
  await config.write('explorer.regions', list.length === 1 && list[0] === active ? [] : list);
}

async function otherRegion(config: Config): Promise<void> {
  const id = await vscode.window.showInputBox({
    title: 'KMS region',
    prompt: 'Region id, e.g. cn-hangzhou',
    validateInput: (v) => validateRegionId(v.trim()),
  });
  if (id) await config.write('region', id.trim());
}
