import { ImportPool, type ImportPoolOptions } from './import-pool.js';

/**
 * One import pool per process, shared by every app built in it (the server
 * builds one, tests many): worker threads compete for the same cores
 * whichever app started them. `buildApp` holds the pool and lets go when it
 * closes; the last holder to let go ends the workers. Use cases reach it
 * through `importPool()`.
 */

let shared: ImportPool | undefined;
let holders = 0;

/** The process's pool; made with the defaults if no app holds one (a script calling a use case). */
export function importPool(): ImportPool {
  shared ??= new ImportPool();
  return shared;
}

/** Hold the pool for an app's lifetime; the options apply when this makes it. Returns the release. */
export function holdImportPool(options: ImportPoolOptions = {}): () => Promise<void> {
  holders += 1;
  shared ??= new ImportPool(options);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    holders -= 1;
    if (holders > 0 || !shared) return;
    const last = shared;
    shared = undefined;
    await last.close();
  };
}
