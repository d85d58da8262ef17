import * as vscode from 'vscode';

/**
 * Regions where KMS Secrets Manager is offered (public endpoints `kms.<id>.aliyuncs.com`), named as the Alibaba Cloud
 * console names them in the display language.
 */
export function kmsRegions(): { id: string; name: string }[] {
  return [
    { id: 'cn-hangzhou', name: vscode.l10n.t('China (Hangzhou)') },
    { id: 'cn-shanghai', name: vscode.l10n.t('China (Shanghai)') },
    { id: 'cn-beijing', name: vscode.l10n.t('China (Beijing)') },
    { id: 'cn-shenzhen', name: vscode.l10n.t('China (Shenzhen)') },
    { id: 'cn-qingdao', name: vscode.l10n.t('China (Qingdao)') },
    { id: 'cn-zhangjiakou', name: vscode.l10n.t('China (Zhangjiakou)') },
    { id: 'cn-huhehaote', name: vscode.l10n.t('China (Hohhot)') },
    { id: 'cn-wulanchabu', name: vscode.l10n.t('China (Ulanqab)') },
    { id: 'cn-chengdu', name: vscode.l10n.t('China (Chengdu)') },
    { id: 'cn-guangzhou', name: vscode.l10n.t('China (Guangzhou)') },
    { id: 'cn-hongkong', name: vscode.l10n.t('China (Hong Kong)') },
    { id: 'ap-northeast-1', name: vscode.l10n.t('Japan (Tokyo)') },
    { id: 'ap-northeast-2', name: vscode.l10n.t('South Korea (Seoul)') },
    { id: 'ap-southeast-1', name: vscode.l10n.t('Singapore') },
    { id: 'ap-southeast-3', name: vscode.l10n.t('Malaysia (Kuala Lumpur)') },
    { id: 'ap-southeast-5', name: vscode.l10n.t('Indonesia (Jakarta)') },
    { id: 'ap-southeast-6', name: vscode.l10n.t('Philippines (Manila)') },
    { id: 'ap-southeast-7', name: vscode.l10n.t('Thailand (Bangkok)') },
    { id: 'eu-central-1', name: vscode.l10n.t('Germany (Frankfurt)') },
    { id: 'eu-west-1', name: vscode.l10n.t('UK (London)') },
    { id: 'us-west-1', name: vscode.l10n.t('US (Silicon Valley)') },
    { id: 'us-east-1', name: vscode.l10n.t('US (Virginia)') },
    { id: 'me-east-1', name: vscode.l10n.t('UAE (Dubai)') },
    { id: 'me-central-1', name: vscode.l10n.t('Saudi Arabia (Riyadh)') },
  ];
}

export function validateRegionId(id: string): string | undefined {
  return /^[a-z0-9-]{2,64}$/.test(id)
    ? undefined
    : vscode.l10n.t('Region ids are lowercase letters, digits and -, e.g. {0}.', 'cn-hangzhou');
}
