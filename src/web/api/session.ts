import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, request, setCsrfToken } from './client.js';
import type { SessionResponse, SessionUser } from './types.js';

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, or null when there is no session (401 is an answer here). */
export async function fetchSession(): Promise<SessionUser | null> {
  try {
    const session = await request<SessionResponse>('/session', { redirectOnUnauthenticated: false });
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY, retry: false });
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside the signed-in area');
  return data;
}

export interface Credentials {
  username: string;
  password: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      request<SessionResponse>('/session', { method: 'POST', body: credentials, redirectOnUnauthenticated: false }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Whatever was cached belonged to the previous user.
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, session.user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>('/session', { method: 'DELETE', redirectOnUnauthenticated: false }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}
