import { describe, expect, it } from 'vitest';
import { changesPublicView } from './public-changes.js';

describe('changesPublicView', () => {
  it('leaves the public pages alone for accounts, evidence, supervision, assessment and deliveries', () => {
    for (const entityType of ['user', 'attachment', 'blob', 'notice', 'inspection', 'score_adjustment', 'delivery'])
      expect(changesPublicView({ entityType, action: 'create' }), entityType).toBe(false);
    expect(changesPublicView({ entityType: 'user', action: 'sign_in' })).toBe(false);
  });

  it('leaves them alone for a report before approval', () => {
    for (const action of ['create', 'update', 'update-values', 'submit', 'return', 'delete'])
      expect(changesPublicView({ entityType: 'report', action }), action).toBe(false);
  });

  it('ticks for approvals, reopening, reports read from a bulletin, lists, ratings and bulletins', () => {
    for (const action of ['approve', 'reopen', 'import-bulletin'])
      expect(changesPublicView({ entityType: 'report', action }), action).toBe(true);
    expect(changesPublicView({ entityType: 'programme', action: 'publish' })).toBe(true);
    expect(changesPublicView({ entityType: 'item', action: 'update' })).toBe(true);
    expect(changesPublicView({ entityType: 'feedback', action: 'create' })).toBe(true);
    expect(changesPublicView({ entityType: 'bulletin', action: 'publish' })).toBe(true);
    expect(changesPublicView({ entityType: 'calendar_day', action: 'update' })).toBe(true);
  });

  it('ticks for a kind of write it does not know (a refill is cheap, a stale page is not)', () => {
    expect(changesPublicView({ entityType: 'something_new', action: 'create' })).toBe(true);
    expect(changesPublicView({ entityType: 'report', action: 'something_new' })).toBe(true);
  });
});
