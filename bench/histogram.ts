/**
 * A fixed-resolution latency histogram (0.1 ms buckets up to 10 s): hundreds of thousands of
 * fan-out samples per scenario cost a few hundred kilobytes and merge across driver processes.
 */

const RESOLUTION_MS = 0.1;
const BUCKETS = 100_000;

/** Mergeable latency counts. */
export interface Histogram {
  counts: number[];
  total: number;
  maxMs: number;
}

export function createHistogram(): Histogram {
  return { counts: new Array<number>(BUCKETS + 1).fill(0), total: 0, maxMs: 0 };
}

export function recordLatency(histogram: Histogram, ms: number): void {
  const bucket = Math.min(BUCKETS, Math.max(0, Math.floor(ms / RESOLUTION_MS)));
  histogram.counts[bucket] = (histogram.counts[bucket] ?? 0) + 1;
  histogram.total += 1;
  if (ms > histogram.maxMs) histogram.maxMs = ms;
}

export function mergeHistograms(histograms: Histogram[]): Histogram {
  const merged = createHistogram();
  for (const histogram of histograms) {
    for (let i = 0; i < histogram.counts.length; i += 1) {
      merged.counts[i] = (merged.counts[i] ?? 0) + (histogram.counts[i] ?? 0);
    }
    merged.total += histogram.total;
    merged.maxMs = Math.max(merged.maxMs, histogram.maxMs);
  }
  return merged;
}

/** The latency below which `fraction` of samples fall (upper edge of the bucket). */
export function percentile(histogram: Histogram, fraction: number): number {
  if (histogram.total === 0) return Number.NaN;
  const rank = Math.ceil(fraction * histogram.total);
  let seen = 0;
  for (let i = 0; i < histogram.counts.length; i += 1) {
    seen += histogram.counts[i] ?? 0;
    if (seen >= rank) return Math.min((i + 1) * RESOLUTION_MS, histogram.maxMs);
  }
  return histogram.maxMs;
}

/** Percentiles of a small list of samples (connect times). */
export function percentileOf(samples: number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}
