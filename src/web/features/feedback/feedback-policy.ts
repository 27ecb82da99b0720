import type { SessionUser } from '../../api/types.js';

/** 群众评价 (moderation and satisfaction) is the office's page; the server checks the programme's jurisdiction. */
export const canModerateFeedback = (user: SessionUser): boolean => user.role === 'admin' || user.role === 'supervisor';
