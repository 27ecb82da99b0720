import { eq, sql } from 'drizzle-orm';
import type { UserActor } from '../../../core/actor.js';
import { AppError } from '../../../core/errors.js';
import { assertPasswordAcceptable } from '../../../core/password.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { findRow } from '../../../db/crud.js';
import { recordFailedLogin } from '../../../db/repositories/users.repository.js';
import { sessions, users } from '../../../db/schema.js';
import { hashPassword, verifyPassword } from '../../passwords.js';

/**
 * A user changes their own password; their other sessions end. A wrong current
 * password counts toward the lockout like a failed sign-in, so a borrowed
 * session cannot be used to guess the password without limit.
 */
export async function changePassword(
  db: Db,
  ctx: RequestContext & { actor: UserActor },
  keepSessionId: string,
  input: { currentPassword: string; newPassword: string },
  lockout: { maxFailures: number; lockMinutes: number },
): Promise<void> {
  const user = await findRow(db, users, ctx.actor.id);
  if (!user) throw new AppError('VALIDATION', '当前密码不正确。 The current password is wrong.');
  if (user.lockedUntil && Date.parse(user.lockedUntil) > Date.now())
    throw new AppError(
      'LOCKED',
      '密码错误次数过多，账号已锁定，请稍后再试或联系管理员解锁。 Too many wrong passwords: the account is locked for now.',
      { lockedUntil: user.lockedUntil },
    );
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const { locked } = await recordFailedLogin(db, user.id, lockout.maxFailures, lockout.lockMinutes * 60);
    await writeAudit(db, ctx, { action: locked ? 'lock' : 'sign_in_failed', entityType: 'user', entityId: user.id });
    throw new AppError('VALIDATION', '当前密码不正确。 The current password is wrong.');
  }
  assertPasswordAcceptable(input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(sql`${sessions.userId} = ${user.id} and ${sessions.id} <> ${keepSessionId}`);
    await writeAudit(tx, ctx, { action: 'change_password', entityType: 'user', entityId: user.id });
  });
}
