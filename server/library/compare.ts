/**
 * Cross-city comparison: one level-2 section of several published documents, side by side,
 * and the same as CSV or Markdown for an overview report.
 */
import { loadHtmlExport, loadMarkdownExport } from '../exports';
import { libraryDocumentUrl } from './citation';
import { sectionOf } from './content';
import { trustedHtml } from './html';
import { loadLibraryReading, type LibraryEntry } from './queries';
import type { ComparisonColumn } from './templates';
import type { Storage } from '../storage/types';

/** Most documents one comparison takes (columns side by side stay readable). */
export const MAX_COMPARED_DOCUMENTS = 8;

/** One compared document: its entry, the section as HTML and as Markdown (null if absent). */
export interface ComparedSection extends ComparisonColumn {
  markdown: string | null;
}

/** The compared sections of the published documents among `ids` (others are left out). */
export async function loadComparison(
  storage: Storage,
  ids: string[],
  section: string,
): Promise<ComparedSection[]> {
  const [readings, { toHtmlBody }, { toMarkdown }] = await Promise.all([
    Promise.all(ids.map((id) => loadLibraryReading(storage, id))),
    loadHtmlExport(),
    loadMarkdownExport(),
  ]);
  return readings.flatMap((reading) => {
    if (!reading) return [];
    const node = sectionOf(reading.content, section);
    return [
      {
        entry: reading,
        section: node ? trustedHtml(toHtmlBody(node)) : null,
        markdown: node ? toMarkdown(node).trim() : null,
      },
    ];
  });
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function place(entry: LibraryEntry): [string, string] {
  return [entry.city?.name ?? '', entry.city?.country ?? ''];
}

/** CSV: one row per document (title, city, country, year, URL, the section as Markdown). */
export function comparisonCsv(columns: ComparedSection[], baseUrl: string): string {
  const rows = [['title', 'city', 'country', 'year', 'url', 'section']];
  for (const { entry, markdown } of columns) {
    rows.push([
      entry.document.title,
      ...place(entry),
      String(entry.year),
      libraryDocumentUrl(baseUrl, entry.document.id),
      markdown ?? '',
    ]);
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Markdown: a heading per document with its city and year, then its section. */
export function comparisonMarkdown(
  columns: ComparedSection[],
  section: string,
  baseUrl: string,
): string {
  const parts = [`# ${section}`];
  for (const { entry, markdown } of columns) {
    const [city, country] = place(entry);
    parts.push(
      `## ${entry.document.title}`,
      `${city ? `${city}, ${country} · ` : ''}${entry.year} · ${libraryDocumentUrl(baseUrl, entry.document.id)}`,
      markdown ?? '_No section of that name._',
    );
  }
  return `${parts.join('\n\n')}\n`;
}
