import type { Api } from './crud-routes.js';

/** Filled in by the issue-5 work on bulletins. */
export async function bulletinsRoutes(_app: Api): Promise<void> {}
