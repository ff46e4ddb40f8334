/**
 * The account menu in the header: who is signed in, change password, language, sign out.
 * A disclosure button rather than an ARIA menu, so it works with plain Tab navigation.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { UserDto } from '../../../shared/api/entities';
import { useSession } from '../session/SessionContext';
import { Avatar } from './Avatar';
import { LanguageSelect } from './LanguageSelect';

/** The signed-in person's menu. */
export function AccountMenu({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setIsOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [isOpen]);

  const onSignOut = async () => {
    setIsOpen(false);
    await signOut();
    navigate('/login');
  };

  return (
    <div className="account-menu" ref={rootRef}>
      <button
        type="button"
        className="account-menu__toggle"
        aria-expanded={isOpen}
        aria-controls="account-menu-panel"
        onClick={() => setIsOpen((value) => !value)}
      >
        <Avatar id={user.id} name={user.name} />
        <span className="visually-hidden">{t('nav.accountMenu')}: </span>
        <span className="account-menu__name">{user.name}</span>
      </button>
      {isOpen && (
        <div className="account-menu__panel" id="account-menu-panel">
          <p className="account-menu__who">
            <strong>{user.name}</strong>
            <span>{user.email}</span>
          </p>
          <Link to="/account" className="account-menu__item" onClick={() => setIsOpen(false)}>
            {t('nav.changePassword')}
          </Link>
          <LanguageSelect />
          <button
            type="button"
            className="account-menu__item account-menu__signout"
            onClick={() => void onSignOut()}
          >
            {t('nav.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
