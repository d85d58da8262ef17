/**
 * The emulator has no per-credential permission model (every known key may do everything), so `no-permission` is
 * produced the way the real service produces it — by the gateway — with a small proxy in front of the emulator: requests
 * signed by one AccessKey ID for one secret are refused with KMS's documented 403 `Forbidden.NoPermission` body
 * (kms-api.md §1.5); everything else reaches the emulator, which verifies signatures as usual.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PermissionGateway {
  url: string;
  close(): Promise<void>;
}

export async function startPermissionGateway(
  upstream: string,
  deny: { accessKeyId: string; secretName: string },
): Promise<PermissionGateway> {
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://gateway').searchParams;
    if (query.get('AccessKeyId') === deny.accessKeyId && query.get('SecretName') === deny.secretName) {
      const body = JSON.stringify({
        RequestId: 'gateway-denied',
        HostId: 'gateway',
        Code: 'Forbidden.NoPermission',
        Message: 'This operation is forbidden by permission system.',
        HttpStatus: 403,
      });
      res.writeHead(403, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    const forward = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
