/**
 * `npm run bench:search`: full-text search over 10,000 documents (SQLite FTS5, the storage
 * port's `searchDocuments`), as a network member and as an admin, for the query shapes people
 * type: one word, a word being typed (short prefix), several words, an accent-folded word, a
 * word nobody wrote. Prints p50/p95/max per shape. Numbers go to docs/PERFORMANCE.md.
 *   BENCH_SEARCH_DOCS=10000  documents (default 10,000), ~300 words each, in 20 workspaces
 *   BENCH_SEARCH_RUNS=50     timed runs per query shape (after 5 warm-ups)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { POLICY_AREAS, DOCUMENT_KINDS } from '../../shared/domain';
import { searchTerms } from '../../server/search/terms';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { SearchScope, Storage } from '../../server/storage/types';

const DOCS = Number(process.env.BENCH_SEARCH_DOCS ?? 10_000);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 50);
const WORKSPACES = 20;
const WORDS_PER_DOC = 300;

/** A vocabulary of integration-policy words, some with accents, plus filler words. */
const VOCABULARY = [
  'housing',
  'allocation',
  'mediation',
  'integration',
  'migrants',
  'municipality',
  'language',
  'courses',
  'employment',
  'discrimination',
  'intercultural',
  'entrepreneurship',
  'Länder',
  'Gemeinde',
  'quartier',
  'réfugiés',
  'città',
  'accoglienza',
  'welcome',
  'centre',
  'tenants',
  'landlords',
  'segregation',
  'neighbourhood',
  'schools',
  'volunteers',
  'associations',
  'diversity',
  'equality',
  'services',
  'training',
  'mentoring',
  'budget',
  'evaluation',
  ...Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}`),
];

/** A seeded PRNG so every run indexes the same corpus. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function seed(storage: Storage): Promise<{ memberId: string }> {
  const random = mulberry32(15);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const owner = await storage.createUser({
    name: 'Owner',
    email: 'owner@bench.test',
    role: 'admin',
    passwordHash: 'bench',
  });
  const member = await storage.createUser({
    name: 'Member',
    email: 'member@bench.test',
    role: 'member',
    passwordHash: 'bench',
  });
  const workspaceIds: string[] = [];
  for (let w = 0; w < WORKSPACES; w++) {
    const workspace = await storage.createWorkspace({ name: `Module ${w}`, createdById: owner.id });
    workspaceIds.push(workspace.id);
    await storage.addMembership({ workspaceId: workspace.id, userId: owner.id, role: 'owner' });
    // The member belongs to half of the workspaces: access filtering does real work.
    if (w % 2 === 0) {
      await storage.addMembership({ workspaceId: workspace.id, userId: member.id, role: 'viewer' });
    }
  }
  const batch = 500;
  for (let start = 0; start < DOCS; start += batch) {
    await storage.withTransaction(async (tx) => {
      for (let i = start; i < Math.min(DOCS, start + batch); i++) {
        const document = await tx.createDocument({
          workspaceId: workspaceIds[i % WORKSPACES]!,
          title: `${pick(VOCABULARY)} ${pick(VOCABULARY)} guideline ${i}`,
          kind: pick(DOCUMENT_KINDS),
          createdById: owner.id,
          policyAreas: [pick(POLICY_AREAS)],
        });
        const words = Array.from({ length: WORDS_PER_DOC }, () => pick(VOCABULARY));
        await tx.updateDocument({ id: document.id, patch: { plainText: words.join(' ') } });
      }
    });
  }
  return { memberId: member.id };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clip-search-bench-'));
  const storage = await createSqliteStorage({ filename: path.join(dir, 'bench.sqlite') });
  try {
    const seedStart = performance.now();
    const { memberId } = await seed(storage);
    console.log(
      `indexed ${DOCS} documents × ${WORDS_PER_DOC} words in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    const shapes = ['housing', 'al', 'allocation mediation', 'lander', 'allocation medi', 'zebra'];
    const scopes: Array<[string, SearchScope]> = [
      ['member (10 of 20 workspaces)', { kind: 'member', userId: memberId }],
      ['admin (all)', { kind: 'all' }],
    ];
    console.log('| scope | query | hits (total) | p50 ms | p95 ms | max ms |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: |');
    for (const [scopeName, scope] of scopes) {
      for (const q of shapes) {
        const input = { terms: searchTerms(q), scope, limit: 20 };
        for (let i = 0; i < 5; i++) await storage.searchDocuments(input);
        const times: number[] = [];
        let total = 0;
        for (let i = 0; i < RUNS; i++) {
          const start = performance.now();
          total = (await storage.searchDocuments(input)).total;
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        console.log(
          `| ${scopeName} | \`${q}\` | ${total} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${times[times.length - 1]!.toFixed(1)} |`,
        );
      }
    }
  } finally {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
