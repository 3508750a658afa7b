import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.js';
import { useMe } from '../../lib/session.js';

/** Shown at / to someone who belongs to no organisation yet: what to do next, not an empty screen. */
export function NoMembershipPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('home.noMembershipTitle')} />
      <div className="panel">
        <p>{t('home.noMembershipBody')}</p>
        {me.isPlatformAdmin && (
          <p>
            {t('home.platformHint')} <Link to="/platform/orgs">{t('nav.platformOrgs')}</Link>
          </p>
        )}
      </div>
    </>
  );
}
