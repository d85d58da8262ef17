/**
 * Which proxy a request goes through, by the rules VS Code applies to its own requests, so the extension, the CLI and
 * the editor agree: one proxy URL (the setting, else `https_proxy`/`HTTPS_PROXY`/`http_proxy`/`HTTP_PROXY`), a bypass
 * list (the setting, else `NO_PROXY`), and never a proxy for this machine itself.
 * Only https requests are proxied, through a CONNECT tunnel, so the proxy sees a host name and port and nothing else.
 * Plain http goes only to loopback (the emulator; endpoint.ts refuses it elsewhere) or to the ECS metadata service, and
 * a proxy can reach neither for us: sending those to it would only put signed requests on the wire in clear text.
 */
import * as l10n from '@vscode/l10n';
import { BlockList, isIP } from 'node:net';
import { ProxyError } from './errors';

export interface ProxySettings {
  /** `http://[user:password@]host:port` (or `https://…`); empty or unset: direct. A bare `host:port` means http. */
  proxy?: string;
  /** Hosts that bypass the proxy: `host`, `.domain` or `*.domain` (with subdomains), `host:port`, an IP, a CIDR, `*`. */
  noProxy?: readonly string[];
  /** A `Proxy-Authorization` header value (VS Code's `http.proxyAuthorization`) for proxies without URL credentials. */
  authorization?: string;
}

/** Settings or a function read at every request, so a changed setting applies without rebuilding a client. */
export type ProxyOption = ProxySettings | (() => ProxySettings);

type Env = Readonly<Record<string, string | undefined>>;

/** The proxy variables as VS Code reads them: lower case first, https before http (one proxy serves both). */
export function proxyFromEnv(env: Env): string | undefined {
  return env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY || undefined;
}

/** `NO_PROXY` as a list: comma- or space-separated. */
export function noProxyFromEnv(env: Env): string[] {
  return splitList(env.no_proxy || env.NO_PROXY || '');
}

/** What the CLI (and any client given no settings) uses: the environment variables. */
export function proxySettingsFromEnv(env: Env = process.env): ProxySettings {
  return { proxy: proxyFromEnv(env), noProxy: noProxyFromEnv(env) };
}

/** VS Code's `http.*` proxy settings, as read by the extension (user or machine level only). */
export interface EditorProxySettings {
  proxy?: string;
  /** `off` never proxies; `on`, `override` and `fallback` use the proxy. */
  proxySupport?: string;
  noProxy?: readonly string[];
  proxyAuthorization?: string | null;
}

/** VS Code's precedence: the setting wins over the variable, and a non-empty `http.noProxy` replaces `NO_PROXY`. */
export function editorProxySettings(editor: EditorProxySettings, env: Env = process.env): ProxySettings {
  if (editor.proxySupport === 'off') return {};
  const noProxy = (editor.noProxy ?? []).map((entry) => entry.trim()).filter(Boolean);
  return {
    proxy: editor.proxy?.trim() || proxyFromEnv(env),
    noProxy: noProxy.length ? noProxy : noProxyFromEnv(env),
    ...(editor.proxyAuthorization ? { authorization: editor.proxyAuthorization } : {}),
  };
}

export function resolveProxyOption(option: ProxyOption | undefined, env: Env = process.env): ProxySettings {
  if (option === undefined) return proxySettingsFromEnv(env);
  return typeof option === 'function' ? option() : option;
}

/** The hosts VS Code itself never proxies: a proxy elsewhere cannot reach this machine. */
const THIS_MACHINE = new Set(['localhost', '127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The proxy for `url`, or undefined when it goes direct. Throws a ProxyError for a proxy URL it cannot use. */
export function proxyFor(url: string | URL, settings: ProxySettings): URL | undefined {
  if (!settings.proxy?.trim()) return undefined;
  const target = typeof url === 'string' ? new URL(url) : url;
  if (target.protocol !== 'https:') return undefined;
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (THIS_MACHINE.has(host)) return undefined;
  if (bypassesProxy(host, Number(target.port || 443), settings.noProxy ?? [])) return undefined;
  return parseProxyUrl(settings.proxy);
}

/** `NO_PROXY` matching as VS Code and curl do it, plus CIDR ranges (`10.0.0.0/8`) as newer curl does. */
export function bypassesProxy(host: string, port: number, noProxy: readonly string[]): boolean {
  const name = host
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  for (const raw of noProxy) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const cidr = /^([0-9a-f.:]+)\/(\d{1,3})$/.exec(entry);
    if (cidr) {
      if (inCidr(name, cidr[1], Number(cidr[2]))) return true;
      continue;
    }
    const { pattern, entryPort } = splitHostPort(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    if (isIP(pattern)) {
      if (pattern === name) return true;
      continue;
    }
    const domain = pattern.replace(/^\*?\.?/, '').replace(/\.$/, '');
    if (domain && (name === domain || name.endsWith(`.${domain}`))) return true;
  }
  return false;
}

/** The proxy as it may be shown (log, error): scheme, host and port, never the credentials. */
export function displayProxy(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}

function parseProxyUrl(value: string): URL {
  const text = value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ProxyError(
      'ProxyInvalid',
      l10n.t('The proxy setting is not a valid URL. Use e.g. http://proxy.example.com:8080.'),
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyError(
      'ProxyInvalid',
      l10n.t('The proxy {0} is not supported: use an http:// or https:// proxy.', displayProxy(url)),
    );
  }
  return url;
}

function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function splitHostPort(entry: string): { pattern: string; entryPort?: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { pattern: bracketed[1], entryPort: bracketed[2] ? Number(bracketed[2]) : undefined };
  if (isIP(entry) === 6) return { pattern: entry };
  const match = /^(.*?)(?::(\d+))?$/.exec(entry);
  return { pattern: match?.[1] ?? entry, entryPort: match?.[2] ? Number(match[2]) : undefined };
}

function inCidr(host: string, network: string, prefix: number): boolean {
  const family = isIP(network);
  if (!family || isIP(host) !== family) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  try {
    list.addSubnet(network, prefix, type);
  } catch {
    return false;
  }
  return list.check(host, type);
}
