/**
 * A plain TCP load balancer for the scale-out tests: each new connection goes to the next
 * backend that accepts it (round robin, no stickiness), so a client whose process died
 * reconnects to another one, as behind a real balancer.
 */
import net from 'node:net';

/** A running balancer. */
export interface Balancer {
  port: number;
  /** `ws://127.0.0.1:<port>/collab` */
  collabUrl: string;
  close(): Promise<void>;
}

/** Listens on a free loopback port and spreads connections over `backends()` (ports). */
export async function startBalancer(backends: () => number[]): Promise<Balancer> {
  let next = 0;
  const sockets = new Set<net.Socket>();
  const connectToBackend = (client: net.Socket, attemptsLeft: number): void => {
    const ports = backends();
    if (ports.length === 0 || attemptsLeft === 0) {
      client.destroy();
      return;
    }
    const port = ports[next++ % ports.length]!;
    const upstream = net.connect(port, '127.0.0.1');
    upstream.once('connect', () => {
      sockets.add(upstream);
      upstream.once('close', () => sockets.delete(upstream));
      client.pipe(upstream).pipe(client);
      client.resume();
      upstream.on('error', () => client.destroy());
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
    });
    upstream.once('error', () => {
      if (upstream.connecting) connectToBackend(client, attemptsLeft - 1);
    });
  };
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    connectToBackend(client, backends().length + 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
