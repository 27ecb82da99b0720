import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../core/errors.js';
import { AppError } from '../core/errors.js';
import { sqlState } from '../db/errors.js';

/** The one table from domain error codes to HTTP statuses. */
export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export interface ErrorBody {
  code: string;
  message: string;
  details: unknown;
}

interface ZodIssueLike {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; message?: string } };
}

function validationDetails(error: FastifyError): { where: string; path: string; message: string }[] {
  const issues = (error.validation ?? []) as unknown as ZodIssueLike[];
  return issues.map((issue) => ({
    where: error.validationContext ?? 'body',
    path: issue.params?.issue?.path?.map(String).join('.') ?? issue.instancePath ?? '',
    message: issue.params?.issue?.message ?? issue.message ?? '',
  }));
}

const WHERE_ZH: Record<string, string> = {
  body: '请求内容',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

/** Turn anything thrown into `{code, message, details}`, Chinese first; 5xx details stay in the log. */
export function toErrorResponse(error: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: STATUS_OF[error.code],
      body: { code: error.code, message: error.message, details: error.details },
    };
  }
  const fe = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const details = validationDetails(fe);
    const first = details[0];
    const where = WHERE_ZH[first?.where ?? 'body'] ?? '请求';
    return {
      status: 400,
      body: {
        code: 'VALIDATION',
        message: `${where}不符合要求${first ? `：${first.path ? `${first.path} ` : ''}${first.message}` : ''}。请修改后重试。 The request is invalid; fix the fields listed in details.`,
        details,
      },
    };
  }
  if (isResponseSerializationError(fe)) {
    request.log.error({ err: fe, issues: fe.cause.issues }, 'response does not match its schema');
    return internal();
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        body: {
          code: 'PAYLOAD_TOO_LARGE',
          message: '请求内容过大，请拆分后重试。 The request body is too large.',
          details: null,
        },
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 415,
        body: {
          code: 'VALIDATION',
          message: '请求格式不受支持，请以 application/json 发送。 Send the request as application/json.',
          details: null,
        },
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        status: 400,
        body: {
          code: 'VALIDATION',
          message: '请求内容不是有效的 JSON，请检查后重试。 The body is not valid JSON.',
          details: null,
        },
      };
    default:
      break;
  }
  if (fe.statusCode === 429) {
    // A route's own rate-limit answer (e.g. sign-in: how long to wait) is kept.
    const own = (fe as { code?: string }).code === 'RATE_LIMITED';
    return {
      status: 429,
      body: {
        code: 'RATE_LIMITED',
        message: own ? fe.message : '请求过于频繁，请稍后再试。 Too many requests; wait a minute and try again.',
        details: own ? ((fe as { details?: unknown }).details ?? null) : null,
      },
    };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      status: fe.statusCode,
      body: { code: 'VALIDATION', message: `请求有误：${fe.message}。 Bad request.`, details: null },
    };
  }
  // SQLSTATE class 22, data exception: a value the database cannot take (an id past its integer range…).
  // The request's fault, whichever route let it through; logged so the route's schema can be tightened.
  const state = sqlState(error);
  if (state?.startsWith('22')) {
    request.log.warn({ err: error, sqlState: state }, 'data exception answered as 400');
    return {
      status: 400,
      body: {
        code: 'VALIDATION',
        message:
          '请求中有数据库无法保存的值（例如编号过大或超出范围），请检查后重试。 A value in the request cannot be stored (e.g. an id out of range); check it and retry.',
        details: { sqlState: state },
      },
    };
  }
  request.log.error({ err: error }, 'unhandled error');
  return internal();
}

function internal(): { status: number; body: ErrorBody } {
  return {
    status: 500,
    body: {
      code: 'INTERNAL',
      message:
        '服务器内部错误，请稍后重试；如持续出现请联系管理员。 Internal error; try again later or contact the administrator.',
      details: null,
    },
  };
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: unknown): FastifyReply {
  const { status, body } = toErrorResponse(error, request);
  return reply.status(status).send(body);
}
