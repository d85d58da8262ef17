/**
 * `agentFor(url, settings)`: the http.Agent a request to `url` must use, or undefined to go direct. The tunnel is
 * `https-proxy-agent` (CONNECT, basic auth from the URL, TLS to the target end to end); one keep-alive agent per proxy,
 * so requests reuse tunnels as the SDK's own keep-alive agent reuses connections.
 */
import type { Agent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { proxyFor, ProxySettings } from './settings';

/** Told about every CONNECT answer (the tunnel's status), in the async context of the request that asked for it. */
export type ConnectListener = (status: number) => void;

const agents = new Map<string, HttpsProxyAgent<string>>();
/** Proxy settings rarely change; the agents of old ones are closed rather than kept with their idle tunnels. */
const MAX_AGENTS = 8;
const connectListeners = new Set<ConnectListener>();

export function agentFor(url: string | URL, settings: ProxySettings): Agent | undefined {
  const proxy = proxyFor(url, settings);
  if (!proxy) return undefined;
  // The key holds the credentials, so two users of one proxy never share a tunnel; it lives in memory only.
  const key = `${proxy.href}\0${settings.authorization ?? ''}`;
  let agent = agents.get(key);
  if (!agent) {
    const authorization = settings.authorization;
    agent = new HttpsProxyAgent(proxy.href, {
      keepAlive: true,
      ...(authorization && !proxy.username ? { headers: { 'Proxy-Authorization': authorization } } : {}),
    });
    agent.on('proxyConnect', (connect: { statusCode: number }) => {
      for (const listener of connectListeners) listener(connect.statusCode);
    });
    agents.set(key, agent);
    for (const [oldKey, oldAgent] of agents) {
      if (agents.size <= MAX_AGENTS) break;
      agents.delete(oldKey);
      oldAgent.destroy();
    }
  }
  return agent;
}

/** For the SDK seam (sdk.ts), which attributes each answer to the call that made the request. */
export function onProxyConnect(listener: ConnectListener): void {
  connectListeners.add(listener);
}
