/**
 * Tables, links and images in the editor (issue 17, item 6): a table goes in below the
 * selected paragraph instead of replacing it; the table menu adds and removes rows and
 * columns and toggles the header row; the link and image dialogs check what is typed and
 * an image needs its text alternative.
 */
import { describe, expect, it } from 'vitest';
import { useSoloAuthorStage } from './soloAuthorStage';
import { editorOf, expectNoSeriousA11yIssues, screenshot, syncStateOf, typeAtEnd } from './steps';

describe('tables, links and images', () => {
  const solo = useSoloAuthorStage();

  it('inserts a table below the selected paragraph and edits it from the table menu', async () => {
    const page = solo.ana;
    await page.goto(solo.documentUrl);
    await expect.poll(() => syncStateOf(page)).toBe('saved');
    await typeAtEnd(page, 'Keep this paragraph.');
    await page.keyboard.press('Shift+Home');
    await page.getByRole('button', { name: 'Insert table' }).click();

    const editor = editorOf(page);
    await expect.poll(() => editor.locator('table').count()).toBe(1);
    expect(await editor.innerText()).toContain('Keep this paragraph.');
    // The paragraph comes first, the table after it.
    expect(
      await editor.evaluate((root) => {
        const paragraph = [...root.querySelectorAll('p')].find((p) =>
          p.textContent?.includes('Keep this paragraph.'),
        );
        const table = root.querySelector('table');
        return Boolean(
          paragraph &&
          table &&
          paragraph.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
      }),
    ).toBe(true);
    await page.keyboard.type('Bologna');

    const menu = page.getByRole('toolbar', { name: 'Table' });
    await menu.waitFor();
    const rows = () => editor.locator('tr').count();
    const columns = () => editor.locator('tr').first().locator('th, td').count();
    const headerRow = menu.getByRole('button', { name: 'Header row' });
    expect(await headerRow.getAttribute('aria-pressed')).toBe('true');
    await headerRow.click();
    await expect.poll(() => editor.locator('th').count()).toBe(0);
    expect(await headerRow.getAttribute('aria-pressed')).toBe('false');
    await headerRow.click();
    await expect.poll(() => editor.locator('th').count()).toBe(3);
    expect(await rows()).toBe(3);
    await menu.getByRole('button', { name: 'Row below' }).click();
    await expect.poll(rows).toBe(4);
    await menu.getByRole('button', { name: 'Column right' }).click();
    await expect.poll(columns).toBe(4);
    // Into the new, second column, then out with it: the first column keeps its text.
    await editor.locator('tr').first().locator('th').nth(1).click();
    await menu.getByRole('button', { name: 'Delete column' }).click();
    await expect.poll(columns).toBe(3);
    // Into the new row: deleting it leaves the header row and its text.
    await editor.locator('tr').nth(1).locator('td').first().click();
    await menu.getByRole('button', { name: 'Delete row' }).click();
    await expect.poll(rows).toBe(3);

    expect(await editor.locator('table').innerText()).toContain('Bologna');
    await screenshot(page, 'table-menu');
    await expectNoSeriousA11yIssues(page);

    // Outside the table the menu goes away.
    await editor.getByText('Keep this paragraph.').click();
    await menu.waitFor({ state: 'hidden' });
  });

  it('explains a wrong link address in the dialog and stores nothing', async () => {
    const page = solo.ana;
    await page.goto(solo.documentUrl);
    await expect.poll(() => syncStateOf(page)).toBe('saved');
    await typeAtEnd(page, ' Contact');
    await page.keyboard.press('Shift+Control+ArrowLeft');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Link' });
    const address = dialog.getByRole('textbox', { name: 'Link address' });
    await expect
      .poll(() => address.evaluate((input) => input === document.activeElement))
      .toBe(true);
    await address.fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await dialog.getByRole('alert').getByText('is not a web or e-mail address').waitFor();
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yIssues(page);
    await screenshot(page, 'link-dialog-error');

    await address.fill('info@stuttgart.example');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const link = editorOf(page).getByRole('link', { name: 'Contact' });
    await expect.poll(() => link.getAttribute('href')).toBe('mailto:info@stuttgart.example');
    expect(await editorOf(page).locator('a[href^="javascript"]').count()).toBe(0);
  });

  it('requires a text alternative for an image', async () => {
    const page = solo.ana;
    await page.goto(solo.documentUrl);
    await expect.poll(() => syncStateOf(page)).toBe('saved');
    await editorOf(page).click();
    const before = await editorOf(page).locator('img').count();
    await page.getByRole('button', { name: 'Image from URL' }).click();
    const dialog = page.getByRole('dialog', { name: 'Insert image' });
    await dialog
      .getByRole('textbox', { name: 'Image address' })
      .fill('https://example.org/map.png');
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    const alt = dialog.getByRole('textbox', { name: 'Text alternative' });
    await dialog.getByText('Describe the image').waitFor();
    expect(await alt.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yIssues(page);
    expect(await editorOf(page).locator('img').count()).toBe(before);

    await alt.fill('Map of the housing estates');
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() =>
        editorOf(page).locator('img[alt="Map of the housing estates"]').getAttribute('src'),
      )
      .toBe('https://example.org/map.png');
  });
});
