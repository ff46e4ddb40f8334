/**
 * A driver process: runs a slice of the benchmark's clients and answers the coordinator
 * (`run.ts`) over IPC. Several drivers share the load so that the client side is not what
 * limits the measured latency on a small machine.
 */
import { createBenchClient, type BenchClient, type ClientSpec } from './client';
import { connectAll } from './concurrency';
import { createHistogram, type Histogram } from './histogram';

/** Coordinator → driver. */
export type DriverCommand =
  | { type: 'connect'; clients: ClientSpec[]; concurrency: number }
  | { type: 'edit'; intervalMs: number; durationMs: number }
  | { type: 'report' }
  | { type: 'close' };

/** Driver → coordinator. */
export type DriverReply =
  | { type: 'connected'; connectMs: number[]; failures: string[] }
  | { type: 'edited'; sentByDoc: Record<string, number>; cpuSeconds: number }
  | {
      type: 'report';
      histogram: Histogram;
      receivedByDoc: Record<string, number>;
      unexpectedCloses: number[];
      hashesByDoc: Record<string, string[]>;
    };

function reply(message: DriverReply): void {
  process.send?.(message);
}

function addTo(record: Record<string, number>, key: string, amount: number): void {
  record[key] = (record[key] ?? 0) + amount;
}

/** Serves the coordinator's commands until told to close. */
function runDriver(): void {
  const clients: BenchClient[] = [];
  const histogram = createHistogram();
  // The coordinator is gone (finished or crashed): never linger as an orphan.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (command: DriverCommand) => {
    switch (command.type) {
      case 'connect':
        void connectAll({
          items: command.clients,
          concurrency: command.concurrency,
          connect: (spec) => {
            const client = createBenchClient({ spec, histogram });
            clients.push(client);
            return client.connect();
          },
        }).then((outcome) => reply({ type: 'connected', ...outcome }));
        return;
      case 'edit': {
        const cpuBefore = process.cpuUsage();
        for (const client of clients) client.startEditing({ intervalMs: command.intervalMs });
        setTimeout(() => {
          const sentByDoc: Record<string, number> = {};
          for (const client of clients) {
            client.stopEditing();
            addTo(sentByDoc, client.spec.docKey, client.sentCount());
          }
          const cpu = process.cpuUsage(cpuBefore);
          reply({ type: 'edited', sentByDoc, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
        }, command.durationMs);
        return;
      }
      case 'report': {
        const receivedByDoc: Record<string, number> = {};
        const hashesByDoc: Record<string, string[]> = {};
        const unexpectedCloses: number[] = [];
        for (const client of clients) {
          addTo(receivedByDoc, client.spec.docKey, client.receivedCount());
          unexpectedCloses.push(...client.unexpectedCloses());
          const hash = client.contentHash();
          if (hash !== null) (hashesByDoc[client.spec.docKey] ??= []).push(hash);
        }
        reply({ type: 'report', histogram, receivedByDoc, unexpectedCloses, hashesByDoc });
        return;
      }
      case 'close':
        for (const client of clients) client.close();
        setTimeout(() => process.exit(0), 200);
        return;
    }
  });
}

runDriver();
