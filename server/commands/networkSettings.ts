/**
 * Network-wide settings stored through the port's key/value settings, with their defaults
 * in one place (registration reads them, `/api/settings` shows and changes them).
 */
import type { NetworkSettingsDto } from '../../shared/api/settings';
import type { Storage } from '../storage/types';
import { recordAudit } from './recordAudit';

const OPEN_REGISTRATION = 'openRegistration';

/** Current settings, with defaults for anything never set. */
export async function readNetworkSettings(options: {
  storage: Storage;
}): Promise<NetworkSettingsDto> {
  const openRegistration = await options.storage.getSetting<boolean>({ key: OPEN_REGISTRATION });
  return { openRegistration: openRegistration === true };
}

/** Changes settings (admin only: the route checks) and records the change. */
export async function updateNetworkSettings(options: {
  storage: Storage;
  actor: { id: string };
  patch: Partial<NetworkSettingsDto>;
  ip?: string | null;
}): Promise<NetworkSettingsDto> {
  const { storage, actor, patch } = options;
  if (patch.openRegistration !== undefined) {
    await storage.setSetting({ key: OPEN_REGISTRATION, value: patch.openRegistration });
  }
  await recordAudit({
    storage,
    actor,
    action: 'settings.updated',
    details: { ...patch },
    ip: options.ip ?? null,
  });
  return readNetworkSettings({ storage });
}
