/**
 * Child process probing `GET /api/health` back to back (one request at a time) until told
 * to stop, then answering with every latency sample. A process of its own, so the latencies
 * are the server's and not those of the coordinator's busy event loop (which drives the load).
 *   fork('healthProbe.ts', [url]); child.send('stop'); child.once('message', ({ samples, failures }) => …)
 */

/** What the probe answers when stopped. */
export interface HealthProbeAnswer {
  samples: number[];
  failures: number;
}

/** Pause between probes, so the probe itself is no load. */
const GAP_MS = 20;
/** A stalled server answers late, never "not at all" within a bounded run. */
const TIMEOUT_MS = 120_000;

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: healthProbe.ts <server url>');
  let isStopped = false;
  process.once('message', () => {
    isStopped = true;
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.('ready');
  const answer: HealthProbeAnswer = { samples: [], failures: 0 };
  while (!isStopped) {
    const startedAt = performance.now();
    try {
      const response = await fetch(`${url}/api/health`, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.arrayBuffer();
      if (!response.ok) answer.failures += 1;
    } catch {
      answer.failures += 1;
    }
    answer.samples.push(performance.now() - startedAt);
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }
  process.send?.(answer, () => process.exit(0));
}

void main();
