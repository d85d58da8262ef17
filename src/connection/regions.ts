/** Regions where KMS Secrets Manager is offered (public endpoints `kms.<id>.aliyuncs.com`). */
export const KMS_REGIONS: readonly { id: string; name: string }[] = [
  { id: 'cn-hangzhou', name: 'China (Hangzhou)' },
  { id: 'cn-shanghai', name: 'China (Shanghai)' },
  { id: 'cn-beijing', name: 'China (Beijing)' },
  { id: 'cn-shenzhen', name: 'China (Shenzhen)' },
  { id: 'cn-qingdao', name: 'China (Qingdao)' },
  { id: 'cn-zhangjiakou', name: 'China (Zhangjiakou)' },
  { id: 'cn-huhehaote', name: 'China (Hohhot)' },
  { id: 'cn-wulanchabu', name: 'China (Ulanqab)' },
  { id: 'cn-chengdu', name: 'China (Chengdu)' },
  { id: 'cn-guangzhou', name: 'China (Guangzhou)' },
  { id: 'cn-hongkong', name: 'China (Hong Kong)' },
  { id: 'ap-northeast-1', name: 'Japan (Tokyo)' },
  { id: 'ap-northeast-2', name: 'South Korea (Seoul)' },
  { id: 'ap-southeast-1', name: 'Singapore' },
  { id: 'ap-southeast-3', name: 'Malaysia (Kuala Lumpur)' },
  { id: 'ap-southeast-5', name: 'Indonesia (Jakarta)' },
  { id: 'ap-southeast-6', name: 'Philippines (Manila)' },
  { id: 'ap-southeast-7', name: 'Thailand (Bangkok)' },
  { id: 'eu-central-1', name: 'Germany (Frankfurt)' },
  { id: 'eu-west-1', name: 'UK (London)' },
  { id: 'us-west-1', name: 'US (Silicon Valley)' },
  { id: 'us-east-1', name: 'US (Virginia)' },
  { id: 'me-east-1', name: 'UAE (Dubai)' },
  { id: 'me-central-1', name: 'Saudi Arabia (Riyadh)' },
];

export function validateRegionId(id: string): string | undefined {
  return /^[a-z0-9-]{2,64}$/.test(id) ? undefined : 'Region ids are lowercase letters, digits and -, e.g. cn-hangzhou.';
}
