/**
 * CPU and memory of the current process, as a server child reports them to the coordinator
 * (the coordinator cannot see a child's `process.cpuUsage()`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** One reading; CPU is cumulative since the process started. */
export interface ProcessStats {
  cpuUserMicros: number;
  cpuSystemMicros: number;
  rssBytes: number;
  /** High-water mark of the resident set (VmHWM): the peak since the process started. */
  peakRssBytes: number;
  /** Event-loop delay since the window started (stalls delay every client of the server). */
  loopDelayMs: { p50: number; p99: number; max: number };
}

/** Event-loop delay of this process, restartable at the start of a measured window. */
export function createLoopMonitor(): { reset(): void; histogram: IntervalHistogram } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return { reset: () => histogram.reset(), histogram };
}

/**
 * Restarts the peak RSS (VmHWM) from the current RSS (Linux: `clear_refs` 5), so a peak read
 * later covers only what came after (the load, not the seeding of accounts before it).
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export function readProcessStats(loop: IntervalHistogram): ProcessStats {
  const cpu = process.cpuUsage();
  const rss = process.memoryUsage.rss();
  let peak = rss;
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) peak = Number(match[1]) * 1024;
  } catch {
    // Not Linux: the current RSS is the best available figure.
  }
  const ms = (nanos: number): number => nanos / 1e6;
  return {
    cpuUserMicros: cpu.user,
    cpuSystemMicros: cpu.system,
    rssBytes: rss,
    peakRssBytes: peak,
    loopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
  };
}
