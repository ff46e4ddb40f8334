/**
 * CPU profile of a server child over exactly the measured window (started and stopped by the
 * coordinator), written to BENCH_PROFILE_DIR; summarise it with `bench/profileSummary.ts`.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

/** Start/stop of one in-process V8 profiler session. */
export interface WindowProfiler {
  start(): Promise<void>;
  stop(input: { label: string }): Promise<string | null>;
}

export function createWindowProfiler(input: { dir: string | undefined }): WindowProfiler {
  let session: Session | null = null;
  return {
    async start() {
      if (!input.dir || session) return;
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    },
    async stop({ label }) {
      if (!input.dir || !session) return null;
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = null;
      const file = path.join(input.dir, `${label}-${process.pid}-${Date.now()}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      return file;
    },
  };
}
