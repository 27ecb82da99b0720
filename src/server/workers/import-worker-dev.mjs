// Started in place of import-worker.ts when the server runs from its TypeScript
// sources (vitest, `node --import tsx`). Node 20 does not apply `--import tsx`
// from a worker's execArgv to the worker's own entry module, so tsx (a
// devDependency, present wherever .ts runs) is registered here first.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
