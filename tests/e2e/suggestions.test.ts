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
import { fillTemplateWithText } from '../helpers/templateText';
import { useE2eStage } from './stage';
import { editorOf, PASSWORD, signIn } from './steps';

let documentId = '';

/**
 * Selects the first occurrence of `words` in the editor (or, with `caretAfter`, puts the caret
 * right after them), as a mouse would. Through the editor's own state, not a DOM range: the
 * editor reads DOM selection changes a moment later, and a key pressed in between would act
 * on the old selection (the text then lands one character off).
 */
async function selectWords(page: Page, words: string, caretAfter = false): Promise<void> {
  await page.evaluate(
    ({ target, isCaret }) => {
      type TextNode = { isText: boolean; text?: string };
      type EditorLike = {
        state: { doc: { descendants(f: (node: TextNode, pos: number) => boolean): void } };
        commands: {
          setTextSelection(range: { from: number; to: number }): boolean;
          focus(): boolean;
        };
      };
      const root = document.querySelector('.ProseMirror') as
        (Element & { editor?: EditorLike }) | null;
      const editor = root?.editor;
      if (!editor) throw new Error('no editor');
      let from = -1;
      editor.state.doc.descendants((node, pos) => {
        if (from !== -1) return false;
        const at = node.isText ? (node.text ?? '').indexOf(target) : -1;
        if (at !== -1) from = pos + at;
        return true;
      });
      if (from === -1) throw new Error(`"${target}" is not in the editor`);
      const to = from + target.length;
      editor.commands.focus();
      editor.commands.setTextSelection(isCaret ? { from: to, to } : { from, to });
    },
    { target: words, isCaret: caretAfter },
  );
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
    // Text to suggest on: the template itself is headings only.
    await fillTemplateWithText(stage.server, documentId);
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
    await selectWords(rita, 'main countries', true);
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
