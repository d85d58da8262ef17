/** SSH sessions from ECS secrets with a private ssh-agent (pure Node; never imports 'vscode'). */
export { openSshSession, ecsSecretReader } from './session';
export type { ReadEcsSecret, SshSession, SshSessionRequest } from './session';
export { PrivateAgent, DEFAULT_KEY_LIFETIME_SECONDS } from './agent';
export type { AgentOptions } from './agent';
export { ecsCredentialFrom } from './credential';
export type { EcsCredential } from './credential';
export { buildSshInvocation } from './invocation';
export type { SshAuth, SshInvocation, InvocationInput } from './invocation';
export { resolveTarget, validateHost, validateUser, parsePort } from './target';
export type { SshTarget, TargetOverrides } from './target';
export { findExecutable, requireTools } from './tools';
export type { SshTool } from './tools';
export { formatRemoteSshHost, remoteSshAlias } from './remoteSsh';
export type { RemoteSshHostInput } from './remoteSsh';
export { SshError, isSshError } from './errors';
export type { SshErrorKind } from './errors';
