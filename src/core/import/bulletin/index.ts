/** Reading a published bulletin back into a programme's history (issue 5, item 6). */
export { matchBulletin } from './match-bulletin.js';
export { readBulletin } from './read-bulletin.js';
export { detectScript, stripPinyin, toSimplified } from './script.js';
export type * from './types.js';
