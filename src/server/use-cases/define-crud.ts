import type { Actor } from '../../core/actor.js';
import { AppError, forbidden, notFound, versionConflict } from '../../core/errors.js';
import type { RequestContext } from '../../db/audit.js';
import type { Db } from '../../db/client.js';
import type { EntityMeta, Row, VersionedTable } from '../../db/crud.js';
import { deleteAudited, insertAudited, requireRow, updateVersioned } from '../../db/crud.js';

/**
 * Create, update and delete for a record whose only rules are "who may write
 * where it sits" and "what leaves the server". Every call authorizes first,
 * runs in one transaction and is audited (src/db/crud.ts).
 */
export interface CrudSpec<T extends VersionedTable, Out, CreateInput, Scope> {
  table: T;
  meta: EntityMeta<T>;
  present: (db: Db, row: Row<T>) => Promise<Out>;
  /** Where a new record would sit: resolves ids in the input, or throws NOT_FOUND. */
  scopeOfCreate: (db: Db, input: CreateInput, parentId: number | null) => Promise<Scope>;
  /** Where an existing record sits. */
  scopeOfRow: (db: Db, row: Row<T>) => Promise<Scope>;
  /** The named policy for reading there (a GET of one record); without it the record has no GET of its own. */
  canRead?: (db: Db, actor: Actor, scope: Scope) => Promise<boolean>;
  /** The named policy for writing there. */
  canWrite: (actor: Actor, scope: Scope) => boolean;
  /** Turn the input into column values; may check the input against the scope. */
  toValues: (
    db: Db,
    input: CreateInput,
    scope: Scope,
    parentId: number | null,
    actor: Actor,
  ) => Promise<T['$inferInsert']>;
  /** Refuse a delete the policy allows but the domain does not (e.g. deleting oneself). */
  checkRemove?: (db: Db, row: Row<T>, actor: Actor) => Promise<void>;
  /** Where the change shows in history: the programme and item it belongs to. */
  auditContext?: (scope: Scope) => { programmeId?: number | null; itemId?: number | null };
  /** Check an update against the scope (e.g. a unit from another jurisdiction). */
  checkPatch?: (
    db: Db,
    patch: Record<string, unknown>,
    scope: Scope,
    row: Row<T>,
    actor: Actor,
  ) => Promise<Record<string, unknown>>;
}

export interface Crud<Out, CreateInput> {
  /** Present one record to an actor who may read it; 404 otherwise (existence is not revealed). */
  read?: (db: Db, actor: Actor, id: number) => Promise<Out>;
  create(db: Db, ctx: RequestContext, input: CreateInput, parentId?: number | null): Promise<Out>;
  update(db: Db, ctx: RequestContext, id: number, input: { version: number } & Record<string, unknown>): Promise<Out>;
  remove(db: Db, ctx: RequestContext, id: number): Promise<void>;
}

export function defineCrud<T extends VersionedTable, Out, CreateInput, Scope>(
  spec: CrudSpec<T, Out, CreateInput, Scope>,
): Crud<Out, CreateInput> {
  const metaIn = (scope: Scope): EntityMeta<T> =>
    spec.auditContext
      ? { ...spec.meta, context: (row) => ({ ...spec.meta.context?.(row), ...spec.auditContext?.(scope) }) }
      : spec.meta;
  const canRead = spec.canRead;
  return {
    ...(canRead
      ? {
          async read(db: Db, actor: Actor, id: number) {
            const row = await requireRow(db, spec.table, id, spec.meta.what);
            if (!(await canRead(db, actor, await spec.scopeOfRow(db, row))))
              throw notFound(spec.meta.what.zh, spec.meta.what.en);
            return spec.present(db, row);
          },
        }
      : {}),
    async create(db, ctx, input, parentId = null) {
      return db.transaction(async (tx) => {
        const scope = await spec.scopeOfCreate(tx, input, parentId);
        if (!spec.canWrite(ctx.actor, scope)) throw forbidden();
        const values = await spec.toValues(tx, input, scope, parentId, ctx.actor);
        const row = await insertAudited(tx, ctx, spec.table, values, metaIn(scope));
        return spec.present(tx, row);
      });
    },

    async update(db, ctx, id, input) {
      return db.transaction(async (tx) => {
        const current = await requireRow(tx, spec.table, id, spec.meta.what);
        const scope = await spec.scopeOfRow(tx, current);
        if (!spec.canWrite(ctx.actor, scope)) throw forbidden();
        const { version, ...rest } = input;
        const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
        const patch = spec.checkPatch ? await spec.checkPatch(tx, defined, scope, current, ctx.actor) : defined;
        const row = await updateVersioned(tx, ctx, spec.table, id, version, patch as Partial<T['$inferInsert']>, {
          ...metaIn(scope),
          present: (r) => r,
        }).catch(async (error: unknown) => {
          // A 409 carries the current record as the client sees it.
          if (error instanceof AppError && error.code === 'CONFLICT') {
            const current = (error.details as { current: Row<T> }).current;
            throw versionConflict(await spec.present(tx, current));
          }
          throw error;
        });
        return spec.present(tx, row);
      });
    },

    async remove(db, ctx, id) {
      await db.transaction(async (tx) => {
        const current = await requireRow(tx, spec.table, id, spec.meta.what);
        const scope = await spec.scopeOfRow(tx, current);
        if (!spec.canWrite(ctx.actor, scope)) throw forbidden();
        await spec.checkRemove?.(tx, current, ctx.actor);
        await deleteAudited(tx, ctx, spec.table, id, metaIn(scope));
      });
    },
  };
}
