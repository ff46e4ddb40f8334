/**
 * The trash screen (issue 17, item 7): Ana moves her note to the trash from the editor, finds
 * it on the workspace's Trash page with the day it is deleted for good, restores it, and it is
 * back in the workspace's list.
 */
import { describe, expect, it } from 'vitest';
import { TRASH_RETENTION_DAYS } from '../../shared/domain';
import { useSoloAuthorStage } from './soloAuthorStage';
import { expectNoSeriousA11yIssues, screenshot } from './steps';

const TITLE = 'Notes from the Stuttgart visit';

describe('trash screen', () => {
  const solo = useSoloAuthorStage();

  it('lists a trashed document with its purge date and restores it', async () => {
    const page = solo.ana;
    await page.goto(solo.documentUrl);
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.waitForURL(`**${solo.workspaceUrl}`);
    expect(question).toContain('Trash page');
    await page.getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor();

    const item = page.getByRole('listitem').filter({ hasText: TITLE });
    await item.waitFor();
    const purgeOn = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(
      new Date(Date.now() + TRASH_RETENTION_DAYS * 24 * 60 * 60 * 1000),
    );
    await expect.poll(() => item.textContent()).toContain(`Deleted for good on ${purgeOn}`);
    await screenshot(page, 'trash-list');
    await expectNoSeriousA11yIssues(page);

    await item.getByRole('button', { name: `Restore “${TITLE}”` }).click();
    await page.getByText(`“${TITLE}” is back in the workspace.`).waitFor();
    await page.getByText('The trash is empty.').waitFor();

    await page.getByRole('link', { name: 'Housing and integration' }).click();
    await page.getByRole('link', { name: TITLE }).waitFor();
  });
});
