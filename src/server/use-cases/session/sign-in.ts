import { AppError } from '../../../core/errors.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { deleteSession, insertSession } from '../../../db/repositories/sessions.repository.js';
import { findNameLock, recordFailedName } from '../../../db/repositories/sign-in-throttle.repository.js';
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
  /** The stored id (SHA-256) of the session cookie the request brought, if any: it ends when this sign-in succeeds. */
  replaceSessionId?: string | null;
}

export interface SignInResult {
  user: UserRow;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

const wrongCredentials = () =>
  new AppError('UNAUTHENTICATED', '用户名或密码不正确，请重试。 Wrong username or password.');

/**
 * The same words for a locked account and a locked unknown name: the answer
 * must not tell whether the account exists, only how long to wait.
 */
function lockedError(until: string): AppError {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - Date.now()) / 60_000));
  return new AppError(
    'LOCKED',
    `账号或密码错误次数过多，请 ${minutes} 分钟后再试或联系管理员。 Too many failed sign-ins with this username: try again in ${minutes} minute(s) or ask an administrator.`,
    { retryAfterMinutes: minutes },
  );
}

const isLocked = (until: string | null): until is string => until !== null && Date.parse(until) > Date.now();

/**
 * Check the password, count failures toward a lockout, and open a session
 * stored in the database, ending the one the browser brought (so a session id
 * planted before sign-in never becomes a signed-in one).
 *
 * A name no enabled account has is refused like an account with a wrong
 * password: the same argon2 work, the same 401, and after the same number of
 * failures the same 423, counted per lower-cased name in `sign_in_throttle`.
 */
export async function signIn(db: Db, config: Config, input: SignInInput): Promise<SignInResult> {
  const lockout = { maxFailures: config.MINXIN_LOGIN_MAX_FAILURES, lockSeconds: config.MINXIN_LOCK_MINUTES * 60 };
  const name = input.username.trim().toLowerCase();
  // Both look-ups whichever answers, so a refusal costs the same work for a name with or without an account.
  const [found, nameLock] = await Promise.all([findUserByUsername(db, input.username), findNameLock(db, name)]);
  if (!found || found.disabled) {
    if (isLocked(nameLock)) throw lockedError(nameLock);
    await burnPasswordCheck(input.password);
    const { lockedUntil } = await recordFailedName(db, name, lockout.maxFailures, lockout.lockSeconds);
    if (isLocked(lockedUntil)) throw lockedError(lockedUntil);
    throw wrongCredentials();
  }
  const user = found;
  if (isLocked(user.lockedUntil)) throw lockedError(user.lockedUntil);

  const ctx = { actor: { kind: 'user' as const, ...actorStub(user) }, ip: input.ip };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const { locked, lockedUntil } = await recordFailedLogin(db, user.id, lockout.maxFailures, lockout.lockSeconds);
    await writeAudit(db, ctx, { action: locked ? 'lock' : 'sign_in_failed', entityType: 'user', entityId: user.id });
    if (isLocked(lockedUntil)) throw lockedError(lockedUntil);
    throw wrongCredentials();
  }

  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + config.MINXIN_SESSION_IDLE_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    if (input.replaceSessionId) {
      // Whoever's it was: the browser now belongs to the person who just signed in.
      const ended = await deleteSession(tx, input.replaceSessionId);
      if (ended) await writeAudit(tx, ctx, { action: 'sign_out', entityType: 'user', entityId: ended.userId });
    }
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
