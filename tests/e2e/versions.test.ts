/**
 * Versions in real Chromium (issue 15): the owner saves two versions with different text,
 * opens the older one read-only, compares them and sees the inserted and deleted words
 * marked, then restores the older one while an editor has the document open; the editor's
 * page shows the restored text without reloading, her history panel lists the new version
 * live, and both editors end with the same text. The history panel passes axe.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSharedDocument } from './server';
import { useE2eStage } from './stage';
import { editorOf, expectNoSeriousA11yIssues, PASSWORD, signIn, syncStateOf } from './steps';

let documentId = '';

const OLDER = 'The council funds twelve shelters near the station.';
const NEWER = 'The council funds twenty shelters near the harbour.';

/** The editor's text without the other people's named carets (which are in the DOM too). */
function textOf(page: Page): Promise<string> {
  return editorOf(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return (copy.textContent ?? '').trim();
  });
}

function historyOf(page: Page) {
  return page.getByRole('region', { name: 'History' });
}

/** Waits until the page's edits have reached the server, so a version taken now holds them. */
async function waitUntilSynced(page: Page): Promise<void> {
  await expect.poll(() => syncStateOf(page), { timeout: 10_000 }).toBe('saved');
}

/** Replaces the whole editor text with `text` and waits until the server has it. */
async function replaceText(page: Page, text: string): Promise<void> {
  await editorOf(page).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await expect.poll(() => textOf(page)).toBe(text);
  await waitUntilSynced(page);
}

/** Saves a named version from the history panel and waits for it in the list. */
async function saveVersion(page: Page, label: string): Promise<void> {
  const history = historyOf(page);
  await history.getByRole('textbox', { name: 'Version name' }).fill(label);
  await history.getByRole('button', { name: 'Save version' }).click();
  await history.getByTestId('version-item').filter({ hasText: label }).waitFor();
}

function versionItem(page: Page, label: string) {
  return historyOf(page).getByTestId('version-item').filter({ hasText: label });
}

describe('versions', () => {
  const stage = useE2eStage();

  beforeAll(async () => {
    const seeded = await seedSharedDocument({
      serverUrl: stage.server.url,
      password: PASSWORD,
      member: { email: 'eda@bologna.example', name: 'Eda Editor', role: 'editor' },
      document: { title: 'Shelter plan', kind: 'note' },
    });
    documentId = seeded.documentId;
  });

  it('compares two versions, then restores the older one while another person has it open', async () => {
    const { page: ana } = await stage.cast.add();
    await signIn({ page: ana, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await ana.goto(`/documents/${documentId}`);
    await editorOf(ana).waitFor();

    await replaceText(ana, OLDER);
    await saveVersion(ana, 'First draft');
    await replaceText(ana, NEWER);
    await saveVersion(ana, 'Second draft');

    // Open the first draft: its text, read-only, beside the live editor's newer text.
    await versionItem(ana, 'First draft').getByRole('button', { name: 'Open' }).click();
    const opened = historyOf(ana).getByTestId('version-text');
    await expect.poll(() => opened.innerText(), { timeout: 5_000 }).toBe(OLDER);
    expect(await opened.getAttribute('aria-readonly')).toBe('true');
    expect(await opened.locator('[contenteditable="true"], input, textarea').count()).toBe(0);
    expect(await textOf(ana)).toBe(NEWER);

    // Compare the first draft with the second: the changed words are marked.
    await versionItem(ana, 'First draft').getByRole('button', { name: 'Compare' }).click();
    await historyOf(ana)
      .getByRole('combobox', { name: 'Compare with' })
      .selectOption({ label: 'Second draft' });
    const diff = historyOf(ana).getByTestId('version-diff');
    await expect
      .poll(() => diff.locator('ins').allInnerTexts(), { timeout: 5_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('twenty')]));
    const deleted = await diff.locator('del').allInnerTexts();
    expect(deleted.join(' ')).toContain('twelve');
    expect(deleted.join(' ')).toContain('station');
    expect((await diff.locator('ins').allInnerTexts()).join(' ')).toContain('harbour');
    expect(deleted.join(' ')).not.toContain('council');
    await expectNoSeriousA11yIssues(ana);

    // A second person opens the document and sees the newer text.
    const { page: eda } = await stage.cast.add();
    await signIn({ page: eda, email: 'eda@bologna.example', name: 'Eda Editor' });
    await eda.goto(`/documents/${documentId}`);
    await expect.poll(() => textOf(eda), { timeout: 10_000 }).toBe(NEWER);
    const edaNavigations: string[] = [];
    eda.on('framenavigated', (frame) => {
      if (frame === eda.mainFrame()) edaNavigations.push(frame.url());
    });

    // Ana restores the first draft; Eda's open editor shows it without reloading.
    await versionItem(ana, 'First draft').getByRole('button', { name: 'Restore' }).click();
    await historyOf(ana)
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Restore now' })
      .click();
    await expect.poll(() => textOf(eda), { timeout: 10_000 }).toBe(OLDER);
    await expect.poll(() => textOf(ana), { timeout: 10_000 }).toBe(OLDER);
    expect(edaNavigations).toEqual([]);
    // Her history panel lists the version the restore kept of the text it replaced, live.
    await versionItem(eda, 'Before restoring “First draft”').waitFor({ timeout: 5_000 });

    // Both keep editing the restored text and converge.
    await editorOf(eda).click();
    await eda.keyboard.press('Control+End');
    await eda.keyboard.type(' Eda was here.');
    await expect.poll(() => textOf(ana), { timeout: 10_000 }).toBe(`${OLDER} Eda was here.`);
    await expect.poll(() => textOf(eda)).toBe(`${OLDER} Eda was here.`);
  });
});
