/**
 * A change that would take the document over its size cap is refused with 4413 (issue 8.4):
 * the editor must tell the person that their last change made the document too large, and
 * keep all of their text on screen (read-only, nothing vanishes) until they try again.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DocumentDto, WorkspaceDto } from '../../shared/api/entities';
import { createApiClient, signUpAdmin, startTestServer, type TestServer } from '../helpers/server';
import { launchBrowser, newPerson } from './browser';
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

let server: TestServer;
let browser: Browser;
let documentUrl = '';

describe('editor when a change makes the document too large', () => {
  beforeAll(async () => {
    server = await startTestServer(
      { COLLAB_MAX_DOC_BYTES: String(MAX_DOC_BYTES) },
      { clientDir: inject('e2eClientDir') },
    );
    const admin = createApiClient(server.url);
    await signUpAdmin(admin, {
      name: 'Ana Admin',
      email: 'ana@stuttgart.example',
      password: PASSWORD,
    });
    const created = await admin.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
      name: 'Housing and integration',
    });
    const document = await admin.post<{ document: DocumentDto }>(
      `/api/workspaces/${created.body.workspace.id}/documents`,
      { title: 'Notes from the Bologna visit', kind: 'note' },
    );
    documentUrl = `/documents/${document.body.document.id}`;
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
