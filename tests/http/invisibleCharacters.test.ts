/**
 * Names and titles refuse invisible, control and text-direction characters (issue 8 item 8):
 * they let one person pass for another or hide what a title really says.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import { createDoc, expectStatus, useWorkspaceWorld, type WorldServer } from './workspaceWorld';

let started: WorldServer;
useWorkspaceWorld((value) => {
  started = value;
});

const REFUSED: Record<string, string> = {
  'zero-width space': 'Olga\u200BOwner',
  'zero-width non-joiner': 'Olga\u200COwner',
  'zero-width joiner': 'Olga\u200DOwner',
  'byte order mark': '\uFEFFOlga',
  'Hangul filler': 'Olga \u3164',
  'Hangul choseong filler': '\u115FOlga',
  'Hangul jungseong filler': '\u1160Olga',
  'halfwidth Hangul filler': 'Olga\uFFA0',
  'word joiner': 'Ol\u2060ga',
  'right-to-left override': 'Olga \u202Erenwo',
  'first-strong isolate': 'Olga \u2068x\u2069',
  'control character': 'Olga\u0007',
  'line break': 'Olga\nOwner',
};

it.each(Object.entries(REFUSED))('refuses a %s in names and titles', async (_label, text) => {
  const { world } = started;
  const answers = [
    await world.owner.client.patch(`/api/users/${world.owner.user.id}`, { name: text }),
    await world.owner.client.post('/api/workspaces', { name: text }),
    await world.owner.client.patch(`/api/workspaces/${world.workspace.id}`, { name: text }),
    await world.editor.client.post(`/api/workspaces/${world.workspace.id}/documents`, {
      title: text,
      kind: 'note',
    }),
  ];
  for (const res of answers) {
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_failed');
    expect(res.body.error?.message).toMatch(/invisible, control or text-direction characters/);
  }
});

it('refuses an invisible character in a document title changed later', async () => {
  const { world } = started;
  const document = await createDoc(world);
  const res = await world.editor.client.patch(`/api/documents/${document.id}`, {
    title: 'Case\u200Bstudy',
  });
  expect(res.status).toBe(400);
  expect(res.body.error?.message).toMatch(/invisible/);
});

it('accepts names and titles in any script', async () => {
  const { world } = started;
  const res = await world.editor.client.post<{ document: DocumentDto }>(
    `/api/workspaces/${world.workspace.id}/documents`,
    { title: 'Łódź – شمول – 東京 – Ελλάδα', kind: 'note' },
  );
  expect(expectStatus(res, 201).document.title).toBe('Łódź – شمول – 東京 – Ελλάδα');
});

describe('display names', () => {
  it.each([
    ['only invisible characters', '\u200B\u200B\u2060'],
    ['a control character', 'Olga\u0000Owner'],
    ['a line break', 'Olga\nOwner'],
    ['a right-to-left override', 'Olga \u202Erenwo'],
  ])('refuses a name with %s (400)', async (_label, name) => {
    const res = await started.world.editor.client.patch(
      `/api/users/${started.world.editor.user.id}`,
      { name },
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_failed');
  });

  it('still accepts names in any script, with accents and joiners', async () => {
    for (const name of ['Zoë Ø. Łukasiewicz-Müller', 'Ἀλέξανδρος', 'محمد علي', '山田 太郎']) {
      const res = await started.world.editor.client.patch(
        `/api/users/${started.world.editor.user.id}`,
        { name },
      );
      expect(res.status, name).toBe(200);
      expect(res.body.user?.name).toBe(name);
    }
    await started.world.editor.client.patch(`/api/users/${started.world.editor.user.id}`, {
      name: 'Emil Editor',
    });
  });
});
