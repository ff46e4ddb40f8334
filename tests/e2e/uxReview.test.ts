/**
 * What a city official or researcher trips over on a laptop (1280×800) and a landscape tablet
 * (1180×820): the workspace filters must stay inside their card, header buttons must not
 * break onto two lines, and one Undo must revert only the last typing burst.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto, WorkspaceDto } from '../../shared/api/entities';
import { createApiClient, signUpAdmin } from '../helpers/server';
import { useE2eStage } from './stage';
import {
  editorOf,
  expectNoSeriousA11yIssues,
  PASSWORD,
  screenshot,
  signIn,
  syncStateOf,
  typeAtEnd,
} from './steps';

let ana: Page;
let workspaceUrl = '';
let documentUrl = '';

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

describe('UX review: layout and undo', () => {
  const stage = useE2eStage();

  beforeAll(async () => {
    const admin = createApiClient(stage.server.url);
    await signUpAdmin(admin, {
      name: 'Ana Admin',
      email: 'ana@stuttgart.example',
      password: PASSWORD,
    });
    const created = await admin.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
      name: 'Housing and integration',
      // A long description, as real workspaces have, is what squeezes the header's button.
      description:
        'CLIP research module on access to housing for migrants and on segregation and ' +
        'integration in European cities: case studies of member cities and the resulting guideline.',
    });
    workspaceUrl = `/w/${created.body.workspace.id}`;
    const document = await admin.post<{ document: DocumentDto }>(
      `/api/workspaces/${created.body.workspace.id}/documents`,
      { title: 'Notes from the Stuttgart visit', kind: 'note' },
    );
    documentUrl = `/documents/${document.body.document.id}`;
    ({ page: ana } = await stage.cast.add());
    await signIn({ page: ana, email: 'ana@stuttgart.example', name: 'Ana Admin' });
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1180, height: 820 },
  ]) {
    it(`keeps the active filters inside the documents card at ${viewport.width}px`, async () => {
      await ana.setViewportSize(viewport);
      await ana.goto(workspaceUrl);
      const filters = ana.getByRole('search');
      await filters.getByRole('searchbox', { name: 'Search' }).fill('nothing like this');
      await filters.getByRole('button', { name: 'Clear filters' }).waitFor();
      await screenshot(ana, `ux-filters-${viewport.width}`);
      expect(await controlsOutside(filters)).toEqual([]);
      expect(await textLineCount(filters.getByRole('button', { name: 'Clear filters' }))).toBe(1);
      await expectNoSeriousA11yIssues(ana);
    });

    it(`shows the page's main action on one line at ${viewport.width}px`, async () => {
      await ana.setViewportSize(viewport);
      await ana.goto(workspaceUrl);
      const newDocument = ana.getByRole('button', { name: 'New document' });
      await newDocument.waitFor();
      expect(await textLineCount(newDocument)).toBe(1);
    });
  }

  it('undoes one typing burst at a time when the bursts are a pause apart', async () => {
    await ana.setViewportSize({ width: 1280, height: 800 });
    await ana.goto(documentUrl);
    await editorOf(ana).waitFor();
    await expect.poll(() => syncStateOf(ana)).toBe('saved');
    await typeAtEnd(ana, 'First burst.');
    // Longer than the UndoManager's 500 ms captureTimeout: a separate undo step.
    await ana.waitForTimeout(1_000);
    await ana.keyboard.type(' Second burst.');
    await expect.poll(() => editorOf(ana).innerText()).toContain('First burst. Second burst.');
    await ana.keyboard.press('Control+z');
    await expect.poll(() => editorOf(ana).innerText()).not.toContain('Second burst.');
    expect(await editorOf(ana).innerText()).toContain('First burst.');
    await ana.keyboard.press('Control+z');
    await expect.poll(() => editorOf(ana).innerText()).not.toContain('First burst.');
    await ana.keyboard.press('Control+Shift+z');
    await expect.poll(() => editorOf(ana).innerText()).toContain('First burst.');
    expect(await editorOf(ana).innerText()).not.toContain('Second burst.');
  });

  it('shows the offline state without accessibility problems and recovers to Saved', async () => {
    await ana.goto(documentUrl);
    await expect.poll(() => syncStateOf(ana)).toBe('saved');
    await ana.context().setOffline(true);
    try {
      await expect.poll(() => syncStateOf(ana)).toBe('offline');
      await typeAtEnd(ana, ' Written offline.');
      await screenshot(ana, 'ux-offline');
      await expectNoSeriousA11yIssues(ana);
    } finally {
      await ana.context().setOffline(false);
    }
    await expect.poll(() => syncStateOf(ana), { timeout: 15_000 }).toBe('saved');
  });

  it('makes a working link and image from addresses typed without https://', async () => {
    await ana.goto(documentUrl);
    await expect.poll(() => syncStateOf(ana)).toBe('saved');
    await typeAtEnd(ana, ' City website');
    for (let step = 0; step < 'City website'.length; step += 1) {
      await ana.keyboard.press('Shift+ArrowLeft');
    }
    ana.once('dialog', (prompt) => void prompt.accept('www.stuttgart.de'));
    await ana.getByRole('button', { name: 'Link' }).click();
    const link = editorOf(ana).getByRole('link', { name: 'City website' });
    await expect.poll(() => link.getAttribute('href')).toBe('https://www.stuttgart.de');

    ana.once('dialog', (prompt) => void prompt.accept('www.example.org/housing.png'));
    await ana.getByRole('button', { name: 'Image from URL' }).click();
    await expect
      .poll(() => editorOf(ana).locator('img').first().getAttribute('src'))
      .toBe('https://www.example.org/housing.png');

    // Not an address: the person is told, and nothing is stored.
    const messages: string[] = [];
    ana.on('dialog', (dialog) => {
      if (dialog.type() === 'prompt') void dialog.accept('javascript:alert(1)');
      else {
        messages.push(dialog.message());
        void dialog.accept();
      }
    });
    await ana.getByRole('button', { name: 'Image from URL' }).click();
    await expect.poll(() => messages).toHaveLength(1);
    expect(messages[0]).toContain('is not a web or e-mail address');
    expect(await editorOf(ana).locator('img').count()).toBe(1);
    ana.removeAllListeners('dialog');
  });
});
