/**
 * Phones and tablets (issue 17, item 1): at 390×844 and 768×1024 no page is wider than the
 * screen, the header's links and the account menu (sign out, language) stay reachable, the
 * workspace's documents show as cards on a phone, the editor's toolbar is one row, and the
 * editor's details open from a toggle instead of sitting below the whole text.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSoloAuthorStage } from './soloAuthorStage';
import { expectNoSeriousA11yIssues, screenshot } from './steps';

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
] as const;

/** How far the page is wider than the window (0 when it fits). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Opens `path` and waits until its heading is shown and no skeleton is left. */
async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
  await expect.poll(() => page.locator('.skeleton').count()).toBe(0);
}

/** Whether the element's box lies inside the window horizontally. */
function isInsideWindow(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth;
  });
}

describe('responsive layout', () => {
  const solo = useSoloAuthorStage();

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}×${viewport.height}`;

    it(`fits every page into ${size}`, async () => {
      const page = solo.ana;
      await page.setViewportSize(viewport);
      const paths = [
        '/',
        solo.workspaceUrl,
        `${solo.workspaceUrl}/trash`,
        solo.documentUrl,
        '/search?q=Stuttgart',
        '/account',
        '/admin',
        '/library',
      ];
      const overflowing: string[] = [];
      for (const path of paths) {
        await openPage(page, path);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) overflowing.push(`${path}: ${overflow}px too wide`);
        await screenshot(page, `responsive-${viewport.width}-${path.replace(/\W+/g, '-')}`);
      }
      expect(overflowing).toEqual([]);
    });

    it(`keeps the header's links and the account menu reachable at ${size}`, async () => {
      const page = solo.ana;
      await page.setViewportSize(viewport);
      await openPage(page, solo.workspaceUrl);
      const menuButton = page.getByRole('button', { name: 'Menu', exact: true });
      if (await menuButton.isVisible()) await menuButton.click();
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const name of ['Dashboard', 'Library', 'Network']) {
        const link = nav.getByRole('link', { name });
        expect(await link.isVisible()).toBe(true);
        expect(
          await link.evaluate((element) => element.getBoundingClientRect().right),
        ).toBeLessThanOrEqual(viewport.width);
      }
      await page
        .getByRole('searchbox', { name: /Search/ })
        .first()
        .waitFor();
      if (await menuButton.isVisible()) await menuButton.click();

      await page.getByRole('button', { name: /Account menu/ }).click();
      expect(await isInsideWindow(page, '#account-menu-panel')).toBe(true);
      await page.getByRole('combobox', { name: 'Language' }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoSeriousA11yIssues(page);
      await page.keyboard.press('Escape');
    });
  }

  it('fits the sign-in page, signed out, at both sizes', async () => {
    const browser = solo.ana.context().browser();
    if (!browser) throw new Error('No browser');
    const context = await browser.newContext({ baseURL: new URL(solo.ana.url()).origin });
    try {
      const page = await context.newPage();
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        await openPage(page, '/login');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await expectNoSeriousA11yIssues(page);
      }
    } finally {
      await context.close();
    }
  });

  it('shows documents as cards on a phone', async () => {
    const page = solo.ana;
    await page.setViewportSize(VIEWPORTS[0]);
    await openPage(page, solo.workspaceUrl);
    const row = page.locator('.documents-table tbody tr').first();
    expect(await row.evaluate((element) => getComputedStyle(element).display)).toBe('block');
    expect(await isInsideWindow(page, '.documents-table tbody tr')).toBe(true);
  });

  it('keeps the editor toolbar on one row and opens the details from a toggle', async () => {
    const page = solo.ana;
    await page.setViewportSize(VIEWPORTS[0]);
    await openPage(page, solo.documentUrl);
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    await toolbar.waitFor();
    // One row: every button's top is the same line.
    const tops = await toolbar
      .locator('button')
      .evaluateAll((buttons) => new Set(buttons.map((b) => b.getBoundingClientRect().top)).size);
    expect(tops).toBe(1);

    const details = page.getByRole('heading', { name: 'Details', level: 2 });
    expect(await details.isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: 'Details and comments' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await details.waitFor();
    // Opened near the top of the page, not 4,400 px down below the text.
    const top = await details.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeLessThan(viewportHeight(page) * 2);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yIssues(page);
    await screenshot(page, 'responsive-editor-details-open');
  });
});

function viewportHeight(page: Page): number {
  return page.viewportSize()?.height ?? 844;
}
