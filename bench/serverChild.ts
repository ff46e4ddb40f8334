/**
 * The IPC every measured server child (ours and the baseline) answers alike: process stats,
 * the measured window's profiling, and stop. Keeping it in one place means both servers are
 * measured by exactly the same code; a child passes only its own extra requests.
 */
import { serveRequests, type ServerRequest } from './ipc';
import { createLoopMonitor, readProcessStats, resetPeakRss } from './processStats';
import { createWindowProfiler } from './windowProfiler';

export function serveServerChild(input: {
  /** Prefix of profile file names (`ours`, `baseline`). */
  name: string;
  /** Answers the child's own requests; returns `undefined` for ones it does not serve. */
  handle?: (request: ServerRequest) => Promise<unknown> | undefined;
  /** Runs before the process exits on `stop` (e.g. a graceful server close). */
  beforeStop?: () => Promise<void>;
}): void {
  const profiler = createWindowProfiler({ dir: process.env.BENCH_PROFILE_DIR });
  const loop = createLoopMonitor();
  // The coordinator is gone (finished or crashed): never linger as an orphan.
  process.on('disconnect', () => process.exit(0));
  serveRequests(async (request: ServerRequest) => {
    switch (request.type) {
      case 'stats':
        return readProcessStats(loop.histogram);
      case 'resetPeakRss':
        return { isReset: resetPeakRss() };
      case 'profileStart':
        loop.reset();
        await profiler.start();
        return { started: true };
      case 'profileStop':
        return { file: await profiler.stop({ label: `${input.name}-${request.label}` }) };
      case 'stop':
        await input.beforeStop?.();
        setTimeout(() => process.exit(0), 10);
        return { stopped: true };
      default: {
        const answer = input.handle?.(request);
        if (answer === undefined) throw new Error(`${input.name} does not serve ${request.type}`);
        return answer;
      }
    }
  });
}
