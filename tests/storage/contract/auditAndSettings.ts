/** Contract: audit log, network settings, and the store's own lifecycle (engine, ping, close). */
import { describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../../server/errors';
import type { GetStorage } from '../contract';
import { expectRejection } from './helpers';

/** Registers the audit, settings and lifecycle tests. */
export function describeAuditAndSettingsContract(getStorage: GetStorage): void {
  describe('audit log', () => {
    const event = (action: string, at?: Date) => ({
      actorId: 'actor-1',
      action,
      targetType: 'user',
      targetId: 'target-1',
      details: { reason: 'test', nested: { count: 2 } },
      ip: '127.0.0.1',
      ...(at ? { at } : {}),
    });

    it('appends an event, stamping it when no time is given', async () => {
      const storage = getStorage();
      const before = Date.now();
      const appended = await storage.appendAudit(event('auth.login'));
      expect(appended).toMatchObject(event('auth.login'));
      expect(typeof appended.id).toBe('string');
      expect(appended.at.getTime()).toBeGreaterThanOrEqual(before);
      const anonymous = await storage.appendAudit({
        actorId: null,
        action: 'auth.login_failed',
        targetType: null,
        targetId: null,
        details: {},
        ip: null,
      });
      expect(anonymous).toMatchObject({
        actorId: null,
        targetType: null,
        targetId: null,
        details: {},
        ip: null,
      });
    });

    it('lists newest first, with limit, before and action filters', async () => {
      const storage = getStorage();
      const base = Date.UTC(2026, 0, 1);
      await storage.appendAudit(event('auth.login', new Date(base + 1000)));
      await storage.appendAudit(event('auth.logout', new Date(base + 3000)));
      await storage.appendAudit(event('auth.login', new Date(base + 2000)));
      await storage.appendAudit(event('auth.login', new Date(base + 4000)));
      const times = (events: { at: Date }[]) => events.map((e) => e.at.getTime() - base);
      expect(times(await storage.listAudit({ limit: 10 }))).toEqual([4000, 3000, 2000, 1000]);
      expect(times(await storage.listAudit({ limit: 2 }))).toEqual([4000, 3000]);
      expect(times(await storage.listAudit({ limit: 10, before: new Date(base + 3000) }))).toEqual([
        2000, 1000,
      ]);
      expect(times(await storage.listAudit({ limit: 10, action: 'auth.login' }))).toEqual([
        4000, 2000, 1000,
      ]);
      expect(
        times(
          await storage.listAudit({
            limit: 1,
            action: 'auth.login',
            before: new Date(base + 4000),
          }),
        ),
      ).toEqual([2000]);
    });

    it('keeps details apart from the caller’s object', async () => {
      const storage = getStorage();
      const details: Record<string, unknown> = { role: 'viewer' };
      await storage.appendAudit({ ...event('membership.added'), details });
      details.role = 'owner';
      const [listed] = await storage.listAudit({ limit: 1 });
      expect(listed?.details).toEqual({ role: 'viewer' });
    });
  });

  describe('settings', () => {
    it('returns null for an unknown key, then stores and overwrites JSON values', async () => {
      const storage = getStorage();
      expect(await storage.getSetting({ key: 'registration' })).toBeNull();
      await storage.setSetting({
        key: 'registration',
        value: { isOpen: true, domains: ['example.test'] },
      });
      expect(await storage.getSetting({ key: 'registration' })).toEqual({
        isOpen: true,
        domains: ['example.test'],
      });
      await storage.setSetting({ key: 'registration', value: { isOpen: false } });
      expect(await storage.getSetting({ key: 'registration' })).toEqual({ isOpen: false });
      await storage.setSetting({ key: 'count', value: 3 });
      expect(await storage.getSetting<number>({ key: 'count' })).toBe(3);
    });

    it('hands out copies of stored values', async () => {
      const storage = getStorage();
      await storage.setSetting({ key: 'list', value: ['a'] });
      const value = await storage.getSetting<string[]>({ key: 'list' });
      value?.push('b');
      expect(await storage.getSetting({ key: 'list' })).toEqual(['a']);
    });
  });

  describe('lifecycle', () => {
    it('names its engine and answers a ping', async () => {
      const storage = getStorage();
      expect(['sqlite', 'mongo']).toContain(storage.engine);
      await expect(storage.ping()).resolves.toBeUndefined();
    });

    it('closes idempotently, and a closed store reports itself unavailable', async () => {
      const storage = getStorage();
      await storage.close();
      await storage.close();
      await expectRejection(storage.ping(), StorageUnavailableError);
      await expectRejection(storage.countUsers(), StorageUnavailableError);
    });
  });
}
