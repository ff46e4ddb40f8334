/**
 * The frame of every page: a skip link, the header with navigation and the account menu,
 * and the main landmark the content goes into.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { useSession } from '../session/SessionContext';
import { SearchBox } from '../search/SearchBox';
import { NotificationBell } from '../notifications/NotificationBell';
import { AccountMenu } from './AccountMenu';
import { LanguageSelect } from './LanguageSelect';

/** Wraps a page; `isWide` lets the editor use the full width; `title` names the browser tab. */
export function Layout({
  children,
  isWide = false,
  title,
}: {
  children: ReactNode;
  isWide?: boolean;
  title?: string;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const appName = t('common.appName');
  // Narrow screens fold the links and the search box behind a Menu button (CSS decides when).
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true">
            C
          </span>
          <span className="app-header__brand-name">{t('common.appName')}</span>
        </Link>
        <button
          type="button"
          className="app-header__menu-toggle button button--ghost"
          aria-expanded={isMenuOpen}
          aria-controls="app-header-menu"
          onClick={() => setIsMenuOpen((isOpen) => !isOpen)}
        >
          <span aria-hidden="true">☰ </span>
          {t('nav.menu')}
        </button>
        <div
          id="app-header-menu"
          className={isMenuOpen ? 'app-header__menu app-header__menu--open' : 'app-header__menu'}
        >
          <nav aria-label={t('nav.main')} className="app-header__nav">
            {user && (
              <NavLink to="/" end>
                {t('nav.dashboard')}
              </NavLink>
            )}
            {/* A full page load: the library is server-rendered, not a client route. */}
            <a href="/library">{t('nav.library')}</a>
            {user?.role === 'admin' && <NavLink to="/admin">{t('admin.nav')}</NavLink>}
          </nav>
          {user && <SearchBox />}
        </div>
        {user && <NotificationBell />}
        {user && <AccountMenu user={user} />}
        {!user && <LanguageSelect className="app-header__language" />}
      </header>
      <main id="main" className={isWide ? 'app-main app-main--wide' : 'app-main'} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
