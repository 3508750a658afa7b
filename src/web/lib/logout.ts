import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from './api.js';
import { meQueryKey } from './session.js';

let leavingOnPurpose = false;

/** True while a deliberate logout is under way, so the shell does not treat it as an expired session. */
export function isLeavingOnPurpose(): boolean {
  return leavingOnPurpose;
}

export function useLogout(path: '/api/auth/logout' | '/api/auth/logout-all' = '/api/auth/logout') {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const logout = async (): Promise<{ ended?: number }> => {
    setBusy(true);
    try {
      const result = await api.post<{ ended?: number }>(path, {});
      leavingOnPurpose = true;
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      await navigate({ to: '/login' });
      return result;
    } finally {
      leavingOnPurpose = false;
      setBusy(false);
    }
  };
  return { logout, busy };
}
