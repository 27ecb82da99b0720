import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session.js';
import type { SessionUser } from '../api/types.js';
import { LoadError, Loading } from '../shared/query-state.js';

/** Renders its children only for a signed-in person; everyone else goes to /login. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadError error={session.error} />;
  if (!session.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

/** Renders its children only when `allow` holds for the user; otherwise back to the start page. */
export function RequireRole({ allow, children }: { allow: (user: SessionUser) => boolean; children: ReactNode }) {
  const session = useSession();
  if (!session.data || !allow(session.data)) return <Navigate to="/programmes" replace />;
  return children;
}
