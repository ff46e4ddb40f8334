/**
 * `tsx bench/profileSummary.ts <file.cpuprofile>`: the functions with the most self time in a
 * V8 CPU profile (from `BENCH_PROFILE_DIR`), to tell what a server spends its CPU on.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function summarize(file: string, top: number): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/node_modules/').pop() ?? url}:${lineNumber + 1}:${columnNumber + 1}`;
    selfMicros.set(key, (selfMicros.get(key) ?? 0) + delta);
    total += delta;
  });
  const rows = [...selfMicros.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `total sampled: ${(total / 1000).toFixed(0)} ms`,
    ...rows.map(
      ([key, micros]) =>
        `${(micros / 1000).toFixed(1).padStart(9)} ms  ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`,
    ),
  ].join('\n');
}

const [file, top] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/profileSummary.ts <file.cpuprofile> [top]');
  process.exit(2);
}
console.log(summarize(file, Number(top ?? 25)));
