/**
 * CPU and memory of the current process, as a server child reports them to the coordinator
 * (the coordinator cannot see a child's `process.cpuUsage()`).
 */
import { readFileSync } from 'node:fs';

/** One reading; CPU is cumulative since the process started. */
export interface ProcessStats {
  cpuUserMicros: number;
  cpuSystemMicros: number;
  rssBytes: number;
  /** High-water mark of the resident set (VmHWM): the peak since the process started. */
  peakRssBytes: number;
}

export function readProcessStats(): ProcessStats {
  const cpu = process.cpuUsage();
  const rss = process.memoryUsage.rss();
  let peak = rss;
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) peak = Number(match[1]) * 1024;
  } catch {
    // Not Linux: the current RSS is the best available figure.
  }
  return {
    cpuUserMicros: cpu.user,
    cpuSystemMicros: cpu.system,
    rssBytes: rss,
    peakRssBytes: peak,
  };
}
