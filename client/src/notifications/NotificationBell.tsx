/**
 * The header's notification bell: the unread count (live: `notification:created` refreshes
 * it, see query/LiveQueryUpdates), and a list of recent notifications linking to their
 * documents, with "Mark all read".
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { Icon } from '../components/Icon';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';
import '../styles/notifications.css';

/** The bell and its list. */
export function NotificationBell() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const loaded = useApiQuery({
    queryKey: queryKeys.notifications(),
    load: () => api.notifications.list(),
  });
  const unread = loaded.data?.unreadCount ?? 0;
  const markAllRead = async () => {
    await api.notifications.markRead({});
    await queryClient.invalidateQueries({ queryKey: queryKeys.notifications() });
  };
  return (
    <div className="notification-bell">
      <button
        type="button"
        className="button button--ghost"
        aria-expanded={isOpen}
        aria-label={t('notifications.bell', { count: unread })}
        data-testid="notification-bell"
        data-unread={unread}
        onClick={() => setIsOpen(!isOpen)}
      >
        <Icon name="bell" />
        {unread > 0 && (
          <span className="notification-bell__count" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      {isOpen && (
        <div
          className="notification-bell__panel"
          role="region"
          aria-label={t('notifications.title')}
        >
          {(loaded.data?.notifications ?? []).length === 0 ? (
            <p>{t('notifications.none')}</p>
          ) : (
            <ul>
              {(loaded.data?.notifications ?? []).map((notification) => (
                <li
                  key={notification.id}
                  className={notification.read ? '' : 'notification--unread'}
                >
                  <Link
                    to={`/documents/${notification.documentId}`}
                    onClick={() => setIsOpen(false)}
                  >
                    {t(`notifications.${notification.kind}`, {
                      name: notification.actor.name,
                      title: notification.documentTitle,
                    })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {unread > 0 && (
            <button
              type="button"
              className="button button--small"
              onClick={() => void markAllRead()}
            >
              {t('notifications.markAllRead')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
