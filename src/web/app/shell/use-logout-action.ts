import { useTranslation } from 'react-i18next';
import { useToast } from '../../components/toast.js';
import { useLogout } from '../../lib/logout.js';
import { useErrorText } from '../../lib/problems.js';

/** Logout from the header or the phone menu, with a confirmation or the reason it failed. */
export function useLogoutAction() {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const { logout, busy } = useLogout();
  const run = () =>
    void logout().then(
      () => notify(t('auth.loggedOut'), 'info'),
      (error: unknown) => notify(describe(error), 'error'),
    );
  return { run, busy };
}
