/**
 * The library's pages as functions of their data. Every user-provided value goes through the
 * `html` tag (escaped); the document body is `toHtmlBody`'s sanitised output. No scripts and
 * no inline styles: the one stylesheet is `/library/library.css`, so the strict CSP holds.
 */
import type { OutlineHeading } from '../storage/port/documents';
import { kindName } from './citation';
import { MAX_COMPARED_DOCUMENTS } from './compare';
import { html, type SafeHtml } from './html';
import type { LibraryEntry } from './queries';

/** The most case studies the compare form offers (narrow the list by its facets first). */
const MAX_COMPARE_CHOICES = 50;

/** A facet value, its count, and the link that narrows (or widens) the list by it. */
export interface FacetLink {
  label: string;
  count: number;
  href: string;
  selected: boolean;
}

/** One facet group (e.g. "City") with its values. */
export interface FacetGroup {
  title: string;
  links: FacetLink[];
}

/** The page frame: header with the library's name and sign-in link, main, feed link. */
export function layout(input: { title: string; main: SafeHtml }): string {
  return `<!doctype html>\n${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${input.title} · CLIP public library</title>
        <link rel="stylesheet" href="/library/library.css" />
        <link
          rel="alternate"
          type="application/atom+xml"
          title="New publications"
          href="/library/feed.atom"
        />
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="library-header">
          <a class="library-brand" href="/library">CLIP public library</a>
          <nav aria-label="Library">
            <a href="/library/feed.atom">Atom feed</a>
            <a href="/login">Sign in</a>
          </nav>
        </header>
        <main id="main">${input.main}</main>
      </body>
    </html> `.value
  }`;
}

function entryMeta(entry: LibraryEntry): SafeHtml {
  const city = entry.city ? `${entry.city.name}, ${entry.city.country}` : null;
  return html`<p class="meta">
    ${kindName(entry.document.kind)}${city ? ` · ${city}` : ''} · published ${entry.year}
  </p>`;
}

/**
 * "Compare case studies": pick some of the listed case studies and one section, to read that
 * section side by side (`/library/compare`). A plain GET form, no script: the boxes send
 * `documents` once per pick. Empty when fewer than two case studies are listed.
 */
function compareForm(input: { entries: LibraryEntry[]; sections: readonly string[] }): SafeHtml {
  const caseStudies = input.entries
    .filter((entry) => entry.document.kind === 'case-study')
    .slice(0, MAX_COMPARE_CHOICES);
  if (caseStudies.length < 2) return html``;
  return html`<form
    class="library-compare"
    method="get"
    action="/library/compare"
    aria-labelledby="compare-heading"
  >
    <h2 id="compare-heading">Compare case studies</h2>
    <fieldset>
      <legend>Case studies (up to ${MAX_COMPARED_DOCUMENTS})</legend>
      <ul>
        ${caseStudies.map(
          (entry) =>
            html`<li>
              <label
                ><input type="checkbox" name="documents" value="${entry.document.id}" />
                ${entry.document.title}</label
              >
            </li>`,
        )}
      </ul>
    </fieldset>
    <label for="compare-section">Section</label>
    <input
      id="compare-section"
      name="section"
      list="compare-sections"
      required
      value="${input.sections[0] ?? ''}"
    />
    <datalist id="compare-sections">
      ${input.sections.map((section) => html`<option value="${section}"></option>`)}
    </datalist>
    <button type="submit">Compare</button>
  </form>`;
}

/** The list page: search box, facet links, the matching publications and the compare form. */
export function libraryListPage(input: {
  q: string;
  entries: LibraryEntry[];
  facets: FacetGroup[];
  /** Section names to suggest in the compare form (the case-study template's headings). */
  compareSections: readonly string[];
}): string {
  const facets = input.facets
    .filter((group) => group.links.length > 0)
    .map(
      (group) =>
        html`<section class="facet">
          <h2>${group.title}</h2>
          <ul>
            ${group.links.map(
              (link) =>
                html`<li>
                  <a href="${link.href}" ${link.selected ? html` aria-current="true"` : ''}
                    >${link.label}</a
                  >
                  <span class="count">(${link.count})</span>
                </li>`,
            )}
          </ul>
        </section>`,
    );
  const results =
    input.entries.length === 0
      ? html`<p>No published documents match.</p>`
      : html`<ol class="results">
          ${input.entries.map(
            (entry) =>
              html`<li>
                <h3><a href="/library/${entry.document.id}">${entry.document.title}</a></h3>
                ${entryMeta(entry)}
              </li>`,
          )}
        </ol>`;
  const main = html`<h1>Public library</h1>
    <form class="library-search" method="get" action="/library" role="search">
      <label for="library-q">Search published documents</label>
      <input id="library-q" name="q" type="search" value="${input.q}" />
      <button type="submit">Search</button>
    </form>
    <div class="library-columns">
      <nav class="facets" aria-label="Filters">${facets}</nav>
      <section class="library-results" aria-label="Results">
        <p class="count">
          ${input.entries.length} ${input.entries.length === 1 ? 'publication' : 'publications'}
        </p>
        ${results} ${compareForm({ entries: input.entries, sections: input.compareSections })}
      </section>
    </div>`;
  return layout({ title: input.q ? `Search: ${input.q}` : 'Public library', main });
}

/** The reading page: metadata, outline, the published text, citation and downloads. */
export function libraryReadingPage(input: {
  entry: LibraryEntry;
  body: SafeHtml;
  outline: OutlineHeading[];
  url: string;
  citation: string;
  cites: LibraryEntry[];
  citedBy: LibraryEntry[];
}): string {
  const { entry } = input;
  const linkList = (title: string, entries: LibraryEntry[]) =>
    entries.length === 0
      ? ''
      : html`<section class="related">
          <h2>${title}</h2>
          <ul>
            ${entries.map(
              (other) =>
                html`<li><a href="/library/${other.document.id}">${other.document.title}</a></li>`,
            )}
          </ul>
        </section>`;
  const id = entry.document.id;
  const outline =
    input.outline.length === 0
      ? ''
      : html`<nav class="outline" aria-label="Outline">
          <h2>Outline</h2>
          <ul>
            ${input.outline.map(
              (heading) => html`<li class="level-${heading.level}">${heading.text}</li>`,
            )}
          </ul>
        </nav>`;
  const rows: Array<[string, string]> = [
    ['Kind', kindName(entry.document.kind)],
    ['City', entry.city ? `${entry.city.name}, ${entry.city.country}` : '—'],
    ['Policy areas', entry.document.policyAreas.join(', ') || '—'],
    ['Stakeholders', entry.document.stakeholders.join(', ') || '—'],
    ['Language', languageNameInEnglish(entry.document.language)],
    ['Published', entry.version.createdAt.toISOString().slice(0, 10)],
  ];
  // The page is in English; the document's own title and text carry their language.
  const main = html`<article class="document" lang="${entry.document.language}">
      <h1 class="document-title">${entry.document.title}</h1>
      <dl class="metadata">
        ${rows.map(
          ([name, value]) =>
            html`<dt>${name}</dt>
              <dd>${value}</dd>`,
        )}
      </dl>
      ${outline}
      <div class="document-body">${input.body}</div>
      ${linkList('Cites', input.cites)} ${linkList('Cited by', input.citedBy)}
    </article>
    <aside class="cite" aria-label="Cite and download">
      <h2>Cite this document</h2>
      <p class="citation">${input.citation}</p>
      <p>Stable URL: <a href="${input.url}">${input.url}</a></p>
      <ul class="downloads">
        <li><a href="/library/${id}/cite.bib">BibTeX</a></li>
        <li><a href="/library/${id}/cite.ris">RIS</a></li>
        <li><a href="/api/documents/${id}/export?format=pdf">PDF</a></li>
        <li><a href="/api/documents/${id}/export?format=docx">DOCX</a></li>
        <li><a href="/api/documents/${id}/export?format=md">Markdown</a></li>
        <li><a href="/api/documents/${id}/export?format=html">HTML</a></li>
      </ul>
    </aside>`;
  return layout({ title: entry.document.title, main });
}

/** One column of the comparison: a city's case study and its section (null if it has none). */
export interface ComparisonColumn {
  entry: LibraryEntry;
  section: SafeHtml | null;
}

/** The comparison page: one section of several case studies side by side. */
export function libraryComparePage(input: {
  section: string;
  columns: ComparisonColumn[];
  downloads: { csv: string; markdown: string };
}): string {
  const main = html`<h1>Compare: ${input.section}</h1>
    <p>
      <a href="${input.downloads.csv}">Download CSV</a> ·
      <a href="${input.downloads.markdown}">Download Markdown</a>
    </p>
    <div class="comparison">
      ${input.columns.map(
        ({ entry, section }) =>
          html`<section class="comparison-column" aria-label="${entry.document.title}">
            <h2><a href="/library/${entry.document.id}">${entry.document.title}</a></h2>
            ${entryMeta(entry)}
            ${section ?? html`<p class="missing">This document has no section of that name.</p>`}
          </section>`,
      )}
    </div>`;
  return layout({ title: `Compare: ${input.section}`, main });
}

/** The page for anything the library does not hold (also unpublished documents). */
export function libraryNotFoundPage(): string {
  return layout({
    title: 'Not found',
    main: html`<h1>Not found</h1>
      <p>
        This document is not in the public library. <a href="/library">Browse the library</a>.
      </p>`,
  });
}

/** "Croatian" for `hr`, from Node's own Intl data. */
function languageNameInEnglish(code: string): string {
  return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
}
