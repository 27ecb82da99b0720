import { describe, expect, it } from 'vitest';
import { programmeDocumentSchema } from '../../core/interchange.js';
import { demoProgramme } from './demo-programme.js';
import { DEMO_YEAR, demoProgrammeFor, demoTitle, demoYearFor } from './demo-programme-for.js';

describe('demoProgrammeFor', () => {
  it('is the programme as written in 2026', () => {
    expect(DEMO_YEAR).toBe(2026);
    expect(demoProgrammeFor(2026)).toBe(demoProgramme);
  });

  it('moves the title, the year and every date to another year, and nothing else', () => {
    const moved = demoProgrammeFor(2027);
    expect(programmeDocumentSchema.parse(moved)).toEqual(moved);
    expect(moved.title).toBe('明湖区2027年20项民心工程');
    expect(moved.title).toBe(demoTitle(2027));
    expect(moved.year).toBe(2027);
    const json = JSON.stringify(moved);
    const dates = json.match(/"\d{4}-\d{2}-\d{2}"/g) ?? [];
    expect(dates.length).toBeGreaterThan(15);
    for (const date of dates) expect(date.startsWith('"2027-'), date).toBe(true);
    // Put back, it is the original to the letter: only years moved.
    expect(JSON.parse(json.replaceAll('2027', '2026'))).toEqual(demoProgramme);
    expect(JSON.stringify(demoProgramme)).not.toContain('2027');
  });
});

describe('demoYearFor', () => {
  it('shows this year from March, last year in January and February', () => {
    expect(demoYearFor('2026-11-23')).toBe(2026);
    expect(demoYearFor('2027-01-01')).toBe(2026);
    expect(demoYearFor('2027-02-28')).toBe(2026);
    expect(demoYearFor('2027-03-01')).toBe(2027);
    expect(demoYearFor('2030-12-31')).toBe(2030);
  });
});
