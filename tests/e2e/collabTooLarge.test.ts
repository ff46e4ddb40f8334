/**
 * A change that would take the document over its size cap is refused with 4413 (issue 8.4):
 * the editor must tell the person that their last change made the document too large, and
 * keep all of their text on screen (read-only, nothing vanishes) until they try again.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson } from './browser';
import { startServerWithOneNote, type E2eServer } from './server';
import {
  editorOf,
  expectNoSeriousA11yIssues,
  PASSWORD,
  signIn,
  syncStateOf,
  typeAtEnd,
} from './steps';

/** The smallest cap the server accepts, so a long paste crosses it. */
const MAX_DOC_BYTES = 4_096;

let server: E2eServer;
let browser: Browser;
let documentUrl = '';

describe('editor when a change makes the document too large', () => {
  beforeAll(async () => {
    ({ server, documentUrl } = await startServerWithOneNote({
      env: { COLLAB_MAX_DOC_BYTES: String(MAX_DOC_BYTES) },
      password: PASSWORD,
    }));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says the last change made it too large and keeps the text on screen, read-only', async () => {
    const { page } = await newPerson({ browser, baseURL: server.url });
    await signIn({ page, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await page.goto(documentUrl);
    await expect.poll(() => syncStateOf(page)).toBe('saved');
    await typeAtEnd(page, 'Agenda for the visit.');
    await expect.poll(() => syncStateOf(page)).toBe('saved');

    // One paste of ~6 KB of text: more than the whole document may hold.
    const pasted = ` ${'Minutes of the housing workshop. '.repeat(180)}`.trimEnd();
    await page.keyboard.insertText(pasted);

    const banner = page.getByTestId('closed-session-banner');
    await banner.getByText(/last change made the document too large/i).waitFor();
    expect(await banner.getAttribute('role')).toBe('alert');
    await expect.poll(() => editorOf(page).getAttribute('contenteditable')).toBe('false');
    const text = await editorOf(page).innerText();
    expect(text).toContain('Agenda for the visit.');
    expect(text).toContain(pasted.trim());
    expect(await banner.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await expectNoSeriousA11yIssues(page);
  });
});
