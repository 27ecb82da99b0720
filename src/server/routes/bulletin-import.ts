import type { Api } from './crud-routes.js';

/** Filled in by the issue-5 work on bulletin-import. */
export async function bulletinImportRoutes(_app: Api): Promise<void> {}
