import { AppError } from '../core/errors.js';

/** The PostgreSQL error code (SQLSTATE) of an error, looking through Drizzle's wrapper. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Turn constraint violations into domain errors by SQLSTATE, never by message
 * text. `what` names the record in Chinese and English for the message.
 */
export function mapDatabaseError(error: unknown, what: { zh: string; en: string }): unknown {
  switch (sqlState(error)) {
    case '23505':
      return new AppError(
        'DUPLICATE',
        `已存在同名的${what.zh}，请换一个名称。 A ${what.en} with this name already exists; choose another name.`,
      );
    case '23503':
    case '23001':
      return new AppError(
        'IN_USE',
        `该${what.zh}仍被其他记录引用，或引用的记录不存在；请先处理相关记录。 This ${what.en} is referenced by other records, or refers to one that does not exist.`,
      );
    case '23514':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return new AppError('VALIDATION', `${what.zh}的数据不合法，请检查后重试。 Invalid ${what.en} data.`);
    default:
      return error;
  }
}

export async function withDatabaseErrors<T>(what: { zh: string; en: string }, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw mapDatabaseError(error, what);
  }
}
