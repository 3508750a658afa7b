import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/page-title.js';

interface PageHeaderProps {
  title: string;
  /** The title's language when it differs from the page's (an organisation's name: useDataLang). */
  titleLang?: string | undefined;
  lead?: ReactNode;
  actions?: ReactNode;
}

/** The page's one h1, which also names the browser tab. */
export function PageHeader({ title, titleLang, lead, actions }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <div className="page-header">
      <div className="page-header__text">
        <h1 className="page-header__title" lang={titleLang}>
          {title}
        </h1>
        {lead && <p className="page-header__lead">{lead}</p>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
