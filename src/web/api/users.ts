import { resourceHooks } from './resource.js';
import type { Id, Role, User } from './types.js';

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  jurisdictionId: Id | null;
  unitId: Id | null;
  personId: Id | null;
  email: string | null;
}

export interface UserUpdate {
  version: number;
  displayName?: string;
  role?: Role;
  jurisdictionId?: Id | null;
  unitId?: Id | null;
  personId?: Id | null;
  disabled?: boolean;
  password?: string;
  email?: string | null;
}

export const userHooks = resourceHooks<User, UserInput, UserUpdate>({ key: 'users', path: '/users' });

export const useUsers = () => userHooks.useList();
