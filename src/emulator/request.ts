/**
 * Reading an RPC request off the wire: query string (where the SDK puts everything) merged with a form body (where the
 * credentials library puts AssumeRole's parameters). Values are decoded with decodeURIComponent only: the SDK sends `+`
 * as
 * `%2B`, so turning `+` into a space would corrupt tokens and names. Form bodies follow the form encoding, where `+` is
 * a space.
 */
import { IncomingMessage } from 'node:http';
import { errors } from './errors';

/** Bodies are tiny in practice (the SDK sends none); this only bounds memory against a misbehaving client. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function parseParams(encoded: string, plusIsSpace: boolean): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (encoded === '') return out;
  for (const pair of encoded.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    try {
      const decode = (s: string) => decodeURIComponent(plusIsSpace ? s.replace(/\+/g, ' ') : s);
      out[decode(rawKey)] = decode(rawValue);
    } catch {
      throw errors.parseFailure();
    }
  }
  return out;
}

/** A client still sending after this much (drained and dropped) is cut off: it is not waiting for an answer. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

/**
 * The body, or an error answer for one over MAX_BODY_BYTES. The rest of an oversized body is read and dropped first,
 * so the client gets that answer rather than a connection reset in the middle of its upload.
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) {
        req.destroy();
        return;
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(errors.bodyTooLarge(MAX_BODY_BYTES));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(errors.parseFailure());
    });
  });
}

export interface RpcRequest {
  method: string;
  /** Exactly the signed parameters; nothing from headers is mixed in (headers are not signed). */
  params: Record<string, string>;
  action: string | undefined;
}

export async function readRpcRequest(req: IncomingMessage): Promise<RpcRequest> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await readBody(req);
  if (method !== 'GET' && method !== 'POST') throw errors.unsupportedMethod();
  if (path !== '/') throw errors.actionNotFound();
  const params = parseParams(q < 0 ? '' : url.slice(q + 1), false);
  const contentType = String(req.headers['content-type'] ?? '');
  if (body !== '' && contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of Object.entries(parseParams(body, true))) {
      if (!(k in params)) params[k] = v;
    }
  }
  // Only the signed `Action` counts. The `x-acs-action` header the SDK also sends is not signed: honouring it would let
  // anyone who captured a signed request replay it as another action.
  return { method, params, action: params.Action || undefined };
}
