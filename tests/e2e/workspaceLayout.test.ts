/**
 * The workspace page on a laptop (1280×800) and a landscape tablet (1180×820): the filters
 * must stay inside their card and the header's main action must not break onto two lines.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSoloAuthorStage } from './soloAuthorStage';
import { expectNoSeriousA11yIssues, screenshot } from './steps';

/** How many lines the element's text is laid out on (1 when it does not wrap). */
function textLineCount(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    return tops.size;
  });
}

/** The controls of `container` whose box sticks out of `container`'s box, by accessible text. */
function controlsOutside(container: Locator): Promise<string[]> {
  return container.evaluate((element) => {
    const outer = element.getBoundingClientRect();
    return [...element.querySelectorAll('input, select, button')]
      .filter((control) => {
        const box = control.getBoundingClientRect();
        return box.left < outer.left - 0.5 || box.right > outer.right + 0.5;
      })
      .map((control) => control.textContent?.trim() || control.getAttribute('name') || '?');
  });
}

describe('workspace page layout', () => {
  const solo = useSoloAuthorStage();

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1180, height: 820 },
  ]) {
    it(`keeps the active filters inside the documents card at ${viewport.width}px`, async () => {
      await solo.ana.setViewportSize(viewport);
      await solo.ana.goto(solo.workspaceUrl);
      const filters = solo.ana.getByRole('search', { name: 'Filter documents' });
      await filters.getByRole('searchbox', { name: 'Search' }).fill('nothing like this');
      await filters.getByRole('button', { name: 'Clear filters' }).waitFor();
      await screenshot(solo.ana, `ux-filters-${viewport.width}`);
      expect(await controlsOutside(filters)).toEqual([]);
      expect(await textLineCount(filters.getByRole('button', { name: 'Clear filters' }))).toBe(1);
      await expectNoSeriousA11yIssues(solo.ana);
    });

    it(`shows the page's main action on one line at ${viewport.width}px`, async () => {
      await solo.ana.setViewportSize(viewport);
      await solo.ana.goto(solo.workspaceUrl);
      const newDocument = solo.ana.getByRole('button', { name: 'New document' });
      await newDocument.waitFor();
      expect(await textLineCount(newDocument)).toBe(1);
    });
  }
});
