/**
 * The shapes of the /api/v1 contract as the admin application sees them.
 * Hand-written to match the server; ids are integers.
 */
export type Id = number;

export type Role = 'admin' | 'supervisor' | 'reporter' | 'leader' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'supervisor', 'reporter', 'leader', 'viewer'];

export interface SessionUser {
  id: Id;
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: Id | null;
  unitId: Id | null;
  personId: Id | null;
}

export interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
}

export interface ListResponse<T> {
  items: T[];
}

export type JurisdictionLevel = 'city' | 'district' | 'town';
export const JURISDICTION_LEVELS: readonly JurisdictionLevel[] = ['city', 'district', 'town'];

export interface Jurisdiction {
  id: Id;
  name: string;
  level: JurisdictionLevel;
  parentId: Id | null;
  version: number;
}

export interface Unit {
  id: Id;
  jurisdictionId: Id;
  name: string;
  /** The unit head (单位负责人), a person of the same jurisdiction: escalations reach them. */
  headPersonId: Id | null;
  version: number;
}

export interface Person {
  id: Id;
  jurisdictionId: Id;
  name: string;
  title: string;
  unitId: Id | null;
  version: number;
}

export interface User {
  id: Id;
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: Id | null;
  unitId: Id | null;
  personId: Id | null;
  /** Where e-mail reminders go; null when none is given. */
  email: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  version: number;
}

export type ProgrammeState = 'draft' | 'published' | 'archived';
export const PROGRAMME_STATES: readonly ProgrammeState[] = ['draft', 'published', 'archived'];

export interface Programme {
  id: Id;
  title: string;
  year: number;
  state: ProgrammeState;
  jurisdictionId: Id;
  jurisdictionName: string;
  parentId: Id | null;
  parentTitle: string | null;
  version: number;
  itemCount: number;
}

export interface Deadline {
  text: string;
  date: string | null;
}

export type UnitRole = 'lead' | 'co';

export interface ItemUnit {
  id: Id;
  unitId: Id;
  name: string;
  role: UnitRole;
  position: number;
  version: number;
}

export interface ItemPerson {
  id: Id;
  personId: Id;
  name: string;
  unitId: Id | null;
  position: number;
  version: number;
}

export interface ItemLeader {
  id: Id;
  personId: Id;
  name: string;
  position: number;
  version: number;
}

export interface Milestone {
  id: Id;
  period: string;
  text: string;
  dueDate: string | null;
  position: number;
  version: number;
}

export type Direction = 'increase' | 'decrease';
export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export type Quarter = (typeof QUARTERS)[number];

export interface Indicator {
  id: Id;
  name: string;
  unit: string;
  target: number | null;
  direction: Direction;
  checkpoints: Partial<Record<string, number>>;
  position: number;
  version: number;
}

export interface ItemNode {
  id: Id;
  number: string;
  name: string;
  description: string;
  target: string;
  deadline: Deadline | null;
  position: number;
  version: number;
  parentItemId: Id | null;
  categoryId: Id;
  units: ItemUnit[];
  persons: ItemPerson[];
  leaders: ItemLeader[];
  milestones: Milestone[];
  indicators: Indicator[];
  children: ItemNode[];
}

export interface ItemDetail extends ItemNode {
  programmeId: Id;
  categoryTitle: string;
}

export interface Category {
  id: Id;
  ordinal: number | null;
  title: string;
  position: number;
  version: number;
  items: ItemNode[];
}

export interface ProgrammeTree {
  programme: Programme;
  categories: Category[];
}

export interface HistoryEntry {
  id: Id;
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: Id | null;
  before: unknown;
  after: unknown;
}

export interface ImportResult {
  id: Id;
  itemCount: number;
  warnings: { where: string; message: string; path?: string }[];
}

/** Every error body the server sends. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}
