import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '../../../core/actor.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { DEMO_LEADER, DEMO_REPORTER_UNIT } from '../../../db/demo/demo-programme.js';
import { DEMO_YEAR, demoProgrammeFor } from '../../../db/demo/demo-programme-for.js';
import { countUsers } from '../../../db/repositories/users.repository.js';
import { people, programmes, settings, units, users } from '../../../db/schema.js';
import { generatePassword, hashPassword } from '../../passwords.js';
import { importProgramme } from '../programmes/import-programme.js';

export interface DemoAccounts {
  password: string;
  generated: boolean;
  usernames: Role[];
  programmeId: number;
}

const system = { actor: { kind: 'system' as const, name: 'demo' }, ip: null };

/**
 * On an empty database in demo mode: the fictional 明湖区 programme of `year`
 * (default 2026, the year it is written for: tests rely on it), published,
 * and one account per role sharing one password. Returns null when the
 * database already has users (the demo is loaded once).
 */
export async function seedDemo(
  db: Db,
  passwordFromEnv: string | undefined,
  options: { year?: number } = {},
): Promise<DemoAccounts | null> {
  if ((await countUsers(db)) > 0) return null;
  const { id: programmeId } = await importProgramme(db, system, demoProgrammeFor(options.year ?? DEMO_YEAR));
  const password = passwordFromEnv ?? generatePassword();
  const passwordHash = await hashPassword(password);

  await db.transaction(async (tx) => {
    const [programme] = await tx.select().from(programmes).where(eq(programmes.id, programmeId));
    if (!programme) throw new Error('demo programme missing after import');
    await tx.update(programmes).set({ state: 'published' }).where(eq(programmes.id, programmeId));
    await writeAudit(tx, system, {
      action: 'publish',
      entityType: 'programme',
      entityId: programmeId,
      programmeId,
      before: { state: programme.state },
      after: { state: 'published' },
    });
    const jurisdictionId = programme.jurisdictionId;
    const [unit] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.jurisdictionId, jurisdictionId), eq(units.name, DEMO_REPORTER_UNIT)));
    const [leader] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.jurisdictionId, jurisdictionId), eq(people.name, DEMO_LEADER), isNull(people.unitId)));
    const accounts: (typeof users.$inferInsert)[] = [
      { username: 'admin', displayName: '系统管理员', role: 'admin', passwordHash },
      { username: 'supervisor', displayName: '区督查室 王督查', role: 'supervisor', jurisdictionId, passwordHash },
      {
        username: 'reporter',
        displayName: `${DEMO_REPORTER_UNIT} 填报员`,
        role: 'reporter',
        unitId: unit?.id ?? null,
        passwordHash,
      },
      {
        username: 'leader',
        displayName: `${DEMO_LEADER}（分管区领导）`,
        role: 'leader',
        personId: leader?.id ?? null,
        passwordHash,
      },
      { username: 'viewer', displayName: '观察员', role: 'viewer', jurisdictionId, passwordHash },
    ];
    const created = await tx.insert(users).values(accounts).returning();
    for (const user of created) {
      const { passwordHash: _hidden, ...visible } = user;
      await writeAudit(tx, system, { action: 'create', entityType: 'user', entityId: user.id, after: visible });
    }
    await tx
      .insert(settings)
      .values({ key: 'demo', value: { loadedAt: new Date().toISOString(), programmeId } })
      .onConflictDoNothing();
  });
  return {
    password,
    generated: passwordFromEnv === undefined,
    usernames: ['admin', 'supervisor', 'reporter', 'leader', 'viewer'],
    programmeId,
  };
}
