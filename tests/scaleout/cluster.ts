/**
 * Several real server processes (`server/main.ts`, as `npm start` runs it) on one SQLite data
 * dir and one real Redis, behind a round-robin TCP balancer: the scale-out test bed.
 */
import type { Seeded } from '../collab/helpers';
import {
  connectClient,
  makeDataDir,
  seedDocument,
  tokenFor,
  type TestClient,
} from '../collab/helpers';
import { spawnServer, withStorage, type ServerProcess } from '../collab/serverProcess';
import { startBalancer, type Balancer } from './balancer';
import { startTestRedis, type TestRedis } from './redisServer';

/** A running cluster. */
export interface Cluster {
  redis: TestRedis;
  dataDir: string;
  seeded: Seeded;
  /** Every process started, alive or not (index = start order). */
  servers: ServerProcess[];
  balancer: Balancer;
  /** A stock WebsocketProvider client of the seeded owner on one process (or via the balancer). */
  client(target: ServerProcess | Balancer): TestClient;
  /** Stops everything: clients, processes (SIGKILL if still up), balancer, Redis. */
  close(): Promise<void>;
}

const isAlive = (server: ServerProcess): boolean =>
  server.child.exitCode === null && server.child.signalCode === null;

/** Starts Redis (unless REDIS_URL is given), `processes` servers on one data dir, and a balancer. */
export async function startCluster(input: { processes: number }): Promise<Cluster> {
  const redis = await startTestRedis();
  const dataDir = makeDataDir();
  const seeded = await withStorage(dataDir, seedDocument);
  const servers: ServerProcess[] = [];
  const clients: TestClient[] = [];
  // One at a time: the first one migrates the database the others then open.
  for (let index = 0; index < input.processes; index++) {
    servers.push(await spawnServer({ dataDir, env: { REDIS_URL: redis.url } }));
  }
  const balancer = await startBalancer(() => servers.filter(isAlive).map((server) => server.port));
  return {
    redis,
    dataDir,
    seeded,
    servers,
    balancer,
    client(target) {
      const serverUrl = 'serverUrl' in target ? target.serverUrl : target.collabUrl;
      const client = connectClient({
        serverUrl,
        documentId: seeded.document.id,
        token: tokenFor({ userId: seeded.owner.id, documentId: seeded.document.id }),
      });
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.destroy();
      for (const server of servers) if (isAlive(server)) server.child.kill('SIGKILL');
      await Promise.all(servers.map((server) => server.exited));
      await balancer.close();
      await redis.stop();
    },
  };
}

/** Stops a process gracefully (SIGTERM: its documents are flushed and compacted). */
export async function stopGracefully(server: ServerProcess): Promise<void> {
  if (!isAlive(server)) return;
  server.child.kill('SIGTERM');
  await server.exited;
}
