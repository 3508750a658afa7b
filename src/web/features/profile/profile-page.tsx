import { useTranslation } from 'react-i18next';
import { DataText } from '../../components/data-text.js';
import { PageHeader } from '../../components/page-header.js';
import { useMe } from '../../lib/session.js';
import { PasswordForm } from './password-form.js';
import { ProfileForm } from './profile-form.js';
import { SessionList } from './session-list.js';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('profile.title')} lead={t('profile.lead')} />
      <div className="stack">
        <section className="panel" aria-labelledby="profile-basics">
          <h2 id="profile-basics" className="panel__title">
            {t('profile.basics')}
          </h2>
          <ProfileForm me={me} />
        </section>
        {me.memberships.length > 0 && (
          <section className="panel" aria-labelledby="profile-memberships">
            <h2 id="profile-memberships" className="panel__title">
              {t('profile.memberships')}
            </h2>
            <ul className="membership-list">
              {me.memberships.map((m) => (
                <li key={m.id}>
                  <span className="membership-list__org">
                    <DataText>{m.orgName}</DataText>
                  </span>
                  <span className="muted">
                    {[t(`roles.${m.role}`), t(`positions.${m.position}`)].join(' · ')}
                    {m.departmentName && (
                      <>
                        {' · '}
                        <DataText>{m.departmentName}</DataText>
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section className="panel" aria-labelledby="profile-password">
          <h2 id="profile-password" className="panel__title">
            {t('profile.passwordTitle')}
          </h2>
          <PasswordForm email={me.email} />
        </section>
        <section className="panel" aria-labelledby="profile-sessions">
          <h2 id="profile-sessions" className="panel__title">
            {t('profile.sessionsTitle')}
          </h2>
          <SessionList />
        </section>
      </div>
    </>
  );
}
