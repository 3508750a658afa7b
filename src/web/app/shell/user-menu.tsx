import { Link } from '@tanstack/react-router';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DataText } from '../../components/data-text.js';
import { useMe } from '../../lib/session.js';
import { useDisclosure } from './use-disclosure.js';
import { useLogoutAction } from './use-logout-action.js';

/** The person's name opens a small panel with the profile and logout (a disclosure, not an ARIA menu). */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { run: logout, busy } = useLogoutAction();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { open, toggle } = useDisclosure(container, button);
  const panelId = useId();

  return (
    <div className="user-menu" ref={container}>
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        {/* The initial and the caret are drawn by CSS so they stay out of the button's accessible name. */}
        <span className="user-menu__avatar" data-initial={me.displayName.slice(0, 1)} aria-hidden="true" />
        <span className="user-menu__name">
          <DataText>{me.displayName}</DataText>
        </span>
        <span className="visually-hidden">{t('header.userMenu')}</span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__email">{me.email}</p>
        <ul className="user-menu__list">
          <li>
            <Link to="/profile" className="user-menu__item">
              {t('header.profile')}
            </Link>
          </li>
          <li>
            <Link to="/career" className="user-menu__item">
              {t('nav.career')}
            </Link>
          </li>
          <li>
            <button type="button" className="user-menu__item" onClick={logout} disabled={busy}>
              {busy ? t('header.loggingOut') : t('header.logout')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
