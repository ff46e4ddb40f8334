/**
 * `tsx bench/profileSummary.ts <file.cpuprofile> [top] [--stalls=ms]`: reads a V8 CPU profile
 * (from `BENCH_PROFILE_DIR`) and prints
 * - the functions with the most self time (what the server spends its CPU on);
 * - with `--stalls=50`: for every stretch of ≥ 50 ms without going idle (an event-loop
 *   stall that delays every client), the innermost frames of our own code (`/server/`) it
 *   was spent in, so a stall can be traced to the module that caused it.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const IDLE = new Set(['(idle)', '(program)']);

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const where =
    url
      .split('/node_modules/')
      .pop()
      ?.replace(/^file:\/\/.*\/(server|bench)\//, '$1/') ?? url;
  return `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}:${columnNumber + 1}`;
}

function topRows(micros: Map<string, number>, total: number, top: number): string[] {
  return [...micros.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([key, value]) =>
        `${(value / 1000).toFixed(1).padStart(9)} ms  ${((100 * value) / total).toFixed(1).padStart(5)}%  ${key}`,
    );
}

function summarize(input: { profile: Profile; top: number; stallMs: number | null }): string {
  const { profile, top, stallMs } = input;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);

  const selfMicros = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const key = frameName(node);
    selfMicros.set(key, (selfMicros.get(key) ?? 0) + delta);
    total += delta;
  });
  const lines = [
    `total sampled: ${(total / 1000).toFixed(0)} ms`,
    ...topRows(selfMicros, total, top),
  ];
  if (stallMs === null) return lines.join('\n');

  /**
   * Our code: server/ sources (under tsx), or the bench's bundle of them (dist/bench-ours/,
   * where function names survive and lines are the bundle's).
   */
  const isOwnCode = (url: string): boolean =>
    url.includes('/server/') || url.includes('/dist/bench-ours/');
  /** Innermost frame of our own server code on a sample's stack, or its leaf. */
  const ownFrame = (id: number): string => {
    let current: number | undefined = id;
    while (current !== undefined) {
      const node = byId.get(current);
      if (isOwnCode(node?.callFrame.url ?? '')) return frameName(node!);
      current = parentOf.get(current);
    }
    const leaf = byId.get(id);
    return leaf ? `(outside server/) ${frameName(leaf)}` : '(unknown)';
  };
  const stallMicros = new Map<string, number>();
  let stalls = 0;
  let stallTotal = 0;
  let run: { id: number; delta: number }[] = [];
  const closeRun = (): void => {
    const length = run.reduce((sum, sample) => sum + sample.delta, 0);
    if (length >= stallMs * 1000) {
      stalls += 1;
      stallTotal += length;
      for (const sample of run) {
        const key = ownFrame(sample.id);
        stallMicros.set(key, (stallMicros.get(key) ?? 0) + sample.delta);
      }
    }
    run = [];
  };
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node || IDLE.has(node.callFrame.functionName)) {
      closeRun();
      return;
    }
    run.push({ id, delta: profile.timeDeltas[i] ?? 0 });
  });
  closeRun();
  lines.push(
    '',
    `${stalls} busy stretches of ≥ ${stallMs} ms, ${(stallTotal / 1000).toFixed(0)} ms in all; where our code was:`,
    ...topRows(stallMicros, Math.max(1, stallTotal), top),
  );
  return lines.join('\n');
}

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--') && arg.endsWith('.cpuprofile'));
const top = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 25);
const stallArg = args.find((arg) => arg.startsWith('--stalls='));
if (!file) {
  console.error('usage: tsx bench/profileSummary.ts <file.cpuprofile> [top] [--stalls=ms]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
console.log(
  summarize({
    profile,
    top,
    stallMs: stallArg ? Number(stallArg.slice('--stalls='.length)) : null,
  }),
);
