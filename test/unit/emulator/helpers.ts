/** Shared test plumbing: the real KMS SDK pointed at an emulator, plus raw `doRequest` for actions 1.2.0 lacks. */
/** Parsed JSON bodies: tests probe them field by field and assert the shapes, so a loose type is the honest one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
import Client from '@alicloud/kms20160120';
import { Config } from '@alicloud/rpc-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import * as assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { EmulatorOptions, RunningEmulator, startEmulator } from '../../../src/emulator/server';

export const AK = { accessKeyId: 'test-ak', accessKeySecret: 'test-secret' };

export function clientFor(
  emulator: RunningEmulator,
  creds: { accessKeyId: string; accessKeySecret: string; securityToken?: string } = AK,
): Client {
  return new Client(
    new Config({
      ...creds,
      endpoint: `127.0.0.1:${emulator.port}`,
      protocol: 'http',
      regionId: 'cn-hangzhou',
      readTimeout: 10000,
      connectTimeout: 10000,
    }),
  );
}

/** Any action with any params, signed by the SDK; returns the parsed JSON body. */
export async function raw(
  client: Client,
  action: string,
  params: Record<string, unknown>,
): Promise<Record<string, Json>> {
  return client.doRequest(
    action,
    'HTTPS',
    'POST',
    '2016-01-20',
    'AK',
    params,
    null as unknown as Record<string, string>,
    new RuntimeOptions({ readTimeout: 10000, connectTimeout: 10000 }),
  ) as Promise<Record<string, Json>>;
}

export async function withEmulator(
  options: EmulatorOptions,
  body: (emulator: RunningEmulator, client: Client) => Promise<void>,
): Promise<void> {
  const emulator = await startEmulator({ credentials: [AK], ...options });
  try {
    await body(emulator, clientFor(emulator));
  } finally {
    await emulator.close();
  }
}

/** Asserts the SDK call failed with the given KMS code and HTTP status (the SDK appends "Error" to the code). */
export async function rejectsWith(
  promise: Promise<unknown>,
  code: string,
  status?: number,
): Promise<Record<string, Json>> {
  try {
    await promise;
  } catch (caught) {
    const error = caught as Json;
    assert.equal(error.data?.Code, code, `expected ${code}, got ${error.data?.Code ?? error.message}`);
    assert.equal(error.code, `${code}Error`);
    if (status !== undefined) {
      assert.equal(error.data.HttpStatus, status);
      assert.match(error.message, new RegExp(`code: ${status},`));
    }
    return error.data;
  }
  assert.fail(`expected ${code}, but the call succeeded`);
}

/** RFC 3986 encoding, written independently of the emulator so hand-signed requests really test its verifier. */
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

export function handSign(method: string, params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${rfc3986(k)}=${rfc3986(params[k])}`)
    .join('&');
  const toSign = `${method}&${rfc3986('/')}&${rfc3986(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(toSign).digest('base64');
}

export function rpcParams(action: string, extra: Record<string, string> = {}, at = new Date()): Record<string, string> {
  return {
    Action: action,
    Format: 'json',
    Version: '2016-01-20',
    Timestamp: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    SignatureNonce: randomBytes(16).toString('hex'),
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    AccessKeyId: AK.accessKeyId,
    ...extra,
  };
}

/** Signs `params` (unless they already carry a Signature) and sends them in the query string. */
export async function sendRaw(
  emulator: RunningEmulator,
  params: Record<string, string>,
  init: { method?: string; secret?: string; body?: string; contentType?: string } = {},
): Promise<{ status: number; body: Json; text: string; contentType: string | null }> {
  const method = init.method ?? 'POST';
  const signed = params.Signature
    ? params
    : { ...params, Signature: handSign(method, params, init.secret ?? AK.accessKeySecret) };
  const query = Object.entries(signed)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  const res = await fetch(`${emulator.url}/?${query}`, {
    method,
    body: init.body,
    headers: init.contentType ? { 'content-type': init.contentType } : undefined,
  });
  const text = await res.text();
  let body: Json;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text, contentType: res.headers.get('content-type') };
}
