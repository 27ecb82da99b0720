import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../src/db/audit.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { createPostgresDatabase, postgresServerUrl, ROOT } from '../lib.js';
import { figure, routesOf, rows, WRITE_METHODS } from './lib.js';

/**
 * The audit trail is never editable (issue 6, item 5): no route writes to it
 * but by appending, no code updates or deletes it, and the database itself
 * refuses UPDATE, DELETE and TRUNCATE on audit_log, on PGlite and PostgreSQL.
 * (The suite's other files check that their hundreds of requests left every
 * earlier entry as it was.)
 */

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

let pglite: Database;
beforeAll(async () => {
  pglite = await openDatabase({ dataDir: 'memory://' });
  await pglite.migrate();
});
afterAll(() => pglite?.close());

describe('no way to change the audit trail through the application', () => {
  it('has no route that updates or deletes it, and no code that does', async () => {
    const app = await buildApp({ database: pglite, config: testConfig(), serveWeb: false });
    await app.ready();
    try {
      const writes = routesOf(app).filter((r) => WRITE_METHODS.has(r.method));
      const onTrail = writes.filter((r) => /history|audit/.test(r.path));
      expect(onTrail).toEqual([]);
      const files = sourceFiles(join(ROOT, 'src'));
      const offenders = files.filter((file) => {
        const source = readFileSync(file, 'utf8');
        return (
          /\.(update|delete)\(\s*auditLog\b/.test(source) ||
          /\b(update\s+"?audit_log|delete\s+from\s+"?audit_log|truncate[^;'`]*audit_log)/i.test(source)
        );
      });
      figure(
        `audit trail: ${writes.length} write routes, ${onTrail.length} on the trail; ${files.length} source files, ${offenders.length} that update or delete it`,
      );
      expect(offenders).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

async function refusesChanges(database: Database, kind: string): Promise<void> {
  await writeAudit(
    database.db,
    { actor: { kind: 'system', name: 'security-suite' } },
    {
      action: 'create',
      entityType: 'unit',
      entityId: 1,
      after: { name: '原始记录' },
    },
  );
  const before = await rows(database.db, sql`select * from audit_log order by id`);
  const attempts = {
    UPDATE: sql`update audit_log set actor_name = 'forged', after = '{"name":"篡改"}'`,
    'UPDATE of one row': sql`update audit_log set action = 'delete' where id = (select min(id) from audit_log)`,
    DELETE: sql`delete from audit_log`,
    TRUNCATE: sql`truncate audit_log`,
    'TRUNCATE … CASCADE': sql`truncate audit_log cascade`,
  };
  for (const [what, statement] of Object.entries(attempts)) {
    const error = await database.db.execute(statement).then(
      () => null,
      (e: unknown) => e as { code?: string; cause?: { code?: string; message?: string }; message?: string },
    );
    expect(error, `${kind}: ${what} went through`).not.toBeNull();
    const code = error?.cause?.code ?? error?.code;
    const message = error?.cause?.message ?? error?.message ?? '';
    expect(code, `${kind}: ${what}: ${message}`).toBe('42501');
    expect(message).toContain('audit_log is append-only');
  }
  const after = await rows(database.db, sql`select * from audit_log order by id`);
  expect(after).toEqual(before);
  // Appending still works.
  await writeAudit(
    database.db,
    { actor: { kind: 'system', name: 'security-suite' } },
    {
      action: 'update',
      entityType: 'unit',
      entityId: 1,
    },
  );
  expect(await rows(database.db, sql`select id from audit_log`)).toHaveLength(before.length + 1);
  figure(
    `audit trail on ${kind}: ${Object.keys(attempts).length} kinds of change refused (42501), every entry unchanged`,
  );
}

describe('the database refuses UPDATE, DELETE and TRUNCATE on audit_log', () => {
  it('on PGlite', () => refusesChanges(pglite, 'PGlite'));

  describe('on PostgreSQL', () => {
    let made: { url: string; drop(): Promise<void> } | undefined;
    beforeAll(async () => {
      if (postgresServerUrl()) made = await createPostgresDatabase();
      else console.warn('[security] TEST_DATABASE_URL is not set: the PostgreSQL half of the audit test is SKIPPED');
    });
    afterAll(() => made?.drop());

    it.skipIf(!postgresServerUrl())('as the owner of the tables', async () => {
      const database = await openDatabase({ url: made?.url, poolSize: 2 });
      try {
        await database.migrate();
        await refusesChanges(database, 'PostgreSQL');
      } finally {
        await database.close();
      }
    });
  });
});
