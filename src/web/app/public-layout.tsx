import { Link, Outlet } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Brand } from './shell/brand.js';
import { LanguageSwitch } from './shell/language-switch.js';

/** The frame of pages used before logging in: product name, language switch, one centred column. */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <div className="public">
      <header className="public__header">
        <Link to="/" className="brand-link">
          <Brand />
        </Link>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="public__main">
        {children}
      </main>
    </div>
  );
}

export function PublicLayout() {
  return (
    <PublicFrame>
      <Outlet />
    </PublicFrame>
  );
}
