// The self-service site's refusals: one union, each with the message the insured person sees. A wrong
// ID number, a wrong name, a person without a phone on file and an unknown person all get the one
// IDENTITY_FAILED, so the login cannot be used to find out who is registered.
import { AppError, type ErrorKind } from '../shared/errors.ts';

const MESSAGES = {
  SELFSERVICE_IDENTITY_FAILED: [
    'unauthorized',
    '身份信息核验未通过，请核对身份证号和姓名；如预留手机号已变更，请到经办窗口办理',
  ],
  SELFSERVICE_CODE_INVALID: ['unauthorized', '验证码错误或已失效，请重新获取'],
  SELFSERVICE_RATE_LIMITED: ['too_many', '操作过于频繁，请稍后再试'],
  SELFSERVICE_SMS_UNCONFIGURED: ['unavailable', '短信通道未配置，暂时无法发送验证码，请到经办窗口办理'],
  SELFSERVICE_NOT_LOGGED_IN: ['unauthorized', '请先登录'],
  SELFSERVICE_MATTER_NOT_FOUND: ['not_found', '未找到该办件'],
  SELFSERVICE_MATTER_NOT_ONLINE: ['bad_request', '该事项不能在网上办理，请到经办窗口申请'],
  SELFSERVICE_MATERIALS_MISSING: ['bad_request', '请上传所需材料的照片'],
  SELFSERVICE_UPLOAD_TYPE: ['bad_request', '只能上传 JPG 或 PNG 格式的照片'],
  SELFSERVICE_UPLOAD_TOO_LARGE: ['too_large', '照片不能超过 5 MB'],
  SELFSERVICE_UPLOAD_NOT_FOUND: ['not_found', '未找到该照片，请重新上传'],
  SELFSERVICE_NOT_COMPLETED: ['conflict', '办件尚未办结，办结后才能评价'],
} as const satisfies Record<string, readonly [ErrorKind, string]>;

export type SelfserviceErrorCode = keyof typeof MESSAGES;

export function selfserviceError(code: SelfserviceErrorCode, message?: string, details?: unknown): AppError {
  const [kind, text] = MESSAGES[code];
  return new AppError(kind, code, message ?? text, details);
}
