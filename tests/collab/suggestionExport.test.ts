/**
 * Open suggestions in a DOCX export, through the real server: a reviewer suggests in the live
 * document with the shared schema's suggestion marks (a stock y-websocket client, as suggestion
 * mode writes them), and the owner's `format=docx&comments=open` download, opened with a ZIP
 * and a Word reader, holds them as tracked changes (`w:ins`, `w:del`) under the reviewer's
 * name; the plain DOCX holds the text as it stands (suggestions rejected, no revision marks).
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { SuggestionDto } from '../../shared/api/suggestions';
import { newSuggestionId } from '../../shared/editor/suggestionId';
import { downloadExport } from '../http/exportDownload';
import { blockText, openEditor, setParagraphs, startDocumentWorld } from './editorWorld';
import { useCollabScope, waitFor } from './helpers';

const { defer } = useCollabScope();

/** The `w:t` / `w:delText` texts inside each `<tag …w:author="…">…</tag>` of document.xml. */
function revisions(
  documentXml: string,
  tag: 'w:ins' | 'w:del',
): { author: string; text: string }[] {
  const pattern = new RegExp(`<${tag} [^>]*w:author="([^"]*)"[^>]*>([\\s\\S]*?)</${tag}>`, 'g');
  return [...documentXml.matchAll(pattern)].map((match) => ({
    author: match[1] ?? '',
    text: [...(match[2] ?? '').matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)]
      .map((part) => part[1])
      .join(''),
  }));
}

describe('open suggestions in a DOCX export', () => {
  it('are tracked changes under their author’s name, and are left out of the plain file', async () => {
    const world = await startDocumentWorld(defer);
    const reviewer = await world.member('reviewer');
    const ownerDoc = await openEditor(world.owner.client, world.documentId, defer);
    setParagraphs(ownerDoc.ydoc, ['Housing first in Stuttgart']);
    const reviewerDoc = await openEditor(reviewer.client, world.documentId, defer);
    await waitFor(
      () => blockText(reviewerDoc.ydoc, 0)?.toString() === 'Housing first in Stuttgart',
      'sync',
    );

    const line = blockText(reviewerDoc.ydoc, 0);
    line.insert(0, 'Social ', { insertion: { id: newSuggestionId(reviewer.user.id) } });
    line.format(21, 3, { deletion: { id: newSuggestionId(reviewer.user.id) } }); // "in "
    await waitFor(async () => {
      const answer = await world.owner.client.get<{ suggestions: SuggestionDto[] }>(
        `/api/documents/${world.documentId}/suggestions`,
      );
      return answer.body.suggestions.length === 2;
    }, 'both suggestions are recorded');

    const reviewed = await downloadExport(
      world.server.url,
      world.owner.client,
      world.documentId,
      'format=docx&comments=open',
    );
    expect(reviewed.status).toBe(200);
    const documentXml =
      (await (await JSZip.loadAsync(reviewed.body)).file('word/document.xml')?.async('string')) ??
      '';
    expect(revisions(documentXml, 'w:ins')).toEqual([
      { author: reviewer.user.name, text: 'Social ' },
    ]);
    expect(revisions(documentXml, 'w:del')).toEqual([{ author: reviewer.user.name, text: 'in ' }]);
    // A Word reader shows the document (after its title) as if the changes were accepted.
    const { value: accepted } = await mammoth.extractRawText({ buffer: reviewed.body });
    expect(accepted.trim().split('\n').at(-1)).toBe('Social Housing first Stuttgart');

    const plain = await downloadExport(
      world.server.url,
      world.owner.client,
      world.documentId,
      'format=docx',
    );
    const plainXml =
      (await (await JSZip.loadAsync(plain.body)).file('word/document.xml')?.async('string')) ?? '';
    expect(plainXml).not.toMatch(/<w:(ins|del) /);
    const { value: asItStands } = await mammoth.extractRawText({ buffer: plain.body });
    expect(asItStands.trim().split('\n').at(-1)).toBe('Housing first in Stuttgart');
  });
});
