/**
 * Ways to cite a library document: a suggested citation line, BibTeX and RIS files, and the
 * Atom feed of new publications. All plain text formats built from the entry's metadata.
 */
import { escapeHtml } from '../exports/escapeHtml';
import type { LibraryEntry } from './queries';

/** Who the library names as author: the network, since documents are agreed jointly. */
export const LIBRARY_AUTHOR = 'CLIP Network';

/** The stable public URL of a library document. */
export function libraryDocumentUrl(baseUrl: string, documentId: string): string {
  return `${baseUrl}/library/${encodeURIComponent(documentId)}`;
}

const KIND_NAMES: Record<string, string> = {
  guideline: 'Guideline',
  'case-study': 'Case study',
  minutes: 'Minutes',
  note: 'Note',
};

/** The document kind as a reader sees it ("Case study"). */
export function kindName(kind: string): string {
  return KIND_NAMES[kind] ?? kind;
}

/** "CLIP Network (2026). Title (Stuttgart, DE). Case study. https://…/library/id" */
export function suggestedCitation(entry: LibraryEntry, url: string): string {
  const place = entry.city ? ` (${entry.city.name}, ${entry.city.country})` : '';
  return `${LIBRARY_AUTHOR} (${entry.year}). ${entry.document.title}${place}. ${kindName(entry.document.kind)}. ${url}`;
}

/** BibTeX values: braces balanced away and backslashes dropped, so a title cannot end the field. */
function bibValue(text: string): string {
  return text.replace(/[{}\\]/g, '').replace(/[\r\n]+/g, ' ');
}

/** A BibTeX `@misc` entry keyed by the document id. */
export function toBibtex(entry: LibraryEntry, url: string): string {
  const key = `clip-${entry.document.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}`;
  const fields: Array<[string, string]> = [
    ['title', entry.document.title],
    ['author', `{${LIBRARY_AUTHOR}}`],
    ['year', String(entry.year)],
    ['howpublished', `CLIP public library, ${kindName(entry.document.kind)}`],
    ['url', url],
  ];
  if (entry.city) fields.push(['address', `${entry.city.name}, ${entry.city.country}`]);
  const body = fields.map(([name, value]) => `  ${name} = {${bibValue(value)}}`).join(',\n');
  return `@misc{${key},\n${body}\n}\n`;
}

/** An RIS record (type GEN, or CASE for case studies); one tag per line, CRLF as RIS asks. */
export function toRis(entry: LibraryEntry, url: string): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/[\r\n]+/g, ' ')}`;
  const lines = [
    line('TY', entry.document.kind === 'case-study' ? 'CASE' : 'GEN'),
    line('TI', entry.document.title),
    line('AU', LIBRARY_AUTHOR),
    line('PY', String(entry.year)),
    line('DA', entry.version.createdAt.toISOString().slice(0, 10).replace(/-/g, '/')),
    ...(entry.city ? [line('CY', `${entry.city.name}, ${entry.city.country}`)] : []),
    ...entry.document.policyAreas.map((area) => line('KW', area)),
    line('UR', url),
    line('ER', ''),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** The Atom feed of publications, newest first (`entries` already in that order). */
export function toAtomFeed(entries: LibraryEntry[], baseUrl: string): string {
  const updated = entries[0]?.version.createdAt ?? new Date(0);
  const items = entries.map((entry) => {
    const url = libraryDocumentUrl(baseUrl, entry.document.id);
    const place = entry.city ? ` — ${entry.city.name}, ${entry.city.country}` : '';
    return [
      '  <entry>',
      `    <id>${escapeHtml(url)}</id>`,
      `    <title>${escapeHtml(entry.document.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeHtml(url)}"/>`,
      `    <updated>${entry.version.createdAt.toISOString()}</updated>`,
      `    <summary>${escapeHtml(kindName(entry.document.kind) + place)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeHtml(`${baseUrl}/library`)}</id>`,
    '  <title>CLIP public library: new publications</title>',
    `  <link rel="self" type="application/atom+xml" href="${escapeHtml(`${baseUrl}/library/feed.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeHtml(`${baseUrl}/library`)}"/>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${LIBRARY_AUTHOR}</name></author>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
