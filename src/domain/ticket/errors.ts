// The ticket module's refusals: one union, each with the message a clerk reads.
import { AppError, type ErrorKind } from '../shared/errors.ts';

const MESSAGES = {
  TICKET_NOT_FOUND: ['not_found', '未找到该工单'],
  TICKET_NUMBER_TAKEN: ['conflict', '该平台工单编号已登记'],
  TICKET_RECEIVED_FUTURE: ['bad_request', '受理日期不能晚于今天'],
  TICKET_POST_REQUIRED: ['bad_request', '派单须选择承办岗位'],
  TICKET_RETURN_LATE: ['conflict', '退单须在派单后 2 个工作日内提出'],
  TICKET_EXTENSION_LATE: ['conflict', '延期须在办理时限届满前申请'],
  TICKET_EXTENSION_DAYS: ['bad_request', '请填写延期的工作日数（1–15）'],
  TICKET_SATISFACTION_REQUIRED: ['bad_request', '请选择回访时群众的满意程度'],
  TICKET_REOPEN_NOT_UNSATISFIED: ['conflict', '只有回访不满意的工单才能重办'],
  TICKET_EVALUATE_UNSATISFIED: ['conflict', '回访不满意的工单应重办或说明原因后评价'],
  TICKET_NOT_OVERDUE: ['conflict', '工单尚未超期，无需督办'],
  TICKET_LIMIT_INVALID: ['bad_request', '时限须为 1–60 个工作日'],
  TICKET_IMPORT_INVALID: ['bad_request', '导入文件有误'],
} as const satisfies Record<string, readonly [ErrorKind, string]>;

export type TicketErrorCode = keyof typeof MESSAGES;

export function ticketError(code: TicketErrorCode, message?: string, details?: unknown): AppError {
  const [kind, text] = MESSAGES[code];
  return new AppError(kind, code, message ?? text, details);
}
