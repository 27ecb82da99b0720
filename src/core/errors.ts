/**
 * Domain errors carry a code and a message a person can act on, Chinese
 * first. They carry no HTTP: src/server/errors.ts maps codes to statuses.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DUPLICATE'
  | 'IN_USE'
  | 'LOCKED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  /** The server is busy or stopping (a full import queue): try again later. */
  | 'UNAVAILABLE'
  | 'INTERNAL';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details ?? null;
  }
}

export const notFound = (what: string, whatEn: string): AppError =>
  new AppError('NOT_FOUND', `${what}不存在或您无权查看。 ${whatEn} not found or not visible to you.`);

export const forbidden = (): AppError =>
  new AppError(
    'FORBIDDEN',
    '您没有执行此操作的权限，请联系管理员。 You are not allowed to do this; ask an administrator.',
  );

export const versionConflict = (current: unknown): AppError =>
  new AppError(
    'CONFLICT',
    '该记录已被他人修改，请查看最新内容后重试。 This record was changed by someone else; review the current version and try again.',
    { current },
  );
