import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.js';

function isSessionGone(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'unauthenticated';
}

/** A session that ends while a page is open (expiry, logout elsewhere) sends the person back to login. */
function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isSessionGone(error)) client.setQueryData(['me'], null);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionGone(error)) client.setQueryData(['me'], null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return count < 2;
        },
      },
    },
  });
  return client;
}

export const queryClient = createQueryClient();
