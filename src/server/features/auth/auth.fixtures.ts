import type { TenancyFixture } from '../../../../test/tenancy.js';

/** Signing in and out and the account's own settings: no organisation's data, nobody else's account. */
export const authFixture: TenancyFixture = {
  callerOnly: {
    'POST /api/auth/login': 'opens a session for the password given',
    'POST /api/auth/logout': "ends the caller's session",
    'POST /api/auth/logout-all': "ends the caller's sessions",
    'PATCH /api/auth/me': "changes the caller's own name and language",
    'POST /api/auth/password': "changes the caller's own password",
    'POST /api/auth/password-reset/request': 'mails a reset link to the address given, whoever asks',
    'POST /api/auth/password-reset/confirm': "sets a password with the mailed reset token, which is the link's key",
  },
};
