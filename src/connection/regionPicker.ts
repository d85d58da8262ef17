import * as vscode from 'vscode';
import { writeSetting, type ConnectionManager } from './connectionManager';
import { KMS_REGIONS, validateRegionId } from './regions';

/** Non-interactive form of `kmsSecrets.selectRegion`: the active region, and optionally every region the explorer lists. */
export interface SelectRegionArgs {
  region?: string;
  explorerRegions?: string[];
}

type Choice = vscode.QuickPickItem & { run: () => Promise<void> };

export async function selectRegion(connections: ConnectionManager, args?: SelectRegionArgs): Promise<void> {
  if (args) {
    for (const r of [args.region, ...(args.explorerRegions ?? [])]) {
      const problem = r === undefined ? undefined : validateRegionId(r);
      if (problem) throw new Error(problem);
    }
    if (args.region !== undefined) await writeSetting('region', args.region);
    if (args.explorerRegions !== undefined) await writeSetting('explorer.regions', args.explorerRegions);
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
      run: () => writeSetting('region', r.id),
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator, run: async () => undefined },
    {
      label: '$(list-flat) Show several regions in the explorer…',
      description: explorerRegions.length > 1 ? explorerRegions.join(', ') : undefined,
      run: () => pickExplorerRegions(current, explorerRegions),
    },
    { label: '$(edit) Other region…', run: otherRegion },
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title: 'KMS region',
    placeHolder: `Active region: ${current}`,
    matchOnDescription: true,
  });
  await choice?.run();
}

async function pickExplorerRegions(active: string, selected: string[]): Promise<void> {
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
  await writeSetting('explorer.regions', list.length === 1 && list[0] === active ? [] : list);
}

async function otherRegion(): Promise<void> {
  const id = await vscode.window.showInputBox({
    title: 'KMS region',
    prompt: 'Region id, e.g. cn-hangzhou',
    validateInput: (v) => validateRegionId(v.trim()),
  });
  if (id) await writeSetting('region', id.trim());
}
