/**
 * A local HTTP proxy for tests: answers CONNECT (the only method a client must use with it), records every tunnel
 * asked for, checks basic auth when given credentials, and resolves `*.proxy.test` names to loopback itself — a
 * request to such a name can only succeed through this proxy, so a success proves the proxy was used.
 */
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo, connect, Socket } from 'node:net';

export interface ProxyRequestRecord {
  /** host:port as the client asked, e.g. `kms.proxy.test:4431`. */
  target: string;
  /** The decoded `user:password` of the Proxy-Authorization header, if any. */
  auth?: string;
  /** What the proxy answered. */
  status: number;
}

export interface TestProxy {
  /** `http://127.0.0.1:<port>`, without credentials. */
  readonly url: string;
  readonly port: number;
  readonly requests: ProxyRequestRecord[];
  /** Anything other than CONNECT (a client that sent a plain request through it). */
  readonly otherMethods: string[];
  /** `http://user:password@127.0.0.1:<port>` for the given credentials. */
  urlWith(user: string, password: string): string;
  close(): Promise<void>;
}

export interface TestProxyOptions {
  /** Require these credentials (407 otherwise). */
  auth?: { user: string; password: string };
  /** Where `*.proxy.test` goes (default 127.0.0.1). */
  testHostAddress?: string;
}

function decodeAuth(request: IncomingMessage): string | undefined {
  const header = request.headers['proxy-authorization'];
  const match = typeof header === 'string' ? /^Basic\s+(.+)$/i.exec(header) : null;
  return match ? Buffer.from(match[1], 'base64').toString('utf8') : undefined;
}

export async function startTestProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const requests: ProxyRequestRecord[] = [];
  const otherMethods: string[] = [];
  const sockets = new Set<Socket>();
  const expected = options.auth && `${options.auth.user}:${options.auth.password}`;

  const server: Server = createServer((request, response) => {
    otherMethods.push(`${request.method} ${request.url}`);
    response.writeHead(405, { connection: 'close' }).end();
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    const target = request.url ?? '';
    const auth = decodeAuth(request);
    const record: ProxyRequestRecord = { target, ...(auth !== undefined && { auth }), status: 200 };
    requests.push(record);
    if (expected && auth !== expected) {
      record.status = 407;
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
    if (!match) {
      record.status = 400;
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const host = match[1].endsWith('.proxy.test') ? (options.testHostAddress ?? '127.0.0.1') : match[1];
    const upstream = connect(Number(match[2]), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => {
      record.status = 502;
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    otherMethods,
    urlWith: (user, password) => `http://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
