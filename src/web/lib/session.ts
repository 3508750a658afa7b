import { queryOptions, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { Me } from '../../shared/auth/schema.js';
import { ApiError, api } from './api.js';
import { changeLanguage } from './i18n/index.js';

export const meQueryKey = ['me'] as const;

/** The signed-in person, or null when nobody is: not being logged in is an answer, not an error. */
export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async (): Promise<Me | null> => (await api.get<{ me: Me | null }>('/api/auth/session')).me,
  staleTime: 60_000,
});

/** For components under the signed-in layout, where the route guard has already loaded the person. */
export function useMe(): Me {
  const { data } = useSuspenseQuery(meQueryOptions);
  if (!data) throw new ApiError({ ...unauthenticatedProblem });
  return data;
}

const unauthenticatedProblem = {
  type: '/problems/unauthenticated',
  title: 'Please log in.',
  status: 401,
  code: 'unauthenticated' as const,
  messages: { ja: 'ログインしてください。', en: 'Please log in.' },
};

/** Puts a freshly returned person in the cache; their saved language wins over the browser's. */
export function useAcceptMe() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    queryClient.setQueryData(meQueryKey, me);
    void changeLanguage(me.locale);
  };
}
