/**
 * The proxy seam for Alibaba Cloud's Node SDKs. `viaProxy(settings, call)` runs `call` so that every HTTP request an
 * Alibaba SDK makes inside it — KMS through tea-typescript/rpc-client, STS AssumeRole and other credential providers
 * through @alicloud/credentials, any other rpc-client or pop-core client — goes through `agentFor(url, settings)`.
 *
 * Why a hook and not an option: the SDKs never pass an agent through. rpc-client builds tea's runtime options itself,
 * tea-typescript's `doAction` builds httpx's options itself, and httpx then uses its own module-level keep-alive agent
 * (kms-api.md §4); @alicloud/credentials calls httpx the same way. All of them reach the network through one function,
 * `require('httpx').request`, read at call time (TypeScript's live `__importStar`/`__importDefault` bindings), so that
 * one function is wrapped, once. The wrapper changes nothing outside a `viaProxy` call or when the caller brought an
 * agent of its own; inside, it adds the proxy agent. Signing is untouched (it happens before httpx), and Node's
 * http/https modules are not patched. test/unit/proxy/sdk.test.ts pins that every SDK module shares this one httpx.
 */
import * as l10n from '@vscode/l10n';
import { AsyncLocalStorage } from 'node:async_hooks';
import { agentFor, onProxyConnect } from './agent';
import { ProxyError } from './errors';
import { displayProxy, proxyFor, ProxySettings } from './settings';

interface Scope {
  settings: ProxySettings;
  /** The proxy a request of this call went to (set by the hook). */
  proxy?: URL;
  /** A CONNECT answer other than 200. */
  refusedStatus?: number;
  /** A failure to open a connection: with a proxy in use, every connection goes to the proxy. */
  unreachableCode?: string;
}

type HttpxRequest = (url: string, options?: { agent?: unknown } & Record<string, unknown>) => Promise<unknown>;

/** Socket codes that only happen while connecting, i.e. to the proxy when one is used. */
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const scopes = new AsyncLocalStorage<Scope>();
const HOOKED = Symbol.for('kms-secrets.httpx-proxy-hook');

/** Installs the wrapper on the httpx module the SDKs share (idempotent, also across two copies of this module). */
function installHook(): void {
  // A plain require: the module object itself, whose `request` the SDKs look up at call time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const httpx = require('httpx') as { request: HttpxRequest; [HOOKED]?: true };
  if (httpx[HOOKED]) return;
  const original = httpx.request;
  httpx.request = function request(url, options) {
    const scope = scopes.getStore();
    if (!scope || options?.agent) return original.call(this, url, options);
    const agent = agentFor(url, scope.settings);
    if (!agent) return original.call(this, url, options);
    scope.proxy = proxyFor(url, scope.settings);
    return original.call(this, url, { ...options, agent }).catch((error: unknown) => {
      const code = (error as { code?: unknown })?.code;
      if (typeof code === 'string' && CONNECT_CODES.has(code)) scope.unreachableCode = code;
      throw error;
    });
  };
  httpx[HOOKED] = true;
  onProxyConnect((status) => {
    const scope = scopes.getStore();
    if (scope && status !== 200) scope.refusedStatus = status;
  });
}

/**
 * Runs `call` with its SDK requests sent through the proxy `settings` choose. A failure the proxy caused is thrown as
 * a ProxyError (one sentence naming the proxy, without credentials) instead of whatever the SDK made of it.
 */
export async function viaProxy<T>(settings: ProxySettings, call: () => Promise<T>): Promise<T> {
  if (!settings.proxy) return call();
  installHook();
  const scope: Scope = { settings };
  let result: T;
  try {
    result = await scopes.run(scope, call);
  } catch (error) {
    throw proxyFailure(scope) ?? error;
  }
  // A refused tunnel hands the proxy's own answer to the SDK as if the service had sent it: never a result.
  if (scope.refusedStatus !== undefined) throw proxyFailure(scope);
  return result;
}

function proxyFailure(scope: Scope): ProxyError | undefined {
  if (!scope.proxy) return undefined;
  const proxy = displayProxy(scope.proxy);
  if (scope.refusedStatus === 407) {
    return new ProxyError(
      'ProxyRefused',
      l10n.t(
        'The proxy {0} asked for credentials (407). Put the user name and password in the proxy URL, e.g. http://user:password@host:port.',
        proxy,
      ),
      { status: 407 },
    );
  }
  if (scope.refusedStatus !== undefined) {
    return new ProxyError(
      'ProxyRefused',
      l10n.t(
        'The proxy {0} refused the connection (HTTP {1}). Check that it allows this host, or add the host to the proxy exceptions.',
        proxy,
        scope.refusedStatus,
      ),
      { status: scope.refusedStatus },
    );
  }
  if (scope.unreachableCode) {
    return new ProxyError(
      'ProxyUnreachable',
      l10n.t(
        'The proxy {0} could not be reached ({1}). Check the proxy setting and your network.',
        proxy,
        scope.unreachableCode,
      ),
      { socketCode: scope.unreachableCode },
    );
  }
  return undefined;
}
