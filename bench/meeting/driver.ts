/**
 * A driver process of the review meeting: runs a slice of the participants
 * (`client.ts`) and answers the coordinator (`scenario.ts`) over IPC, like `../driver.ts`
 * does for the load scenarios.
 */
import type { ClientSpec } from '../client';
import { connectAll } from '../concurrency';
import { createHistogram, type Histogram } from '../histogram';
import {
  createMeetingClient,
  type FrameCounts,
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
      counts: FrameCounts[];
      keystrokes: number;
      windowSeconds: number;
      cpuSeconds: number;
    }
  | { type: 'report'; histogram: Histogram; closes: number[]; hashes: string[] };

function reply(message: MeetingReply): void {
  process.send?.(message);
}

/** Serves the coordinator's commands until told to close. */
function runMeetingDriver(): void {
  const clients: MeetingClient[] = [];
  const histogram = createHistogram();
  // The coordinator is gone (finished or crashed): never linger as an orphan.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (command: MeetingCommand) => {
    switch (command.type) {
      case 'connect': {
        const { behaviour } = command;
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
        for (const client of clients) client.start();
        setTimeout(() => {
          const counts = clients.map((client) => client.stop());
          const cpu = process.cpuUsage(cpuBefore);
          reply({
            type: 'ran',
            counts,
            keystrokes: clients.reduce((sum, client) => sum + client.keystrokes(), 0),
            windowSeconds: (performance.now() - startedAt) / 1000,
            cpuSeconds: (cpu.user + cpu.system) / 1e6,
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
