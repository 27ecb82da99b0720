import { pinBusinessDate, shanghaiToday } from '../core/work/calendar.js';
import type { Database } from '../db/client.js';
import { openDatabase } from '../db/client.js';
import { demoYearFor } from '../db/demo/demo-programme-for.js';
import { deleteExpiredSessions } from '../db/repositories/sessions.repository.js';
import { deleteSpentNameLocks } from '../db/repositories/sign-in-throttle.repository.js';
import { type App, buildApp } from './app.js';
import type { Config } from './config.js';
import { seedDemo } from './use-cases/demo/seed-demo.js';
import { seedDemoYear } from './use-cases/demo/seed-demo-year.js';
import { seedCalendar } from './use-cases/work/seed-calendar.js';

export interface RunningServer {
  app: App;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Whether this start loads the demo: `auto` means on the embedded database only. */
export function demoWanted(config: Config): boolean {
  if (config.MINXIN_DEMO === 'on') return true;
  if (config.MINXIN_DEMO === 'off') return false;
  return config.DATABASE_URL === undefined;
}

/** Open the database, migrate, load the demo on first start, and listen. */
export async function startServer(config: Config, print: (line: string) => void = console.log): Promise<RunningServer> {
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.MINXIN_DATA_DIR,
    poolSize: config.DB_POOL_SIZE,
  });
  pinBusinessDate(config.MINXIN_TODAY ?? null);
  await database.migrate();
  await seedCalendar(database.db);
  if (demoWanted(config)) {
    // The demo follows the business date's year (last year's in January and February).
    const demo = await seedDemo(database.db, config.MINXIN_DEMO_PASSWORD, { year: demoYearFor(shanghaiToday()) });
    if (demo) {
      const year = await seedDemoYear(database.db, demo.programmeId);
      print('');
      print(
        `演示年度：${year.reports} 份进展报告、${year.notices} 份督办单、${year.inspections} 次实地督查 (a year of demo work loaded)`,
      );
      print('演示数据已载入 (demo programme loaded). 演示账号 (demo accounts):');
      for (const name of demo.usernames) print(`  ${name.padEnd(11)} 密码 password: ${demo.password}`);
      if (demo.generated) print('  (此密码只显示这一次 — shown once; set MINXIN_DEMO_PASSWORD to choose it)');
      print('');
    }
  }
  const app = await buildApp({ database, config });
  // Expired sessions are refused on read, spent name locks mean nothing: this only keeps the tables small.
  const sweep = setInterval(() => {
    deleteExpiredSessions(database.db).catch((error: unknown) => app.log.warn({ err: error }, 'session sweep failed'));
    deleteSpentNameLocks(database.db).catch((error: unknown) => app.log.warn({ err: error }, 'throttle sweep failed'));
  }, 3600_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  print(`民心 Minxin 已启动 (listening): ${url}  数据库 database: ${database.kind} (${database.location})`);
  let stopping: Promise<void> | undefined;
  return {
    app,
    database,
    url,
    stop: () => {
      stopping ??= (async () => {
        await app.close();
        await database.close();
      })();
      return stopping;
    },
  };
}
