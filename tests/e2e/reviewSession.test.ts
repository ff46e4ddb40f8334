/**
 * A live review session in real Chromium (issue 14): Ana (facilitator, network admin), Emil
 * (editor) and Rita (reviewer) have the case study open. Ana schedules a session with two
 * agenda items picked from the outline and starts it; every page shows the session bar in
 * follow mode. Rita raises her hand (Ana sees the queue and lowers it) and comments; Ana
 * notes a decision, moves to the second item (the others follow), and ends the session; the
 * minutes document lists Rita's thread and the decision. The session bar and the
 * review-request dialog (which offers Gita, a reviewer the document is shared with directly)
 * pass axe.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import type { ApiClient } from '../helpers/server';
import { inviteAndRegister } from '../helpers/server';
import { seedSharedDocument } from './server';
import { useE2eStage } from './stage';
import { editorOf, expectNoSeriousA11yIssues, PASSWORD, signIn } from './steps';

let admin: ApiClient;
let documentId = '';
let outline: DocumentDto['outline'] = [];

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

describe('a live review session', () => {
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
    await inviteAndRegister({
      admin,
      email: 'emil@stuttgart.example',
      name: 'Emil Editor',
      password: PASSWORD,
    });
    await admin.post(`/api/workspaces/${seeded.workspaceId}/members`, {
      email: 'emil@stuttgart.example',
      role: 'editor',
    });
    // Gita is no member: the case study is shared with her alone, as a reviewer.
    await inviteAndRegister({
      admin,
      email: 'gita@oxford.example',
      name: 'Gita Guest',
      password: PASSWORD,
    });
    await admin.post(`/api/documents/${documentId}/shares`, {
      email: 'gita@oxford.example',
      role: 'reviewer',
    });
    const loaded = await admin.get<{ document: DocumentDto }>(`/api/documents/${documentId}`);
    outline = loaded.body.document.outline;
  });

  it('runs through a two-item agenda to the minutes', async () => {
    const [first, second] = outline;
    if (!first || !second) throw new Error('the template has headings');
    const { page: ana } = await stage.cast.add();
    const { page: emil } = await stage.cast.add();
    const { page: rita } = await stage.cast.add();
    await signIn({ page: ana, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await signIn({ page: emil, email: 'emil@stuttgart.example', name: 'Emil Editor' });
    await signIn({ page: rita, email: 'rita@bamberg.example', name: 'Rita Reviewer' });
    const everyone = [ana, emil, rita];
    await Promise.all(everyone.map((page) => page.goto(`/documents/${documentId}`)));
    await Promise.all(everyone.map((page) => editorOf(page).waitFor()));

    // The review-request dialog offers members and Gita (shared with her directly) and
    // passes axe once its list is in (Emil may send the draft to review).
    await emil.getByRole('button', { name: 'Request review' }).click();
    const requestDialog = emil.getByRole('dialog');
    await requestDialog
      .getByRole('checkbox', { name: 'Gita Guest (this document is shared with them)' })
      .waitFor();
    await requestDialog.getByRole('checkbox', { name: 'Rita Reviewer', exact: true }).waitFor();
    await expectNoSeriousA11yIssues(emil);
    await emil.keyboard.press('Escape');

    // Ana schedules two items from the outline and starts the session.
    await ana.getByRole('button', { name: 'Schedule review session' }).click();
    const dialog = ana.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: first.text, exact: true }).check();
    await dialog.getByRole('checkbox', { name: second.text, exact: true }).check();
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await ana.getByRole('button', { name: 'Start', exact: true }).click();
    for (const page of everyone) {
      await expect
        .poll(() => page.getByTestId('session-current-item').textContent())
        .toContain(`Item 1 of 2: ${first.text}`);
    }
    await expect
      .poll(() => rita.getByTestId('session-time-left').textContent())
      .toMatch(/\d+:\d\d left/);
    await expectNoSeriousA11yIssues(ana);

    // Rita raises her hand; Ana sees the queue and lowers it.
    await rita.getByRole('button', { name: 'Raise hand' }).click();
    await expect
      .poll(() => ana.getByTestId('hands-queue').textContent())
      .toContain('Rita Reviewer');
    await ana.getByRole('button', { name: 'Lower Rita Reviewer’s hand' }).click();
    await ana.getByTestId('hands-queue').waitFor({ state: 'detached' });

    // Rita comments during the first item.
    await selectWords(rita, first.text);
    await rita.getByTestId('comment-button').click();
    const draft = rita.getByTestId('comments-sidebar').getByTestId('new-comment');
    await draft.getByRole('textbox').fill('Which year are these figures from?');
    await draft.getByRole('button', { name: 'Comment' }).click();

    // Ana notes the decision and moves on; the others follow.
    await ana.getByLabel(`Decision on ${first.text}`).fill('Add the 2024 figures');
    await ana.getByRole('button', { name: 'Note decision' }).click();
    await ana.getByRole('button', { name: 'Next item' }).click();
    for (const page of everyone) {
      await expect
        .poll(() => page.getByTestId('session-current-item').textContent())
        .toContain(`Item 2 of 2: ${second.text}`);
    }
    await expect
      .poll(() =>
        rita.evaluate((text) => {
          const heading = [
            ...document.querySelectorAll('.ProseMirror h1, .ProseMirror h2, .ProseMirror h3'),
          ].find((element) => element.textContent?.trim() === text);
          const top = heading?.getBoundingClientRect().top ?? -1;
          return top >= 0 && top < window.innerHeight;
        }, second.text),
      )
      .toBe(true);

    // Ana ends it; the minutes list the thread and the decision.
    await ana.getByRole('button', { name: 'End session' }).click();
    // Ending writes and shares the minutes document (several writes and a collab load) before
    // it answers: more than the default 10 s on a loaded CI machine, once.
    await ana.getByTestId('session-bar').waitFor({ state: 'detached', timeout: 30_000 });
    await ana.getByRole('link', { name: 'Minutes' }).click();
    await editorOf(ana).waitFor();
    await expect
      .poll(() => editorOf(ana).textContent())
      .toContain('Which year are these figures from?');
    const minutesText = (await editorOf(ana).textContent()) ?? '';
    expect(minutesText).toContain('Add the 2024 figures');
    expect(minutesText).toContain('Rita Reviewer');
  });
});
