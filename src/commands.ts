/** Every command id the extension registers, typed once so a typo is a compile error, not a silent no-op. */
export const Commands = {
  refresh: 'kmsSecrets.refresh',
  showLog: 'kmsSecrets.showLog',
  openSettings: 'kmsSecrets.openSettings',
  /** Workspace values of connection settings (src/core/guardedSettings.ts): ask again, or forget answers. */
  reviewWorkspaceSettings: 'kmsSecrets.reviewWorkspaceSettings',
  manageSettingApprovals: 'kmsSecrets.manageSettingApprovals',

  // Connection (src/connection)
  signIn: 'kmsSecrets.signIn',
  signOut: 'kmsSecrets.signOut',
  selectProfile: 'kmsSecrets.selectProfile',
  selectRegion: 'kmsSecrets.selectRegion',
  /** The status-bar item's menu (not in the palette). */
  connectionMenu: 'kmsSecrets.connectionMenu',

  // Explorer (src/explorer)
  filter: 'kmsSecrets.filter',
  clearFilter: 'kmsSecrets.clearFilter',
  retry: 'kmsSecrets.retry',
  revealValue: 'kmsSecrets.revealValue',
  copyValue: 'kmsSecrets.copyValue',
  copyReference: 'kmsSecrets.copyReference',
  createSecret: 'kmsSecrets.createSecret',
  putSecretValue: 'kmsSecrets.putSecretValue',
  rotateSecret: 'kmsSecrets.rotateSecret',
  deleteSecret: 'kmsSecrets.deleteSecret',
  restoreSecret: 'kmsSecrets.restoreSecret',
  editTags: 'kmsSecrets.editTags',
  editDescription: 'kmsSecrets.editDescription',

  // Scanner (src/scanner); the quick-fix commands need a finding and are hidden from the palette.
  scanWorkspace: 'kmsSecrets.scanWorkspace',
  moveToKms: 'kmsSecrets.moveToKms',
  moveToExternalSecret: 'kmsSecrets.moveToExternalSecret',
  useExistingSecret: 'kmsSecrets.useExistingSecret',
  ignoreFinding: 'kmsSecrets.ignoreFinding',
  ignoreRuleInFile: 'kmsSecrets.ignoreRuleInFile',
  ignoreAllInFile: 'kmsSecrets.ignoreAllInFile',

  // References (src/references); replaceReference and runReferenceFix serve quick fixes and are hidden from the
  // palette.
  insertReference: 'kmsSecrets.insertReference',
  revealInExplorer: 'kmsSecrets.revealInExplorer',
  replaceReference: 'kmsSecrets.replaceReference',
  runReferenceFix: 'kmsSecrets.runReferenceFix',

  // Usage (src/usage): who read a secret, from ActionTrail; loadMore and stop serve the Usage view's rows and title.
  showUsage: 'kmsSecrets.showUsage',
  usageRefresh: 'kmsSecrets.usage.refresh',
  usageLoadMore: 'kmsSecrets.usage.loadMore',
  usageStop: 'kmsSecrets.usage.stop',
  usageSetDays: 'kmsSecrets.usage.setDays',
  markUnused: 'kmsSecrets.usage.markUnused',
  unmarkUnused: 'kmsSecrets.usage.unmarkUnused',
  // SSH with ECS secrets (src/ssh)
  openSshTerminal: 'kmsSecrets.openSshTerminal',
  connectRemoteSsh: 'kmsSecrets.connectRemoteSsh',

  // Injection (src/injection)
  runWithSecrets: 'kmsSecrets.runWithSecrets',
  clearCache: 'kmsSecrets.clearCache',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
