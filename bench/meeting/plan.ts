/**
 * The review meeting's command-line flags (`npm run bench -- --only=meeting --caret=echo …`):
 *   --caret=echo,quiet    caret behaviours to run, one run each (default: both)
 *   --relay=off|stock     whether clients send back remote awareness changes: off (default)
 *                         models the web client, which sends only its own state
 *                         (client/src/editor/quietAwareness.ts); stock is the stock provider's echo
 *   --clients=30 --typists=10 --duration=30 (s) --chars-per-second=6 --move-every=2 (s)
 * BENCH_QUICK=1 shrinks the defaults to 10 clients, 3 typists, 5 s.
 */
import { CARET_MODES, type CaretMode } from './caret';
import { RELAY_MODES, type RelayMode } from './client';
import type { MeetingSpec } from './scenario';

function flag(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

function positiveNumber(argv: readonly string[], name: string, fallback: number): number {
  const raw = flag(argv, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`--${name} must be a positive number, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  const found = allowed.find((option) => option === value);
  if (!found) throw new Error(`--${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return found;
}

/** One spec per requested caret mode, all with the same load. */
export function meetingPlan(input: { argv: readonly string[]; isQuick: boolean }): MeetingSpec[] {
  const { argv, isQuick } = input;
  const clients = Math.round(positiveNumber(argv, 'clients', isQuick ? 10 : 30));
  const typists = Math.round(positiveNumber(argv, 'typists', isQuick ? 3 : 10));
  if (typists > clients) throw new Error('--typists cannot exceed --clients');
  const carets = (flag(argv, 'caret') ?? CARET_MODES.join(','))
    .split(',')
    .map((mode): CaretMode => oneOf(mode, CARET_MODES, 'caret'));
  const relay: RelayMode = oneOf(flag(argv, 'relay') ?? 'off', RELAY_MODES, 'relay');
  const base = {
    clients,
    typists,
    relay,
    durationMs: 1000 * positiveNumber(argv, 'duration', isQuick ? 5 : 30),
    charsPerSecond: positiveNumber(argv, 'chars-per-second', 6),
    moveEveryMs: 1000 * positiveNumber(argv, 'move-every', 2),
    drivers: Number(process.env.BENCH_DRIVERS ?? 2),
  };
  return carets.map((caret) => ({ ...base, caret }));
}
