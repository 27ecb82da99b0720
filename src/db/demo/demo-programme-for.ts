import type { InterchangeItem, ProgrammeDocument } from '../../core/interchange.js';
import { demoProgramme } from './demo-programme.js';

/**
 * The demo programme is written for 2026 (its deadlines, milestone dates and
 * title). A server started in another year loads it moved to that year, so a
 * new user sees a year under way rather than one that ended long ago.
 */

/** The year the demo programme is written for; tests and suites pinned to 2026 dates use it as it is. */
export const DEMO_YEAR = 2026;

/** The demo programme's title in a year: 明湖区2027年20项民心工程. */
export function demoTitle(year: number): string {
  return demoProgramme.title.replace(String(DEMO_YEAR), String(year));
}

const moved = (date: string, year: number): string => `${year}${date.slice(4)}`;

function moveItem(item: InterchangeItem, year: number): InterchangeItem {
  return {
    ...item,
    ...(item.deadline
      ? {
          deadline: {
            ...item.deadline,
            date: item.deadline.date ? moved(item.deadline.date, year) : item.deadline.date,
          },
        }
      : {}),
    ...(item.milestones
      ? {
          milestones: item.milestones.map((m) => (m.dueDate ? { ...m, dueDate: moved(m.dueDate, year) } : m)),
        }
      : {}),
    ...(item.children ? { children: item.children.map((child) => moveItem(child, year)) } : {}),
  };
}

/** The demo programme with every date and its title moved to `year` (none falls on 29 February). */
export function demoProgrammeFor(year: number): ProgrammeDocument {
  if (year === DEMO_YEAR) return demoProgramme;
  return {
    ...demoProgramme,
    title: demoTitle(year),
    year,
    categories: demoProgramme.categories.map((category) => ({
      ...category,
      items: category.items.map((item) => moveItem(item, year)),
    })),
  };
}

/**
 * Which year's programme a demo started on `today` (YYYY-MM-DD) shows: this
 * year's from March, when a district's list has been published and the first
 * quarter's work is under way; in January and February last year's, finished,
 * as an office would still be scoring it.
 */
export function demoYearFor(today: string): number {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month >= 3 ? year : year - 1;
}
