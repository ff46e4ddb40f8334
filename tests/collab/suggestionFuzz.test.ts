/**
 * Seeded random run over real sockets: an owner edits directly while two reviewers suggest
 * (insertions, deletions, withdrawals, and now and then a plain edit the server must refuse
 * and heal), all at once; the owner accepts and rejects suggestions over HTTP between rounds.
 * After each round every copy (and the server's) converges; at the end, rejecting every
 * suggestion leaves exactly the owners' text. Replay a failure with SUGGEST_FUZZ_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { extractDerivedContent } from '../../server/collab/derived';
import type { SuggestionDto } from '../../shared/api/suggestions';
import { getEditorSchema } from '../../shared/editor/extensions';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { newSuggestionId } from '../../shared/editor/suggestionId';
import { settleSuggestions } from '../../shared/editor/suggestions';
import {
  blockText,
  openEditor,
  setParagraphs,
  startDocumentWorld,
  type OpenEditor,
} from './editorWorld';
import { mulberry32, seedFrom, useCollabScope, waitFor } from './helpers';

const { defer } = useCollabScope();

const ROUNDS = 20;
const WORDS = ['city', 'housing', 'migrant', 'policy', 'jobs', 'school', 'rent', 'council'];

type Run = { insert: string; attributes?: Record<string, unknown> };

/** Runs of a line, with where each starts. */
function runsOf(line: Y.XmlText): Array<Run & { from: number }> {
  let at = 0;
  return (line.toDelta() as Run[]).map((run) => {
    const entry = { ...run, from: at };
    at += run.insert.length;
    return entry;
  });
}

const isSuggested = (run: Run): boolean =>
  Object.keys(run.attributes ?? {}).some((key) => key === 'insertion' || key === 'deletion');

const contentOf = (ydoc: Y.Doc): string =>
  JSON.stringify(yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(EDITOR_FRAGMENT)));

describe('suggestions under random concurrent edits', () => {
  it('converges everywhere, and rejecting everything leaves the owners’ text', async () => {
    const seed = seedFrom('SUGGEST_FUZZ_SEED');
    const random = mulberry32(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const int = (max: number): number => Math.floor(random() * max);
    console.info(`suggestion fuzz seed: ${seed}`);

    const world = await startDocumentWorld(defer);
    const owner = await openEditor(world.owner.client, world.documentId, defer);
    setParagraphs(owner.ydoc, ['Housing first in Stuttgart', 'Jobs and services in Bologna']);
    const reviewers: Array<{ id: string; editor: OpenEditor }> = [];
    for (let index = 0; index < 2; index += 1) {
      const member = await world.member('reviewer');
      reviewers.push({
        id: member.user.id,
        editor: await openEditor(member.client, world.documentId, defer),
      });
    }
    const everyone = [owner, ...reviewers.map((r) => r.editor)];
    const serverContent = async (): Promise<string> => {
      const copy = new Y.Doc();
      Y.applyUpdate(
        copy,
        await world.server.server.collab.encodeState({ documentId: world.documentId }),
      );
      return contentOf(copy);
    };
    const converge = async (label: string): Promise<string> => {
      await waitFor(
        async () => {
          const contents = everyone.map((e) => contentOf(e.ydoc));
          return (
            contents.every((c) => c === contents[0]) && (await serverContent()) === contents[0]
          );
        },
        `${label} (seed ${seed})`,
        10_000,
      );
      return contentOf(owner.ydoc);
    };
    await converge('initial sync');

    /** An unmarked run with at least two characters, and a position strictly inside it. */
    const insidePlainRun = (line: Y.XmlText) => {
      const plain = runsOf(line).filter((run) => !isSuggested(run) && run.insert.length >= 2);
      if (plain.length === 0) return null;
      const run = pick(plain);
      return { run, at: run.from + 1 + int(run.insert.length - 1) };
    };

    const ownerEdit = (): void => {
      const line = blockText(owner.ydoc, int(2));
      const spot = insidePlainRun(line);
      if (!spot) return;
      if (random() < 0.7 || spot.run.insert.length < 6) line.insert(spot.at, ` ${pick(WORDS)} `);
      else line.delete(spot.at, Math.min(2, spot.run.from + spot.run.insert.length - spot.at - 1));
    };

    const reviewerEdit = ({ id, editor }: { id: string; editor: OpenEditor }): void => {
      const line = blockText(editor.ydoc, int(2));
      const roll = random();
      const own = runsOf(line).filter((run) =>
        (run.attributes?.insertion as { id?: string } | undefined)?.id?.startsWith(`${id}~`),
      );
      if (roll < 0.1) {
        line.insert(int(line.length + 1), 'PLAIN'); // refused and healed
        return;
      }
      if (roll < 0.2 && own.length > 0) {
        const run = pick(own);
        line.delete(run.from, run.insert.length); // withdraws its own insertion
        return;
      }
      const spot = insidePlainRun(line);
      if (!spot) return;
      if (roll < 0.6) {
        line.insert(spot.at, `${pick(WORDS)} `, { insertion: { id: newSuggestionId(id) } });
      } else {
        const length = Math.min(3, spot.run.from + spot.run.insert.length - spot.at);
        line.format(spot.at, length, { deletion: { id: newSuggestionId(id) } });
      }
    };

    const path = `/api/documents/${world.documentId}/suggestions`;
    const listSuggestions = async (): Promise<SuggestionDto[]> =>
      (await world.owner.client.get<{ suggestions: SuggestionDto[] }>(path)).body.suggestions;

    for (let round = 0; round < ROUNDS; round += 1) {
      ownerEdit();
      for (const reviewer of reviewers) reviewerEdit(reviewer);
      await converge(`round ${round}`);
      if (random() < 0.4) {
        const listed = await listSuggestions();
        if (listed.length > 0) {
          const chosen = pick(listed);
          const answer = await world.owner.client.post(
            `${path}/${encodeURIComponent(chosen.id)}/${random() < 0.5 ? 'accept' : 'reject'}`,
            {},
          );
          expect([200, 404, 409]).toContain(answer.status);
          await converge(`after settling in round ${round}`);
        }
      }
    }

    const beforeJson = JSON.parse(await converge('before rejecting everything')) as unknown;
    const ownersText = settleSuggestions(
      // Not check()ed: concurrent suggestions can leave text both inserted and deleted.
      getEditorSchema().nodeFromJSON(beforeJson),
      'reject',
      () => true,
    );
    const derivedBefore = extractDerivedContent(
      owner.ydoc.getXmlFragment(EDITOR_FRAGMENT),
    ).plainText;
    for (const suggestion of await listSuggestions()) {
      const answer = await world.owner.client.post(
        `${path}/${encodeURIComponent(suggestion.id)}/reject`,
        {},
      );
      expect(answer.status).toBe(200);
    }
    const after = JSON.parse(await converge('after rejecting everything')) as unknown;
    expect(after).toEqual(ownersText.toJSON());
    expect(JSON.stringify(after)).not.toMatch(/"(insertion|deletion)"/);
    expect(extractDerivedContent(owner.ydoc.getXmlFragment(EDITOR_FRAGMENT)).plainText).toBe(
      derivedBefore,
    );
    expect(await listSuggestions()).toEqual([]);
  }, 120_000);
});
