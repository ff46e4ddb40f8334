/** Avatars of everyone in the document right now, from the Yjs awareness states. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';
import { Avatar } from '../components/Avatar';

/** What each client puts in its awareness `user` field. */
export interface AwarenessUser {
  id: string;
  name: string;
  color: string;
}

function isAwarenessUser(value: unknown): value is AwarenessUser {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.id === 'string' && typeof candidate.name === 'string';
}

/** One avatar per person (several tabs of one person count once). */
export function PresenceAvatars({
  provider,
  currentUserId,
}: {
  provider: WebsocketProvider;
  currentUserId: string;
}) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<AwarenessUser[]>([]);

  useEffect(() => {
    const read = () => {
      const byId = new Map<string, AwarenessUser>();
      for (const state of provider.awareness.getStates().values()) {
        const user: unknown = (state as { user?: unknown }).user;
        if (isAwarenessUser(user)) byId.set(user.id, user);
      }
      setUsers([...byId.values()].sort((a, b) => a.name.localeCompare(b.name)));
    };
    read();
    provider.awareness.on('change', read);
    return () => provider.awareness.off('change', read);
  }, [provider]);

  return (
    <div className="presence-avatars" aria-label={t('editor.here')} role="group">
      {users.map((user) => (
        <Avatar
          key={user.id}
          id={user.id}
          name={user.name}
          label={user.id === currentUserId ? t('editor.you', { name: user.name }) : user.name}
        />
      ))}
    </div>
  );
}
