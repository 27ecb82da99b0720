/**
 * Understanding the text of the published lists: cleanup, numbers and
 * quantities, indicators and their quarterly checkpoints, deadlines, units
 * and persons, ordinals and item numbers. Pure, total functions: every one
 * accepts any string, never throws, and reads at most MAX_INPUT characters.
 */
export { extractCheckpoints, type IndicatorRef, type Quarter } from './checkpoints.js';
export { type Deadline, parseDeadline } from './deadline.js';
export { type ExtractedIndicator, extractIndicators, extractIndicatorsByPart } from './indicators.js';
export { isNoWork, parseItemNumber, parseOrdinal, quarterOfHeader, splitParts } from './markers.js';
export { clip, isHan, MAX_INPUT, type NormalizeOptions, normalizeText } from './normalize.js';
export { parseChineseNumber } from './numbers.js';
export { alignPersons, isCollectiveUnit, isPlausibleUnit, splitPersons, splitUnits } from './people.js';
export {
  type Approx,
  canonicalUnit,
  parseQuantity,
  parseRange,
  type Quantity,
  type Range,
} from './quantity.js';
