import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type AppError, type ErrorKind, isAppError } from '../domain/shared/errors.ts';

export const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many: 429,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(e: Pick<AppError, 'code' | 'message' | 'details'>): ErrorBody {
  return {
    error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) },
  };
}

/** Staff API: one mapping from any error to status + code + Chinese message. */
export function staffErrorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (isAppError(err)) return reply.status(STATUS[err.kind]).send(errorBody(err));
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => {
      // a shared rule's refusal (text-rules, date-rules) names its code in the issue's params
      const reason = (v.params as { params?: { reason?: unknown } } | undefined)?.params?.reason;
      return {
        field: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message,
        ...(typeof reason === 'string' ? { reason } : {}),
      };
    });
    return reply.status(400).send(
      errorBody({
        code: 'VALIDATION_FAILED',
        message: `请求参数不合法：${details.map((d) => `${d.field} ${d.message}`).join('；')}`,
        details,
      }),
    );
  }
  const fe = err as FastifyError;
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && /JSON/i.test(fe.message))) {
    return reply.status(400).send(errorBody({ code: 'MALFORMED_JSON', message: '请求体不是合法的 JSON' }));
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
    return reply.status(413).send(errorBody({ code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' }));
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
    return reply
      .status(415)
      .send(errorBody({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' }));
  }
  // an upload route sent JSON (or anything not multipart): @fastify/multipart's 406, in words
  if (fe.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return reply
      .status(415)
      .send(
        errorBody({ code: 'UPLOAD_EXPECTED', message: '请选择文件上传（以 multipart/form-data 方式提交）' }),
      );
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply
      .status(fe.statusCode)
      .send(errorBody({ code: 'BAD_REQUEST', message: `请求有误：${fe.message}` }));
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send(errorBody({ code: 'INTERNAL', message: '系统内部错误，请联系管理员' }));
}
