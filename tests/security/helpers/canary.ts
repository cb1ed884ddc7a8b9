import {createServer, type Server} from 'node:http';
import type {Socket} from 'node:net';

// A canary HTTP server: every request, or any connection at all, means a leak.

export interface CanaryHit {
  readonly kind: 'request' | 'connection';
  readonly address: string;
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly host?: string | undefined;
}

export interface Canary {
  readonly port: number;
  /** `http://127.0.0.1:port` */
  readonly origin: string;
  /** Whether it also listens on `[::1]` (the machine may have no IPv6). */
  readonly ipv6: boolean;
  readonly hits: CanaryHit[];
  /** Forget what was recorded so far. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Start a canary on 127.0.0.1 (and ::1 on the same port when possible), on a random port.
 *
 * @returns
 *   The canary.
 */
export async function startCanary(): Promise<Canary> {
  const hits: CanaryHit[] = [];
  const sockets = new Set<Socket>();
  const make = (): Server => {
    const server = createServer((request, response) => {
      hits.push({kind: 'request', address: request.socket.remoteAddress ?? '?', method: request.method, url: request.url, host: request.headers.host});
      response.writeHead(200, {'content-type': 'text/plain', 'cache-control': 'no-store'});
      response.end('canary');
    });
    server.on('connection', (socket: Socket) => {
      hits.push({kind: 'connection', address: socket.remoteAddress ?? '?'});
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    return server;
  };
  const listen = (server: Server, host: string, port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });

  const v4 = make();
  const port = await listen(v4, '127.0.0.1', 0);
  const v6 = make();
  const ipv6 = await listen(v6, '::1', port).then(
    () => true,
    () => false
  );
  const servers = ipv6 ? [v4, v6] : [v4];
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    ipv6,
    hits,
    reset: () => void hits.splice(0),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    }
  };
}
