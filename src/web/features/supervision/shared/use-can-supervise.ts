import { useJurisdictions } from '../../../api/jurisdictions.js';
import { useCurrentUser } from '../../../api/session.js';
import type { Id } from '../../../api/types.js';
import { canManageDirectory, canSupervise } from '../../../shared/policy.js';

/** Whether the signed-in user is the office of a programme's jurisdiction (issue, close, adjust…). */
export function useCanSupervise(jurisdictionId: Id | null | undefined): boolean {
  const user = useCurrentUser();
  const jurisdictions = useJurisdictions(canManageDirectory(user));
  return jurisdictionId != null && canSupervise(user, jurisdictionId, jurisdictions.data);
}
