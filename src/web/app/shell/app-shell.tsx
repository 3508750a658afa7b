import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useMatches, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickHomeOrg, rememberOrg } from '../../lib/last-org.js';
import { isLeavingOnPurpose } from '../../lib/logout.js';
import { meQueryOptions } from '../../lib/session.js';
import { Brand } from './brand.js';
import { LanguageSwitch } from './language-switch.js';
import { OrgSwitcher } from './org-switcher.js';
import { SideNavLinks } from './side-nav.js';
import { useLogoutAction } from './use-logout-action.js';
import { UserMenu } from './user-menu.js';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** A projector view: the page alone, without the header and menu. */
    fullScreen?: boolean;
  }
}

/** Header, menu and main region of every page after login (a projector view gets the page alone). */
export function AppShell() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQueryOptions);
  const navigate = useNavigate();
  const location = useLocation();
  const params = useParams({ strict: false });
  const [menuOpen, setMenuOpen] = useState(false);
  const { run: logout, busy } = useLogoutAction();
  const fullScreen = useMatches({ select: (matches) => matches.some((m) => m.staticData?.fullScreen) });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes whenever the page changes
  useEffect(() => setMenuOpen(false), [location.pathname]);

  // Remembered on display, not in the route guard, which also runs when a link is merely hovered.
  useEffect(() => {
    if (params.orgId && me?.memberships.some((m) => m.orgId === params.orgId)) rememberOrg(params.orgId);
  }, [params.orgId, me]);

  // The session ended under us (expired, or logged out on another device): back to login, then here.
  useEffect(() => {
    if (me === null && !isLeavingOnPurpose()) {
      void navigate({ to: '/login', search: { redirect: location.href } });
    }
  }, [me, navigate, location.href]);

  if (!me) return null;
  const currentOrgId = params.orgId ?? pickHomeOrg(me);
  if (fullScreen)
    return (
      <main id="main" tabIndex={-1} className="main main--full">
        <Outlet />
      </main>
    );

  return (
    <div className="shell">
      <header className="site-header">
        <Link to="/" className="brand-link">
          <Brand />
        </Link>
        <div className="site-header__tools">
          <OrgSwitcher currentOrgId={currentOrgId} />
          <LanguageSwitch />
          <UserMenu />
        </div>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="site-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-button__icon" aria-hidden="true">
            {menuOpen ? '×' : '≡'}
          </span>
          {t('nav.menu')}
        </button>
      </header>
      <div className="shell__body">
        <nav id="site-nav" className={`side-nav${menuOpen ? ' side-nav--open' : ''}`} aria-label={t('nav.main')}>
          {me.memberships.length > 1 && (
            <div className="side-nav__mobile-tools">
              <OrgSwitcher currentOrgId={currentOrgId} />
            </div>
          )}
          <SideNavLinks orgId={currentOrgId} />
          <div className="side-nav__mobile-tools">
            <LanguageSwitch />
            <ul className="side-nav__list">
              <li>
                <Link to="/profile" className="side-nav__link">
                  {t('header.profile')}
                </Link>
              </li>
              <li>
                <button type="button" className="side-nav__link" onClick={logout} disabled={busy}>
                  {busy ? t('header.loggingOut') : t('header.logout')}
                </button>
              </li>
            </ul>
          </div>
        </nav>
        <main id="main" tabIndex={-1} className="main">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
