import { CHINA_HOLIDAYS } from '../../../core/work/holidays-cn.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { countCalendarDaysInYear, insertCalendarDays } from '../../../db/repositories/calendar.repository.js';

const system = { actor: { kind: 'system' as const, name: 'calendar' }, ip: null };

/**
 * Give the working-day calendar the built-in China holidays of each year it
 * knows (2025, 2026) — only for a year that has no rows yet, so the office's
 * own edits are never overwritten and a second run changes nothing.
 * Returns the years seeded.
 */
export async function seedCalendar(db: Db): Promise<number[]> {
  const seeded: number[] = [];
  for (const [yearText, days] of Object.entries(CHINA_HOLIDAYS)) {
    const year = Number(yearText);
    const done = await db.transaction(async (tx) => {
      if ((await countCalendarDaysInYear(tx, year)) > 0) return false;
      const rows = await insertCalendarDays(tx, days);
      await writeAudit(tx, system, {
        action: 'seed',
        entityType: 'calendar_day',
        entityId: null,
        after: { year, days: rows.length },
      });
      return true;
    });
    if (done) seeded.push(year);
  }
  return seeded;
}
