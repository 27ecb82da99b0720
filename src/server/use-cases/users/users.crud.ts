import { type Role, roleAttachmentProblem } from '../../../core/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { assertPasswordAcceptable } from '../../../core/password.js';
import { canManageUsers } from '../../../core/policies.js';
import type { Db } from '../../../db/client.js';
import { findRow } from '../../../db/crud.js';
import { deleteUserSessions } from '../../../db/repositories/sessions.repository.js';
import { jurisdictions, people, units, users } from '../../../db/schema.js';
import { hashPassword } from '../../passwords.js';
import { defineCrud } from '../define-crud.js';

type Links = { jurisdictionId: number | null; unitId: number | null; personId: number | null };
type Input = Links & { username: string; displayName: string; password: string; role: Role; email?: string | null };
type UserRow = typeof users.$inferSelect;

async function checkLinks(db: Db, role: Role, links: Links): Promise<void> {
  const problem = roleAttachmentProblem(role, links);
  if (problem) throw new AppError('VALIDATION', problem);
  if (links.jurisdictionId !== null && !(await findRow(db, jurisdictions, links.jurisdictionId)))
    throw notFound('行政区', 'Jurisdiction');
  if (links.unitId !== null && !(await findRow(db, units, links.unitId))) throw notFound('责任单位', 'Unit');
  if (links.personId !== null && !(await findRow(db, people, links.personId))) throw notFound('人员', 'Person');
}

export function presentUser(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    jurisdictionId: row.jurisdictionId,
    unitId: row.unitId,
    personId: row.personId,
    email: row.email,
    disabled: row.disabled,
    lockedUntil: row.lockedUntil,
    version: row.version,
  };
}

/** Accounts: the admin's alone. A password hash never reaches a client or the audit trail. */
export const usersCrud = defineCrud({
  table: users,
  meta: { entityType: 'user', what: { zh: '用户', en: 'user' }, redact: presentUser },
  present: async (_db, row) => presentUser(row),
  scopeOfCreate: async (_db, _input: Input) => ({}),
  scopeOfRow: async () => ({}),
  canWrite: (actor) => canManageUsers(actor),
  toValues: async (db, input) => {
    assertPasswordAcceptable(input.password, input.username);
    await checkLinks(db, input.role, input);
    const { password, ...rest } = input;
    return { ...rest, passwordHash: await hashPassword(password) };
  },
  checkRemove: async (_db, row, actor) => {
    if (actor.kind === 'user' && actor.id === row.id)
      throw new AppError('VALIDATION', '不能删除自己的账号。 You cannot delete your own account.');
  },
  checkPatch: async (db, patch, _scope, row, actor) => {
    if (
      actor.kind === 'user' &&
      actor.id === row.id &&
      (patch.disabled === true || (patch.role !== undefined && patch.role !== row.role))
    )
      throw new AppError(
        'VALIDATION',
        '不能停用自己的账号或更改自己的角色。 You cannot disable your own account or change your own role.',
      );
    const { password, unlock, ...rest } = patch as Record<string, unknown> & { password?: string; unlock?: true };
    const merged = { ...row, ...rest } as UserRow;
    await checkLinks(db, merged.role, merged);
    const next: Record<string, unknown> = { ...rest };
    if (unlock) Object.assign(next, { lockedUntil: null, failedLogins: 0 });
    if (password !== undefined) {
      assertPasswordAcceptable(password, row.username);
      next.passwordHash = await hashPassword(password);
    }
    // A new password, a new role or a disabled account ends the sessions opened before.
    if (password !== undefined || rest.disabled === true || (rest.role !== undefined && rest.role !== row.role))
      await deleteUserSessions(db, row.id);
    return next;
  },
});
