/**
 * What the editor's shared types and the document size cap let through: writes outside the
 * editor's top-level types are refused (4400), a full document still takes deletions and
 * formatting from everyone, only the writer whose change crosses the cap is refused (4413,
 * with a reason the client can show), and room made by deleting is usable at once. Plus the
 * pacing of sync step 1 answers per connection.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLOSE_CODES, CLOSE_REASONS } from '../../shared/closeCodes';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { buildMembership, buildUser } from '../helpers/factories';
import {
  connectRaw,
  seedDocument,
  sleep,
  tokenFor,
  useCollabScope,
  waitFor,
  waitSynced,
  type CollabTestServer,
  type TestClient,
} from './helpers';

const { server, client, clientAs } = useCollabScope();

/** `[sync, update, update]` as the provider sends a change. */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The change `edit` makes to a copy of `base` (what a client holding `base` would send). */
function changeOn(base: Uint8Array, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Sends `update` on a fresh raw writer connection; resolves with how it was closed, if it was. */
async function sendUpdate(
  target: CollabTestServer,
  documentId: string,
  token: string,
  update: Uint8Array,
): Promise<{ code: number; reason: string } | 'open'> {
  const raw = connectRaw({ serverUrl: target.serverUrl, documentId, token });
  await raw.opened;
  raw.ws.send(updateMessage(update));
  const outcome = await Promise.race([raw.closed, sleep(500).then(() => 'open' as const)]);
  raw.ws.close();
  return outcome;
}

/** Close reasons a stock client received, next to the codes `TestClient` records. */
function recordReasons(each: TestClient): string[] {
  const reasons: string[] = [];
  each.provider.on('connection-close', (event) => {
    if (event) reasons.push(event.reason);
  });
  return reasons;
}

describe('top-level shared types', () => {
  it('refuses with 4400 writes outside the editor types, also into ones already stored, and keeps the rest going', async () => {
    const target = await server();
    const { owner, document } = await seedDocument(target.storage);
    // A document written before this check: it already holds types the editor never shows.
    const legacy = new Y.Doc();
    legacy.getXmlFragment(EDITOR_FRAGMENT).insert(0, [new Y.XmlText('shown')]);
    legacy.getText('junk').insert(0, 'old junk');
    legacy.getMap('junkMap').set('nested', new Y.Text('a'));
    const base = Y.encodeStateAsUpdate(legacy);
    await target.storage.appendDocUpdates({ documentId: document.id, updates: [base] });
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    const honest = client(target, document.id, token);
    await waitSynced(honest);

    const refused = {
      // A new top-level name: the item names its parent by that name.
      newRoot: changeOn(base, (doc) => doc.getText('junk2').insert(0, 'x'.repeat(100))),
      // Typed after stored junk: the item names only its left neighbour, found in the document.
      appendToStored: changeOn(base, (doc) => doc.getText('junk').insert(8, ' more')),
      // Inside a nested type of a stored junk root: resolved through the nesting.
      nestedInStored: changeOn(base, (doc) =>
        (doc.getMap('junkMap').get('nested') as Y.Text).insert(0, 'b'),
      ),
      // A nested type created with its content in one update: resolved inside the update.
      nestedNew: changeOn(base, (doc) => {
        const map = new Y.Map<Y.Text>();
        doc.getArray('junkArray').insert(0, [map]);
        map.set('text', new Y.Text('hidden'));
      }),
    };
    for (const [name, update] of Object.entries(refused)) {
      const outcome = await sendUpdate(target, document.id, token, update);
      expect({ name, outcome }).toEqual({
        name,
        outcome: {
          code: CLOSE_CODES.badMessage,
          reason: expect.stringContaining(CLOSE_REASONS.unknownSharedType) as unknown,
        },
      });
    }
    // Editing the editor's fragment (nested paragraph + text) is fine.
    const allowed = changeOn(base, (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('new paragraph')]);
      doc.getXmlFragment(EDITOR_FRAGMENT).insert(1, [paragraph]);
    });
    expect(await sendUpdate(target, document.id, token, allowed)).toBe('open');

    const served = target.collab.registry.get(document.id)!.ydoc;
    expect(served.getText('junk').toString()).toBe('old junk');
    expect(served.share.has('junk2')).toBe(false);
    expect(served.getXmlFragment(EDITOR_FRAGMENT).toString()).toContain('new paragraph');
    honest.ydoc.getText('text').insert(0, 'still syncing');
    const fresh = client(target, document.id, token);
    await waitFor(() => fresh.text() === 'still syncing', 'document intact and syncing');
    expect(honest.closeCodes).toEqual([]);
  });
});

describe('document size cap', () => {
  it('a full document takes deletions and formatting from everyone, refuses only the crossing writer, and room made by deleting is usable at once', async () => {
    const cap = 24 * 1024;
    const target = await server({ options: { maxDocBytes: cap, maxMessageBytes: 8 * 1024 } });
    const { owner, workspace, document } = await seedDocument(target.storage);
    const colleague = await buildUser(target.storage);
    await buildMembership(target.storage, { workspace, user: colleague, role: 'editor' });
    const ownerClient = clientAs(target, document.id, owner.id);
    const filler = clientAs(target, document.id, colleague.id);
    await Promise.all([ownerClient, filler].map((each) => waitSynced(each)));
    const ownerReasons = recordReasons(ownerClient);
    const estimate = (): number => target.collab.registry.get(document.id)!.estimatedBytes();

    const ownerText = ownerClient.ydoc.getText('text');
    ownerText.insert(0, 'Owner: ');
    await waitFor(() => filler.text() === 'Owner: ', 'filler sees the owner');

    // The colleague fills the document to a few bytes under the cap.
    const fillerText = filler.ydoc.getText('text');
    const appendAndWait = async (text: string): Promise<number> => {
      const before = estimate();
      fillerText.insert(fillerText.length, text);
      await waitFor(() => estimate() !== before, 'fill applied');
      return estimate() - before - text.length;
    };
    let overhead = 0;
    while (cap - estimate() > 2500) overhead = await appendAndWait('y'.repeat(1000));
    await appendAndWait('y'.repeat(cap - estimate() - overhead - 4));
    expect(cap - estimate()).toBeGreaterThanOrEqual(0);
    expect(cap - estimate()).toBeLessThan(16);

    // The owner's next keystroke crosses the cap: only the owner is refused, with a reason.
    ownerText.insert('Owner: '.length, 'a');
    await waitFor(
      () => ownerClient.closeCodes.includes(CLOSE_CODES.tooLarge),
      'owner refused with 4413',
    );
    expect(ownerReasons).toContain(CLOSE_REASONS.documentTooLarge);

    // At the cap, pure deletions and formatting still pass, from the colleague.
    const served = (): Y.Text => target.collab.registry.get(document.id)!.ydoc.getText('text');
    const lengthBefore = served().length;
    fillerText.delete(fillerText.length - 10, 10);
    await waitFor(() => served().length === lengthBefore - 10, 'deletion applied');
    const beforeFormat = estimate();
    fillerText.format(0, 5, { bold: true });
    await waitFor(() => estimate() > beforeFormat, 'formatting applied');
    expect(filler.closeCodes).toEqual([]);

    // The owner (still holding the refused keystroke) deletes the filling and reconnects: the
    // change it sends frees more than it adds, so it is taken, and typing works right after.
    ownerText.delete('Owner: a'.length, ownerText.length - 'Owner: a'.length);
    ownerClient.provider.connect();
    await waitFor(() => filler.text() === 'Owner: a', 'the owner kept the keystroke');
    ownerText.insert(ownerText.length, ' and more text after making room');
    await waitFor(
      () => filler.text() === 'Owner: a and more text after making room',
      'owner types again',
    );
    fillerText.insert(fillerText.length, '; colleague too');
    await waitFor(() => ownerClient.text().endsWith('; colleague too'), 'colleague types again');
    expect(ownerClient.closeCodes).toEqual([CLOSE_CODES.tooLarge]);
    expect(filler.closeCodes).toEqual([]);
    expect(estimate()).toBeLessThan(cap / 4);
  });
});

describe('sync step 1 answers', () => {
  it('answers a few step 1 requests at once and paces the rest, without closing the connection', async () => {
    const target = await server();
    const { owner, document } = await seedDocument(target.storage);
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    const writer = client(target, document.id, token);
    await waitSynced(writer);
    writer.ydoc.getText('text').insert(0, 'z'.repeat(50_000));
    await waitFor(
      () => (target.collab.registry.get(document.id)?.ydoc.getText('text').length ?? 0) === 50_000,
      'content on the server',
    );

    const raw = connectRaw({ serverUrl: target.serverUrl, documentId: document.id, token });
    await raw.opened;
    await sleep(100);
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    syncProtocol.writeSyncStep1(step1, new Y.Doc());
    const request = encoding.toUint8Array(step1);
    const firstAnswer = raw.messages.length;
    for (let index = 0; index < 400; index++) raw.ws.send(request);
    await sleep(1500);

    const answers = raw.messages
      .slice(firstAnswer)
      .filter((bytes) => bytes[0] === 0 && bytes[1] === 1);
    const answeredBytes = answers.reduce((sum, bytes) => sum + bytes.byteLength, 0);
    // A burst of 4, then the newest waiting request about once a second.
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    expect(answers.length).toBeLessThanOrEqual(7);
    expect(answers.length).toBeGreaterThanOrEqual(5);
    expect(answeredBytes).toBeLessThan(400 * 50_000 * 0.05);
    raw.ws.close();
  });
});
