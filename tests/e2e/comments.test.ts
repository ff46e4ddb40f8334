/**
 * Comment threads in real Chromium (issue 12): a reviewer, who cannot edit the text, selects
 * words of a case study and comments; the owner, with the same document open, sees the
 * highlight and the thread appear without reloading and replies; the reviewer sees the reply
 * and the notification badge live; the owner comments with Ctrl+Alt+M, mentions the reviewer
 * through the @-suggestions (arrow keys, Enter), and resolves; the reviewer turns
 * notification e-mail off on her account page. The
 * sidebar and the notification list pass axe.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserDto } from '../../shared/api/entities';
import type { ApiClient } from '../helpers/server';
import { seedSharedDocument } from './server';
import { fillTemplateWithText } from '../helpers/templateText';
import { useE2eStage } from './stage';
import { editorOf, expectNoSeriousA11yIssues, PASSWORD, signIn } from './steps';

let admin: ApiClient;
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

function sidebarOf(page: Page) {
  return page.getByTestId('comments-sidebar');
}

describe('comment threads', () => {
  const stage = useE2eStage();

  beforeAll(async () => {
    const seeded = await seedSharedDocument({
      serverUrl: stage.server.url,
      password: PASSWORD,
      member: { email: 'rita@bamberg.example', name: 'Rita Reviewer', role: 'reviewer' },
      document: { title: 'Stuttgart case study', kind: 'case-study' },
    });
    admin = seeded.admin;
    documentId = seeded.documentId;
    // Text to comment on: the template itself is headings only.
    await fillTemplateWithText(stage.server, documentId);
  });

  it('a reviewer comments; the owner sees the highlight and the thread live, and replies', async () => {
    const { page: ana } = await stage.cast.add();
    const { page: rita } = await stage.cast.add();
    await signIn({ page: ana, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await signIn({ page: rita, email: 'rita@bamberg.example', name: 'Rita Reviewer' });
    await Promise.all([
      ana.goto(`/documents/${documentId}`),
      rita.goto(`/documents/${documentId}`),
    ]);
    await Promise.all([editorOf(ana).waitFor(), editorOf(rita).waitFor()]);
    await rita.getByTestId('read-only-banner').waitFor();

    await selectWords(rita, 'migrant population');
    await rita.getByTestId('comment-button').click();
    const draft = sidebarOf(rita).getByTestId('new-comment');
    await draft
      .getByRole('textbox')
      .fill('Which year are these figures from? https://example.org/stats');
    await draft.getByRole('button', { name: 'Comment' }).click();

    // The owner's open page: the highlight in the text and the thread in the sidebar.
    const highlight = editorOf(ana).locator('.comment-mark');
    await expect
      .poll(() => highlight.first().textContent(), { timeout: 5_000 })
      .toBe('migrant population');
    const thread = sidebarOf(ana).getByTestId('thread');
    await expect.poll(() => thread.count(), { timeout: 5_000 }).toBe(1);
    expect(await thread.getByTestId('comment').first().textContent()).toContain(
      'Which year are these figures from?',
    );
    expect(await thread.getByRole('link').getAttribute('href')).toBe('https://example.org/stats');
    expect(await sidebarOf(ana).getByTestId('filter-open').textContent()).toBe('Open (1)');

    // Clicking the highlighted text opens the thread; the owner replies there.
    await highlight.first().click();
    await expect.poll(() => thread.getAttribute('class')).toContain('thread--active');
    const threadId = (await thread.getAttribute('data-thread-id')) ?? '';
    const reply = sidebarOf(ana).getByTestId(`reply-${threadId}`);
    await reply.getByRole('textbox').fill('From the 2023 census.');
    await reply.getByRole('button', { name: 'Reply' }).click();

    // The reviewer sees the reply without reloading.
    await expect
      .poll(() => sidebarOf(rita).getByTestId('comment').count(), { timeout: 5_000 })
      .toBe(2);
    // …and the notification badge: a reply in her thread.
    await expect
      .poll(() => rita.getByTestId('notification-bell').getAttribute('data-unread'), {
        timeout: 5_000,
      })
      .toBe('1');
    // The bell is drawn (an SVG), not an emoji some machines show as an empty box.
    expect(await rita.getByTestId('notification-bell').locator('svg').count()).toBe(1);
    expect(await rita.getByTestId('notification-bell').textContent()).toBe('1');
    await rita.getByTestId('notification-bell').click();
    await rita.getByRole('link', { name: 'Ana Admin replied in “Stuttgart case study”' }).waitFor();
    await expectNoSeriousA11yIssues(rita);

    // The owner comments with the keyboard shortcut, then resolves the first thread.
    await editorOf(ana).click();
    await selectWords(ana, 'recent trends');
    await ana.keyboard.press('Control+Alt+m');
    const ownDraft = sidebarOf(ana).getByTestId('new-comment');
    // Typing @ and letters suggests the document's readers; Enter takes the highlighted one.
    const ownBox = ownDraft.getByRole('textbox');
    await ownBox.fill('Add 2024, ');
    await ownBox.pressSequentially('@ri');
    const suggestion = ownDraft.getByRole('option', { name: 'Rita Reviewer' });
    await suggestion.waitFor();
    expect(await suggestion.getAttribute('aria-selected')).toBe('true');
    await ownBox.press('Enter');
    await ownBox.pressSequentially('please check.');
    expect(await ownBox.inputValue()).toBe('Add 2024, @Rita Reviewer please check.');
    await expectNoSeriousA11yIssues(ana);
    await ownDraft.getByRole('button', { name: 'Comment' }).click();
    await expect
      .poll(() => sidebarOf(rita).getByTestId('thread').count(), { timeout: 5_000 })
      .toBe(2);
    // The mention went out with the comment (its id), so it is marked in the body.
    await expect
      .poll(() => sidebarOf(rita).locator('.mention').first().textContent(), { timeout: 5_000 })
      .toBe('@Rita Reviewer');
    await sidebarOf(ana)
      .locator(`[data-thread-id="${threadId}"]`)
      .getByRole('button', { name: 'Resolve' })
      .click();
    await expect
      .poll(() => sidebarOf(rita).getByTestId('filter-resolved').textContent(), { timeout: 5_000 })
      .toBe('Resolved (1)');

    // The reviewer turns notification e-mail off on her account page.
    await rita.goto('/account');
    const mailSetting = rita.getByRole('checkbox', {
      name: 'E-mail me a digest of the mentions and replies I have not read in the app',
    });
    expect(await mailSetting.isChecked()).toBe(true);
    await mailSetting.uncheck();
    const ritaAccount = async () => {
      const { body } = await admin.get<{ users: UserDto[] }>('/api/users');
      return body.users.find((user) => user.email === 'rita@bamberg.example');
    };
    await expect
      .poll(async () => (await ritaAccount())?.emailNotifications, { timeout: 5_000 })
      .toBe(false);
    await expectNoSeriousA11yIssues(rita);
  });
});
