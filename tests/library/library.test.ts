/**
 * The public library through the real server: published documents only (404 otherwise, at
 * once after unpublishing), the published version rather than later live edits (made with a
 * stock y-websocket provider), escaped user content, search and facets, citation files, the
 * Atom feed (parsed as XML) and the cross-city comparison.
 */
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openEditor } from '../collab/editorWorld';
import { useCollabScope, waitHandled } from '../collab/helpers';
import {
  createApiClient,
  signUpAdmin,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/server';

const { defer } = useCollabScope();

let server: TestServer;
let owner: ApiClient;
let workspaceId: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = (await signUpAdmin(createApiClient(server.url))).client;
  const workspace = await owner.post<{ workspace: { id: string } }>('/api/workspaces', {
    name: 'Library tests',
  });
  workspaceId = workspace.body.workspace.id;
});

afterAll(async () => {
  await server.close();
});

async function createCity(name: string, country: string): Promise<string> {
  const res = await owner.post<{ organization: { id: string } }>('/api/organizations', {
    name,
    type: 'city',
    country,
  });
  expect(res.status).toBe(201);
  return res.body.organization.id;
}

async function createDocument(body: Record<string, unknown>): Promise<string> {
  const res = await owner.post<{ document: { id: string } }>(
    `/api/workspaces/${workspaceId}/documents`,
    { kind: 'case-study', ...body },
  );
  expect(res.status).toBe(201);
  return res.body.document.id;
}

/** Opens the document with a stock provider, plus a second one to know the server has applied edits. */
async function openDocument(documentId: string) {
  const open = () => openEditor(owner, documentId, defer);
  const editor = await open();
  const observer = await open();
  /**
   * Replaces the content with `blocks` ([level, text] headings, level 0 paragraphs; a third
   * value makes the text a link to it) and waits until the server has applied it.
   */
  const write = async (blocks: Array<[number, string, string?]>) => {
    const fragment = editor.ydoc.getXmlFragment('default');
    editor.ydoc.transact(() => {
      fragment.delete(0, fragment.length);
      fragment.insert(
        0,
        blocks.map(([level, text, href]) => {
          const element = new Y.XmlElement(level > 0 ? 'heading' : 'paragraph');
          if (level > 0) element.setAttribute('level', level as unknown as string);
          const content = new Y.XmlText();
          content.insert(0, text, href ? { link: { href } } : {});
          element.insert(0, [content]);
          return element;
        }),
      );
    });
    await waitHandled({ sender: editor.provider, observer: observer.provider });
  };
  return { write };
}

async function moveTo(documentId: string, ...statuses: string[]): Promise<void> {
  for (const status of statuses) {
    const res = await owner.post(`/api/documents/${documentId}/status`, { status });
    expect(res.status).toBe(200);
  }
}

const publish = (documentId: string) => moveTo(documentId, 'in-review', 'approved', 'published');

async function getPage(path: string) {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('public library', () => {
  let stuttgart: string;
  let bologna: string;
  let stuttgartCity: string;

  beforeAll(async () => {
    stuttgartCity = await createCity('Stuttgart', 'DE');
    const bolognaCity = await createCity('Bologna', 'IT');
    stuttgart = await createDocument({
      title: 'Housing in Stuttgart',
      cityId: stuttgartCity,
      policyAreas: ['housing'],
      stakeholders: ['ngos'],
    });
    bologna = await createDocument({
      title: 'Diversity in Bologna',
      language: 'it',
      cityId: bolognaCity,
      policyAreas: ['equality-diversity'],
      stakeholders: ['charities'],
    });
    const stuttgartDoc = await openDocument(stuttgart);
    await stuttgartDoc.write([
      [2, 'Context'],
      [0, 'Stuttgart grew fast after 2015.'],
      [2, 'Role of  Stakeholders'],
      [0, 'Housing associations and NGOs share the work.'],
      [2, 'Results'],
      [0, 'Fewer people in shelters.'],
    ]);
    await publish(stuttgart);
    await stuttgartDoc.write([
      [2, 'Context'],
      [0, 'A later draft nobody approved.'],
    ]);
    const bolognaDoc = await openDocument(bologna);
    await bolognaDoc.write([
      [2, 'Role of stakeholders'],
      [0, 'The municipality works with charities.'],
    ]);
    await publish(bologna);
  }, 30_000);

  it('shows a published document without an account: its published version, not later edits', async () => {
    const page = await getPage(`/library/${stuttgart}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.text).toContain('<h1 class="document-title">Housing in Stuttgart</h1>');
    expect(page.text).toContain('Stuttgart grew fast after 2015.');
    expect(page.text).toContain('Stuttgart, DE');
    expect(page.text).toContain('href="/login"');
    expect(page.text).toContain(`href="/library/${stuttgart}/cite.bib"`);
    expect(page.text).toContain(`/api/documents/${stuttgart}/export?format=docx`);
    expect(page.text).toMatch(/<li class="level-2">Role of {2}Stakeholders<\/li>/);
    expect(page.text).toContain(
      `CLIP Network (${new Date().getUTCFullYear()}). Housing in Stuttgart`,
    );
    expect(page.text).not.toContain('<script');
  });

  it('marks the document’s own language on its text, and names it', async () => {
    const italian = await getPage(`/library/${bologna}`);
    expect(italian.text).toContain('<article class="document" lang="it">');
    expect(italian.text).toMatch(/<dt>Language<\/dt>\s*<dd>Italian<\/dd>/);
    const english = await getPage(`/library/${stuttgart}`);
    expect(english.text).toContain('<article class="document" lang="en">');
  });

  it('shows the newest publish: a redraft is hidden until it is published again', async () => {
    const redrafted = await createDocument({ title: 'Redrafted study' });
    const doc = await openDocument(redrafted);
    await doc.write([[0, 'First edition text.']]);
    await publish(redrafted);
    // Published text is locked for editing; a new edition starts by moving back to draft.
    await moveTo(redrafted, 'draft');
    await doc.write([[0, 'Second edition text.']]);
    expect((await getPage(`/library/${redrafted}`)).status).toBe(404);
    await publish(redrafted);
    const page = await getPage(`/library/${redrafted}`);
    expect(page.text).toContain('Second edition text.');
    expect(page.text).not.toContain('First edition text.');
  });

  it('links a guideline and the case studies it cites, both ways', async () => {
    const guideline = await createDocument({ title: 'Guideline on housing', kind: 'guideline' });
    const doc = await openDocument(guideline);
    await doc.write([
      [0, 'See Stuttgart', `https://clip.example/library/${stuttgart}`],
      [0, 'and Bologna', `/documents/${bologna}`],
    ]);
    await publish(guideline);
    const page = await getPage(`/library/${guideline}`);
    expect(page.text).toMatch(/<h2>Cites<\/h2>/);
    expect(page.text).toContain(`<a href="/library/${stuttgart}">Housing in Stuttgart</a>`);
    expect(page.text).toContain(`<a href="/library/${bologna}">Diversity in Bologna</a>`);
    const cited = await getPage(`/library/${stuttgart}`);
    expect(cited.text).toMatch(/<h2>Cited by<\/h2>/);
    expect(cited.text).toContain(`<a href="/library/${guideline}">Guideline on housing</a>`);
  });

  it('answers 404 for drafts, unknown ids and, at once, for unpublished documents', async () => {
    const draft = await createDocument({ title: 'Still a draft' });
    expect((await getPage(`/library/${draft}`)).status).toBe(404);
    expect((await getPage('/library/not-an-id')).status).toBe(404);
    expect((await getPage(`/library/${draft}/cite.bib`)).status).toBe(404);
    expect((await getPage('/library')).text).not.toContain('Still a draft');

    const withdrawn = await createDocument({ title: 'Withdrawn study' });
    await publish(withdrawn);
    expect((await getPage(`/library/${withdrawn}`)).status).toBe(200);
    await moveTo(withdrawn, 'draft');
    expect((await getPage(`/library/${withdrawn}`)).status).toBe(404);
    expect((await getPage('/library')).text).not.toContain('Withdrawn study');
    expect((await getPage('/library/feed.atom')).text).not.toContain('Withdrawn study');
  });

  it('escapes a script in the title and in the text', async () => {
    const hostile = await createDocument({ title: '<script>alert(1)</script> study' });
    const doc = await openDocument(hostile);
    await doc.write([
      [2, '<img src=x onerror=alert(2)>'],
      [0, '<script>alert(3)</script>'],
    ]);
    await publish(hostile);
    for (const path of [`/library/${hostile}`, '/library']) {
      const page = await getPage(path);
      expect(page.status).toBe(200);
      expect(page.text).not.toMatch(/<script|<img src=x/);
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; study');
    }
    expect((await getPage(`/library/${hostile}`)).text).toContain('&lt;script&gt;alert(3)');
  });

  it('searches published documents and narrows by facet links', async () => {
    const all = await getPage('/library');
    expect(all.text).toContain('Housing in Stuttgart');
    expect(all.text).toContain('Diversity in Bologna');
    expect(all.text).toContain(`href="/library?city=${stuttgartCity}"`);
    expect(all.text).toContain('href="/library?country=IT"');

    const searched = await getPage('/library?q=bologna');
    expect(searched.text).toContain('Diversity in Bologna');
    expect(searched.text).not.toContain('Housing in Stuttgart');

    const byCountry = await getPage('/library?country=DE');
    expect(byCountry.text).toContain('Housing in Stuttgart');
    expect(byCountry.text).not.toContain('Diversity in Bologna');
    // The selected value's link removes it again.
    expect(byCountry.text).toMatch(/<a href="\/library"\s+aria-current="true"\s*>DE<\/a\s*>/);

    const byStakeholder = await getPage('/library?stakeholder=charities&kind=case-study');
    expect(byStakeholder.text).toContain('Diversity in Bologna');
    expect(byStakeholder.text).not.toContain('Housing in Stuttgart');
    const byYear = await getPage(`/library?year=${new Date().getUTCFullYear()}&policyArea=housing`);
    expect(byYear.text).toContain('Housing in Stuttgart');
    expect(byYear.text).not.toContain('Diversity in Bologna');
  });

  it('reads operators, quotes and stray symbols in a search as words, never as syntax', async () => {
    for (const q of ['"bologna', 'bologna OR *', 'NEAR(bologna)', "bologna' --", 'title:bologna']) {
      const page = await getPage(`/library?q=${encodeURIComponent(q)}`);
      expect(page.status, q).toBe(200);
      expect(page.text, q).not.toContain('Housing in Stuttgart');
    }
    // Symbols without a word search for nothing in particular: the whole library.
    for (const q of ['(((', '"', '-', '*']) {
      const page = await getPage(`/library?q=${encodeURIComponent(q)}`);
      expect(page.status, q).toBe(200);
      expect(page.text, q).toContain('Housing in Stuttgart');
    }
    const quoted = await getPage(`/library?q=${encodeURIComponent('"Bologna"')}`);
    expect(quoted.text).toContain('Diversity in Bologna');
    // A facet value that names nothing narrows to nothing; it is not an error.
    const unknown = await getPage('/library?kind=%24ne&year=not-a-year&city=%7B%7D');
    expect(unknown.status).toBe(200);
    expect(unknown.text).not.toContain('Diversity in Bologna');
  });

  it('offers BibTeX and RIS citation files', async () => {
    const bib = await getPage(`/library/${stuttgart}/cite.bib`);
    expect(bib.status).toBe(200);
    expect(bib.headers.get('content-disposition')).toContain('citation.bib');
    expect(bib.text).toMatch(/^@misc\{clip-/);
    expect(bib.text).toContain('title = {Housing in Stuttgart}');
    expect(bib.text).toContain(`url = {${server.url}/library/${stuttgart}}`);
    const ris = await getPage(`/library/${stuttgart}/cite.ris`);
    expect(ris.text).toContain('TY  - CASE\r\n');
    expect(ris.text).toContain('TI  - Housing in Stuttgart\r\n');
    expect(ris.text).toContain('CY  - Stuttgart, DE\r\n');
    expect(ris.text.trimEnd().endsWith('ER  -')).toBe(true);
    expect((await getPage(`/library/${stuttgart}/cite.txt`)).status).toBe(404);
  });

  it('publishes an Atom feed that parses as XML', async () => {
    const feed = await getPage('/library/feed.atom');
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    const xml = parseDocument(feed.text, { xmlMode: true });
    const root = xml.children.find((node) => 'name' in node && node.name === 'feed');
    expect(root && 'attribs' in root ? root.attribs.xmlns : null).toBe(
      'http://www.w3.org/2005/Atom',
    );
    const entries =
      root && 'children' in root
        ? root.children.filter((n) => 'name' in n && n.name === 'entry')
        : [];
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(feed.text).toContain(`<id>${server.url}/library/${stuttgart}</id>`);
  });

  it('compares one section of several case studies, with CSV and Markdown downloads', async () => {
    const path = `/library/compare?documents=${stuttgart},${bologna}&section=role%20of%20stakeholders`;
    const page = await getPage(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Housing associations and NGOs share the work.');
    expect(page.text).toContain('The municipality works with charities.');
    expect(page.text).not.toContain('Fewer people in shelters.');
    expect(page.text).toContain('Bologna, IT');

    const csv = await getPage(`${path}&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('title,city,country,year,url,section');
    expect(csv.text).toContain('Housing in Stuttgart,Stuttgart,DE');
    const markdown = await getPage(`${path}&format=md`);
    expect(markdown.text).toContain('## Diversity in Bologna');
    expect(markdown.text).toContain('The municipality works with charities.');

    expect((await getPage('/library/compare?section=x')).status).toBe(400);
    const draft = await createDocument({ title: 'Draft for comparison' });
    expect((await getPage(`/library/compare?documents=${draft}&section=x`)).status).toBe(404);
  });

  it('offers a form to pick case studies and a section, whose answer is the comparison', async () => {
    const list = await getPage('/library?kind=case-study');
    const form =
      /<form\s+class="library-compare"\s+method="get"\s+action="\/library\/compare"[\s\S]*?<\/form>/.exec(
        list.text,
      )?.[0];
    expect(form).toBeDefined();
    expect(form).toMatch(
      new RegExp(
        `<input type="checkbox" name="documents" value="${stuttgart}" />\\s*Housing in Stuttgart`,
      ),
    );
    expect(form).toContain(`value="${bologna}"`);
    expect(form).toContain('<option value="Role of stakeholders"></option>');
    // What the browser sends for two ticked boxes: one `documents` per box.
    const picked = new URLSearchParams([
      ['documents', stuttgart],
      ['documents', bologna],
      ['section', 'Role of stakeholders'],
    ]);
    const page = await getPage(`/library/compare?${picked.toString()}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Housing associations and NGOs share the work.');
    expect(page.text).toContain('The municipality works with charities.');
    // One case study listed: nothing to compare with, no form.
    expect((await getPage('/library?q=bologna')).text).not.toContain('library-compare');
  });

  it('serves its stylesheet', async () => {
    const css = await getPage('/library/library.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
  });
});
