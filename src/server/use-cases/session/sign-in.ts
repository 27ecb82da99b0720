import { AppError } from '../../../core/errors.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { insertSession } from '../../../db/repositories/sessions.repository.js';
import {
  findUserByUsername,
  recordFailedLogin,
  recordSuccessfulLogin,
  type UserRow,
} from '../../../db/repositories/users.repository.js';
import type { Config } from '../../config.js';
import { burnPasswordCheck, randomToken, sha256, verifyPassword } from '../../passwords.js';

export interface SignInInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export interface SignInResult {
  user: UserRow;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

const wrongCredentials = () =>
  new AppError('UNAUTHENTICATED', '用户名或密码不正确，请重试。 Wrong username or password.');

function lockedError(until: string): AppError {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - Date.now()) / 60_000));
  return new AppError(
    'LOCKED',
    `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁。 Too many failed sign-ins: the account is locked for ${minutes} more minute(s).`,
    { lockedUntil: until },
  );
}

/** Check the password, count failures toward a lockout, and open a session stored in the database. */
export async function signIn(db: Db, config: Config, input: SignInInput): Promise<SignInResult> {
  const user = await findUserByUsername(db, input.username);
  if (!user || user.disabled) {
    await burnPasswordCheck(input.password);
    throw wrongCredentials();
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > Date.now()) throw lockedError(user.lockedUntil);

  const ctx = { actor: { kind: 'user' as const, ...actorStub(user) }, ip: input.ip };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const { locked } = await recordFailedLogin(
      db,
      user.id,
      config.MINXIN_LOGIN_MAX_FAILURES,
      config.MINXIN_LOCK_MINUTES * 60,
    );
    await writeAudit(db, ctx, { action: locked ? 'lock' : 'sign_in_failed', entityType: 'user', entityId: user.id });
    if (locked) throw lockedError(new Date(Date.now() + config.MINXIN_LOCK_MINUTES * 60_000).toISOString());
    throw wrongCredentials();
  }

  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + config.MINXIN_SESSION_IDLE_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await recordSuccessfulLogin(tx, user.id);
    await insertSession(tx, {
      id: sha256(token),
      userId: user.id,
      csrfToken,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await writeAudit(tx, ctx, { action: 'sign_in', entityType: 'user', entityId: user.id });
  });
  return { user, token, csrfToken, expiresAt };
}

function actorStub(user: UserRow) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    jurisdictionId: user.jurisdictionId,
    jurisdictionScope: [],
    unitId: user.unitId,
    personId: user.personId,
  };
}
