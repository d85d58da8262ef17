/** HTTP(S) proxy support for every endpoint the project calls (README.md in this folder says how to use it). */
export { agentFor } from './agent';
export { ProxyError } from './errors';
export type { ProxyErrorCode } from './errors';
export { viaProxy } from './sdk';
export {
  bypassesProxy,
  displayProxy,
  editorProxySettings,
  noProxyFromEnv,
  proxyFor,
  proxyFromEnv,
  proxySettingsFromEnv,
  resolveProxyOption,
} from './settings';
export type { EditorProxySettings, ProxyOption, ProxySettings } from './settings';
