import { eq, sql } from 'drizzle-orm';
import type { UserActor } from '../../../core/actor.js';
import { AppError } from '../../../core/errors.js';
import { assertPasswordAcceptable } from '../../../core/password.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { findRow } from '../../../db/crud.js';
import { sessions, users } from '../../../db/schema.js';
import { hashPassword, verifyPassword } from '../../passwords.js';

/** A user changes their own password; their other sessions end. */
export async function changePassword(
  db: Db,
  ctx: RequestContext & { actor: UserActor },
  keepSessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findRow(db, users, ctx.actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new AppError('VALIDATION', '当前密码不正确。 The current password is wrong.');
  assertPasswordAcceptable(input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(sql`${sessions.userId} = ${user.id} and ${sessions.id} <> ${keepSessionId}`);
    await writeAudit(tx, ctx, { action: 'change_password', entityType: 'user', entityId: user.id });
  });
}
