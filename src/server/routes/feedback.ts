import type { Api } from './crud-routes.js';

/** Filled in by the issue-5 work on feedback. */
export async function feedbackRoutes(_app: Api): Promise<void> {}
