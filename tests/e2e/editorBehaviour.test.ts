/**
 * Editing as one author: one Undo reverts only the last typing burst, the offline state is
 * shown accessibly and recovers, and addresses typed without https:// make working links.
 */
import { describe, expect, it } from 'vitest';
import { useSoloAuthorStage } from './soloAuthorStage';
import {
  addLinkThroughDialog,
  editorOf,
  expectNoSeriousA11yIssues,
  insertImageThroughDialog,
  screenshot,
  syncStateOf,
  typeAtEnd,
} from './steps';

describe('editing as one author', () => {
  const solo = useSoloAuthorStage();

  it('undoes one typing burst at a time when the bursts are a pause apart', async () => {
    await solo.ana.setViewportSize({ width: 1280, height: 800 });
    await solo.ana.goto(solo.documentUrl);
    await editorOf(solo.ana).waitFor();
    await expect.poll(() => syncStateOf(solo.ana)).toBe('saved');
    await typeAtEnd(solo.ana, 'First burst.');
    // Longer than the UndoManager's 500 ms captureTimeout: a separate undo step.
    await solo.ana.waitForTimeout(1_000);
    await solo.ana.keyboard.type(' Second burst.');
    await expect.poll(() => editorOf(solo.ana).innerText()).toContain('First burst. Second burst.');
    await solo.ana.keyboard.press('Control+z');
    await expect.poll(() => editorOf(solo.ana).innerText()).not.toContain('Second burst.');
    expect(await editorOf(solo.ana).innerText()).toContain('First burst.');
    await solo.ana.keyboard.press('Control+z');
    await expect.poll(() => editorOf(solo.ana).innerText()).not.toContain('First burst.');
    await solo.ana.keyboard.press('Control+Shift+z');
    await expect.poll(() => editorOf(solo.ana).innerText()).toContain('First burst.');
    expect(await editorOf(solo.ana).innerText()).not.toContain('Second burst.');
  });

  it('shows the offline state without accessibility problems and recovers to Saved', async () => {
    await solo.ana.goto(solo.documentUrl);
    await expect.poll(() => syncStateOf(solo.ana)).toBe('saved');
    await solo.ana.context().setOffline(true);
    try {
      await expect.poll(() => syncStateOf(solo.ana)).toBe('offline');
      await typeAtEnd(solo.ana, ' Written offline.');
      await screenshot(solo.ana, 'ux-offline');
      await expectNoSeriousA11yIssues(solo.ana);
    } finally {
      await solo.ana.context().setOffline(false);
    }
    await expect.poll(() => syncStateOf(solo.ana), { timeout: 15_000 }).toBe('saved');
  });

  it('makes a working link and image from addresses typed without https://', async () => {
    await solo.ana.goto(solo.documentUrl);
    await expect.poll(() => syncStateOf(solo.ana)).toBe('saved');
    await typeAtEnd(solo.ana, ' City website');
    for (let step = 0; step < 'City website'.length; step += 1) {
      await solo.ana.keyboard.press('Shift+ArrowLeft');
    }
    await addLinkThroughDialog(solo.ana, 'www.stuttgart.de');
    const link = editorOf(solo.ana).getByRole('link', { name: 'City website' });
    await expect.poll(() => link.getAttribute('href')).toBe('https://www.stuttgart.de');

    await insertImageThroughDialog(solo.ana, {
      address: 'www.example.org/housing.png',
      alt: 'New housing in Stuttgart',
    });
    await expect
      .poll(() => editorOf(solo.ana).locator('img').first().getAttribute('src'))
      .toBe('https://www.example.org/housing.png');
  });
});
