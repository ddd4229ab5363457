// The matter module's refusals: one union, each with the message a clerk reads.
import { AppError, type ErrorKind } from '../shared/errors.ts';

const MESSAGES = {
  MATTER_TYPE_NOT_FOUND: ['not_found', '事项不存在或已停用'],
  MATTER_NOT_FOUND: ['not_found', '未找到该办件'],
  MATTER_RECEIPT_NOT_FOUND: ['not_found', '未找到该受理编号的办件'],
  MATTER_MATERIAL_UNKNOWN: ['bad_request', '所列材料不在该事项的材料清单中'],
  MATTER_NOT_DEFERRABLE: ['bad_request', '该材料不允许容缺办理，须当场提交'],
  MATTER_PROMISE_DUE_REQUIRED: ['bad_request', '容缺受理须填写补交材料的承诺期限'],
  MATTER_PROMISE_DUE_INVALID: ['bad_request', '承诺补交期限应晚于受理日期'],
  MATTER_MATERIALS_MISSING: ['conflict', '材料尚未补齐，请先补齐材料'],
  MATTER_LEVEL_NOT_ALLOWED: ['forbidden', '本级服务点不能受理或办结该事项'],
  MATTER_PROXY_NOT_ALLOWED: ['bad_request', '该事项不允许委托代办'],
  MATTER_CHANNEL_NOT_ALLOWED: ['bad_request', '该事项未开通网上办理'],
  MATTER_PAYLOAD_INVALID: ['bad_request', '办理信息不完整或格式不正确'],
  MATTER_REVIEW_REQUIRED: ['conflict', '该办件须经第二岗审核后办结'],
  MATTER_EXTENDED_ONCE: ['conflict', '办理时限只能延长一次'],
  MATTER_EXTENSION_TOO_LONG: ['bad_request', '延长后的时限超过该事项特殊情形的最长时限'],
  MATTER_EXTENSION_NOT_LIMITED: ['bad_request', '即办事项不能延期'],
  MATTER_TRANSFER_TARGET: ['bad_request', '请选择转办的工作人员（不能是本人）'],
  MATTER_ALREADY_ESCALATED: ['conflict', '该办件已督办'],
  MATTER_NOT_OVERDUE: ['conflict', '该办件未超期，无需督办'],
} as const satisfies Record<string, readonly [ErrorKind, string]>;

export type MatterErrorCode = keyof typeof MESSAGES;

export function matterError(code: MatterErrorCode, message?: string, details?: unknown): AppError {
  const [kind, text] = MESSAGES[code];
  return new AppError(kind, code, message ?? text, details);
}
