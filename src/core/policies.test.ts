import { describe, expect, it } from 'vitest';
import type { Role, UserActor } from './actor.js';
import { roleAttachmentProblem } from './actor.js';
import {
  canExportProgramme,
  canManageProgramme,
  canManageReferenceData,
  canManageUsers,
  canReadItem,
  canReadProgramme,
} from './policies.js';

const OWN = 1;
const CHILD = 2;
const OTHER = 9;
const MY_UNIT = 10;
const ME_PERSON = 20;

function actor(role: Role): UserActor {
  return {
    kind: 'user',
    id: 1,
    username: role,
    displayName: role,
    role,
    jurisdictionId: role === 'supervisor' || role === 'viewer' ? OWN : null,
    jurisdictionScope: role === 'supervisor' || role === 'viewer' ? [OWN, CHILD] : [],
    unitId: role === 'reporter' ? MY_UNIT : null,
    personId: role === 'leader' ? ME_PERSON : null,
  };
}

const programme = (
  jurisdictionId: number,
  links: { unit?: boolean; leader?: boolean } = {},
  state: 'draft' | 'published' = 'published',
) => ({
  jurisdictionId,
  state,
  hasActorUnit: links.unit ?? false,
  hasActorLeader: links.leader ?? false,
});
const item = (jurisdictionId: number, unitIds: number[] = [], leaderPersonIds: number[] = []) => ({
  jurisdictionId,
  unitIds,
  leaderPersonIds,
});

describe('drafts', () => {
  it('are the office’s: units and leaders see a list once it is published', () => {
    const links = { unit: true, leader: true };
    expect(canReadProgramme(actor('reporter'), programme(OTHER, links, 'draft'))).toBe(false);
    expect(canReadProgramme(actor('leader'), programme(OTHER, links, 'draft'))).toBe(false);
    expect(canReadProgramme(actor('reporter'), programme(OTHER, links))).toBe(true);
    expect(canReadProgramme(actor('supervisor'), programme(OWN, {}, 'draft'))).toBe(true);
    const draftItem = { ...item(OTHER, [MY_UNIT], [ME_PERSON]), programmeState: 'draft' as const };
    expect(canReadItem(actor('reporter'), draftItem)).toBe(false);
    expect(canReadItem(actor('leader'), draftItem)).toBe(false);
    expect(canReadItem(actor('reporter'), { ...draftItem, programmeState: 'published' })).toBe(true);
  });
});

// One row per rule: what each role may do. The API's route × role test checks the same through HTTP.
const table: [string, (a: UserActor) => boolean, Record<Role, boolean>][] = [
  [
    'manage a programme of the own jurisdiction',
    (a) => canManageProgramme(a, OWN),
    { admin: true, supervisor: true, reporter: false, leader: false, viewer: false },
  ],
  [
    'manage a programme of a jurisdiction below',
    (a) => canManageProgramme(a, CHILD),
    { admin: true, supervisor: true, reporter: false, leader: false, viewer: false },
  ],
  [
    'manage a programme elsewhere',
    (a) => canManageProgramme(a, OTHER),
    { admin: true, supervisor: false, reporter: false, leader: false, viewer: false },
  ],
  [
    'read a programme of the own jurisdiction',
    (a) => canReadProgramme(a, programme(OWN)),
    { admin: true, supervisor: true, reporter: false, leader: false, viewer: true },
  ],
  [
    'read a programme holding the own unit',
    (a) => canReadProgramme(a, programme(OTHER, { unit: true })),
    { admin: true, supervisor: false, reporter: true, leader: false, viewer: false },
  ],
  [
    'read a programme the leader supervises in',
    (a) => canReadProgramme(a, programme(OTHER, { leader: true })),
    { admin: true, supervisor: false, reporter: false, leader: true, viewer: false },
  ],
  [
    'read an item of the own unit',
    (a) => canReadItem(a, item(OWN, [MY_UNIT])),
    { admin: true, supervisor: true, reporter: true, leader: false, viewer: true },
  ],
  [
    'read an item of another unit',
    (a) => canReadItem(a, item(OWN, [MY_UNIT + 1])),
    { admin: true, supervisor: true, reporter: false, leader: false, viewer: true },
  ],
  [
    'read an item the leader supervises',
    (a) => canReadItem(a, item(OTHER, [], [ME_PERSON])),
    { admin: true, supervisor: false, reporter: false, leader: true, viewer: false },
  ],
  [
    'export a readable programme',
    (a) => canExportProgramme(a, programme(OWN, { unit: true, leader: true })),
    { admin: true, supervisor: true, reporter: false, leader: false, viewer: true },
  ],
  [
    'manage units of the own jurisdiction',
    (a) => canManageReferenceData(a, OWN),
    { admin: true, supervisor: true, reporter: false, leader: false, viewer: false },
  ],
  [
    'manage units elsewhere',
    (a) => canManageReferenceData(a, OTHER),
    { admin: true, supervisor: false, reporter: false, leader: false, viewer: false },
  ],
  [
    'manage users',
    (a) => canManageUsers(a),
    { admin: true, supervisor: false, reporter: false, leader: false, viewer: false },
  ],
];

describe('policies', () => {
  for (const [rule, check, expected] of table) {
    for (const role of Object.keys(expected) as Role[]) {
      it(`${role} ${expected[role] ? 'may' : 'may not'} ${rule}`, () => {
        expect(check(actor(role))).toBe(expected[role]);
      });
    }
  }

  it('lets the system (demo loader, CLI) do anything', () => {
    const system = { kind: 'system' as const, name: 'cli' };
    expect(canManageProgramme(system, OTHER) && canManageUsers(system) && canReadItem(system, item(OTHER))).toBe(true);
  });

  it('says what a role must be attached to', () => {
    expect(roleAttachmentProblem('supervisor', { jurisdictionId: null, unitId: null, personId: null })).toMatch(
      /行政区/,
    );
    expect(roleAttachmentProblem('reporter', { jurisdictionId: 1, unitId: null, personId: null })).toMatch(/单位/);
    expect(roleAttachmentProblem('leader', { jurisdictionId: null, unitId: null, personId: null })).toMatch(/人员/);
    expect(roleAttachmentProblem('viewer', { jurisdictionId: null, unitId: null, personId: null })).toBeNull();
  });
});
