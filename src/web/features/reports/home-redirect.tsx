import { Navigate } from 'react-router';
import { useCurrentUser } from '../../api/session.js';

/** Where signing in lands: a reporter on what is due, everyone else on the programmes. */
export function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={user.role === 'reporter' ? '/my-work' : '/programmes'} replace />;
}
