/**
 * Suggestion mode in real Chromium (issue 13): a reviewer types and deletes in the case study,
 * which become an insertion and a deletion (her editor is suggest-only); the owner, with the
 * same document open, sees both live in the text and in the sidebar (and in her notifications),
 * Rita starts a reply thread from her suggestion's card (Ana's card links it), Ana accepts the
 * insertion and rejects the deletion, and both pages end with the same plain text.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSharedDocument } from './server';
import { useE2eStage } from './stage';
import { editorOf, PASSWORD, signIn } from './steps';

let documentId = '';

/** Selects the first occurrence of `words` in the editor, as a mouse drag would. */
async function selectWords(page: Page, words: string): Promise<void> {
  await page.evaluate((target) => {
    const root = document.querySelector('.ProseMirror');
    if (!root) throw new Error('no editor');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(target) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${target}" is not in the editor`);
  }, words);
}

describe('suggestion mode', () => {
  const stage = useE2eStage();

  beforeAll(async () => {
    const seeded = await seedSharedDocument({
      serverUrl: stage.server.url,
      password: PASSWORD,
      member: { email: 'rita@bamberg.example', name: 'Rita Reviewer', role: 'reviewer' },
      document: { title: 'Stuttgart case study', kind: 'case-study' },
    });
    documentId = seeded.documentId;
  });

  it('a reviewer suggests; the owner sees it live, accepts one and rejects the other', async () => {
    const { page: ana } = await stage.cast.add();
    const { page: rita } = await stage.cast.add();
    await signIn({ page: ana, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await signIn({ page: rita, email: 'rita@bamberg.example', name: 'Rita Reviewer' });
    await Promise.all([
      ana.goto(`/documents/${documentId}`),
      rita.goto(`/documents/${documentId}`),
    ]);
    await Promise.all([editorOf(ana).waitFor(), editorOf(rita).waitFor()]);

    // An insertion: typed right after "main countries".
    await editorOf(rita).click();
    await selectWords(rita, 'main countries');
    await rita.keyboard.press('ArrowRight');
    await rita.keyboard.type(' and cities');
    // A deletion: "recent " selected and deleted.
    await selectWords(rita, 'recent ');
    await rita.keyboard.press('Backspace');

    const anaText = editorOf(ana);
    await anaText.locator('ins.suggestion-insertion', { hasText: 'and cities' }).waitFor();
    await anaText.locator('del.suggestion-deletion', { hasText: 'recent' }).waitFor();
    const cards = ana.getByTestId('suggestion-card');
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(2);

    // Rita starts a reply thread on her insertion: a comment anchored on the suggested text.
    const ritaCard = rita.getByTestId('suggestion-card').filter({ hasText: 'and cities' });
    await ritaCard.getByRole('button', { name: 'Reply' }).click();
    const draft = rita.getByTestId('new-comment');
    await draft.getByRole('textbox').fill('Cities matter as much as countries here.');
    await draft.getByRole('button', { name: 'Comment' }).click();
    // Ana's card links the thread; the suggestion notified her (the bell counts it).
    const anaThread = cards.filter({ hasText: 'and cities' }).getByTestId('suggestion-thread');
    await expect.poll(() => anaThread.textContent(), { timeout: 10_000 }).toBe('1 comment');
    await expect
      .poll(async () =>
        Number(await ana.getByTestId('notification-bell').getAttribute('data-unread')),
      )
      .toBeGreaterThanOrEqual(1);

    await cards.filter({ hasText: 'and cities' }).getByRole('button', { name: 'Accept' }).click();
    await cards.filter({ hasText: 'recent' }).getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(0);

    for (const page of [ana, rita]) {
      const text = editorOf(page);
      await expect
        .poll(async () => (await text.locator('ins, del').count()) === 0, { timeout: 10_000 })
        .toBe(true);
      // The text without the other person's caret label.
      const content = await text.evaluate((root) => {
        const copy = root.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[class*="caret"]').forEach((caret) => caret.remove());
        return copy.textContent ?? '';
      });
      expect(content.slice(content.indexOf('main'), content.indexOf('trends') + 6)).toBe(
        'main countries and cities of origin and recent trends',
      );
    }
  }, 90_000);
});
