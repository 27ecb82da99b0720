import type { UserActor } from '../../../core/actor.js';
import type { Db } from '../../../db/client.js';
import { jurisdictionScope } from '../../../db/repositories/access.repository.js';
import type { UserRow } from '../../../db/repositories/users.repository.js';

export async function loadActor(db: Db, user: UserRow): Promise<UserActor> {
  return {
    kind: 'user',
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    jurisdictionId: user.jurisdictionId,
    jurisdictionScope: await jurisdictionScope(db, user.jurisdictionId),
    unitId: user.unitId,
    personId: user.personId,
  };
}
