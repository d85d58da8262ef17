/** Every command id the extension registers, typed once so a typo is a compile error, not a silent no-op. */
export const Commands = {
  refresh: 'kmsSecrets.refresh',
  showLog: 'kmsSecrets.showLog',
  openSettings: 'kmsSecrets.openSettings',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
