import { splitPersons, splitUnits } from '../text/index.js';
import type { RowCells } from './table-walk.js';

/**
 * Who answers for which unit, learned from the rows where a list names as many
 * people as units. Used where a merged units cell spans several parts and each
 * part names only its own people: 沁杨道 names 赵雪原 高庆锡 under 区住建委
 * 杨柳青镇 精武镇 大寺镇, and other rows say 高庆锡 is 杨柳青镇's.
 */
export class PersonDirectory {
  private readonly unitOf = new Map<string, string | null>();

  static fromRows(rows: readonly RowCells[]): PersonDirectory {
    const directory = new PersonDirectory();
    for (const row of rows) {
      if (!row.units || !row.persons || row.units.merged || row.persons.merged) continue;
      const units = splitUnits(row.units.raw);
      const persons = splitPersons(row.persons.raw);
      if (units.length === 0 || units.length !== persons.length) continue;
      persons.forEach((person, i) => {
        directory.learn(person, units[i] as string);
      });
    }
    return directory;
  }

  private learn(person: string, unit: string): void {
    const known = this.unitOf.get(person);
    // A person seen with two units tells nothing.
    if (known === undefined) this.unitOf.set(person, unit);
    else if (known !== unit) this.unitOf.set(person, null);
  }

  /**
   * The units, among `units`, that `persons` answer for, in the persons'
   * order; null unless every person is known, with a distinct unit of the list.
   */
  unitsFor(persons: readonly string[], units: readonly string[]): string[] | null {
    const found: string[] = [];
    for (const person of persons) {
      const unit = this.unitOf.get(person);
      if (!unit || !units.includes(unit) || found.includes(unit)) return null;
      found.push(unit);
    }
    return found.length > 0 ? found : null;
  }
}
