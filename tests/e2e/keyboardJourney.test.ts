/**
 * Keyboard only (issue 17, item 4): Ana creates a case study, writes in it and submits it for
 * review without the mouse. On the way: focus lands on each new page's heading, the editor's
 * toolbar is one Tab stop with arrow keys inside, Esc leaves a list, and `?` opens the
 * shortcut sheet except while typing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSoloAuthorStage } from './soloAuthorStage';
import { editorOf, expectNoSeriousA11yIssues, screenshot } from './steps';

/** What has focus: its accessible-ish name, and whether it is in a toolbar or the editor. */
function focused(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {
      tag: active?.tagName.toLowerCase() ?? '',
      name: (
        active?.getAttribute('aria-label') ??
        (active instanceof HTMLInputElement ? active.labels?.[0]?.textContent : null) ??
        active?.textContent ??
        ''
      ).trim(),
      toolbar: active?.closest('[role="toolbar"]')?.getAttribute('aria-label') ?? null,
      isEditor: active?.classList.contains('ProseMirror') ?? false,
    };
  });
}

/** Presses Tab until `isTarget` holds for the focused element (at most 60 times). */
async function tabUntil(
  page: Page,
  isTarget: (focus: Awaited<ReturnType<typeof focused>>) => boolean,
): Promise<void> {
  for (let step = 0; step < 60; step += 1) {
    if (isTarget(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the element; last: ${JSON.stringify(await focused(page))}`);
}

describe('keyboard-only journey', () => {
  const solo = useSoloAuthorStage();

  it('creates, edits and submits a case study without the mouse', async () => {
    const page = solo.ana;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(solo.workspaceUrl);
    await page.getByRole('heading', { name: 'Housing and integration', level: 1 }).waitFor();

    await tabUntil(page, (focus) => focus.name === 'New document');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New document' });
    await dialog.waitFor();
    await page.keyboard.type('Bologna case study');
    await page.keyboard.press('Tab');
    // Guideline → Case study, on the closed select.
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('combobox', { name: 'Kind' }).inputValue()).toBe('case-study');
    await tabUntil(page, (focus) => focus.name === 'Housing');
    await page.keyboard.press('Space');
    await tabUntil(page, (focus) => focus.name === 'Create and open');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/documents/**');

    // Focus is on the new page's heading, not left on the page body.
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', name: 'Bologna case study' });

    // The toolbar is one Tab stop; the arrow keys move inside it.
    await tabUntil(page, (focus) => focus.toolbar === 'Formatting');
    const first = await focused(page);
    await page.keyboard.press('ArrowRight');
    const second = await focused(page);
    expect(second.toolbar).toBe('Formatting');
    expect(second.name).not.toBe(first.name);
    await page.keyboard.press('Tab');
    expect((await focused(page)).toolbar).toBeNull();

    await tabUntil(page, (focus) => focus.isEditor);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Housing first in Bologna?');
    // `?` while typing is a character, not the shortcut sheet.
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+8');
    await page.keyboard.type('Social housing quota');
    await page.keyboard.press('Escape');
    await page.keyboard.type('After the list.');
    const editor = editorOf(page);
    await expect.poll(() => editor.innerText()).toContain('After the list.');
    expect(await editor.locator('ul').last().innerText()).toContain('Social housing quota');
    expect(await editor.locator('ul').last().innerText()).not.toContain('After the list.');
    expect(await editor.locator('p', { hasText: 'After the list.' }).count()).toBe(1);
    expect(await editor.locator('li', { hasText: 'After the list.' }).count()).toBe(0);
    expect(await editor.innerText()).toContain('Housing first in Bologna?');

    // Out of the text, `?` opens the shortcut sheet; Esc closes it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await sheet.getByText('Leave the list or table').waitFor();
    await expectNoSeriousA11yIssues(page);
    await screenshot(page, 'shortcut-sheet');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });

    await tabUntil(page, (focus) => focus.name === 'Submit for review');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('document-status').innerText()).toBe('In review');
  });
});
