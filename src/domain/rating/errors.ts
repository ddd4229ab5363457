// The rating module's refusals: one union, each with the message shown.
import { AppError, type ErrorKind } from '../shared/errors.ts';

const MESSAGES = {
  RATING_LEVEL_INVALID: ['bad_request', '请选择 1–5 级评价'],
  RATING_INDICATOR_UNKNOWN: ['bad_request', '评价指标不属于该渠道'],
  RATING_TAGS_REQUIRED: ['bad_request', '差评请至少选择一项原因'],
  RATING_INVITE_INVALID: ['not_found', '评价链接无效或已过期，请向窗口工作人员索取'],
  RATING_ALREADY_RATED: ['conflict', '该事项已评价，不能重复评价'],
  RATING_MATTER_NOT_COMPLETED: ['not_found', '未找到该受理编号的已办结事项'],
  RATING_DAYS_INVALID: ['bad_request', '整改期限须为 1–60 个工作日'],
  RATING_RECTIFICATION_NOT_FOUND: ['not_found', '未找到该整改任务'],
  RATING_NOT_HANDLER: ['forbidden', '只有该事项的经办人可以办理整改与申诉'],
} as const satisfies Record<string, readonly [ErrorKind, string]>;

export type RatingErrorCode = keyof typeof MESSAGES;

export function ratingError(code: RatingErrorCode, message?: string, details?: unknown): AppError {
  const [kind, text] = MESSAGES[code];
  return new AppError(kind, code, message ?? text, details);
}
