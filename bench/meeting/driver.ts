/**
 * A driver process of the review meeting: runs a slice of the participants
 * (`client.ts`) and answers the coordinator (`scenario.ts`) over IPC, like `../driver.ts`
 * does for the load scenarios.
 */
import type { ClientSpec } from '../client';
import { connectAll } from '../concurrency';
import { createHistogram, type Histogram } from '../histogram';
import { createLoopMonitor } from '../processStats';
import {
  createMeetingClient,
  type ClientClose,
  type ClientWindow,
  type MeetingBehaviour,
  type MeetingClient,
} from './client';

/** Coordinator → meeting driver. */
export type MeetingCommand =
  | {
      type: 'connect';
      clients: { spec: ClientSpec; index: number }[];
      behaviour: MeetingBehaviour;
      concurrency: number;
    }
  | { type: 'run'; durationMs: number }
  | { type: 'report' }
  | { type: 'close' };

/** Meeting driver → coordinator. */
export type MeetingReply =
  | { type: 'connected'; connectMs: number[]; failures: string[] }
  | {
      type: 'ran';
      /** One entry per participant of this driver, counted over the window. */
      windows: ClientWindow[];
      keystrokes: number;
      windowSeconds: number;
      cpuSeconds: number;
      /** This driver's event-loop delay p99 over the window: high means the clients lagged. */
      loopDelayP99Ms: number;
    }
  | { type: 'report'; histogram: Histogram; closes: ClientClose[]; hashes: string[] };

function reply(message: MeetingReply): void {
  process.send?.(message);
}

/** Serves the coordinator's commands until told to close. */
function runMeetingDriver(): void {
  const clients: MeetingClient[] = [];
  const histogram = createHistogram();
  const loop = createLoopMonitor();
  // The coordinator is gone (finished or crashed): never linger as an orphan.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (command: MeetingCommand) => {
    switch (command.type) {
      case 'connect': {
        const { behaviour } = command;
        // Each stock provider adds a process 'exit' listener (to announce it left).
        process.setMaxListeners(command.clients.length + 10);
        void connectAll({
          items: command.clients,
          concurrency: command.concurrency,
          connect: ({ spec, index }) => {
            const client = createMeetingClient({ spec, index, behaviour, histogram });
            clients.push(client);
            return client.connect();
          },
        }).then((outcome) => reply({ type: 'connected', ...outcome }));
        return;
      }
      case 'run': {
        const cpuBefore = process.cpuUsage();
        const startedAt = performance.now();
        loop.reset();
        for (const client of clients) client.start();
        setTimeout(() => {
          const windows = clients.map((client) => client.stop());
          const cpu = process.cpuUsage(cpuBefore);
          reply({
            type: 'ran',
            windows,
            keystrokes: clients.reduce((sum, client) => sum + client.keystrokes(), 0),
            windowSeconds: (performance.now() - startedAt) / 1000,
            cpuSeconds: (cpu.user + cpu.system) / 1e6,
            loopDelayP99Ms: loop.histogram.percentile(99) / 1e6,
          });
        }, command.durationMs);
        return;
      }
      case 'report':
        reply({
          type: 'report',
          histogram,
          closes: clients.flatMap((client) => client.closes()),
          hashes: clients.flatMap((client) => client.contentHash() ?? []),
        });
        return;
      case 'close':
        for (const client of clients) client.close();
        setTimeout(() => process.exit(0), 200);
        return;
    }
  });
}

runMeetingDriver();
