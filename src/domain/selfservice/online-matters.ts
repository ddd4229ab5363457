// Which catalogue matters an insured person may apply for on the self-service site, which fields the
// form asks for, and which materials must be photographed. Policy choices:
// - a matter is offered when the catalogue names an online channel and it is a person's matter (the
//   unit ones — 单位参保登记, 缴费基数申报 — are the employer's, and registering a new person needs
//   the counter's check of the birth certificate: CB003 stays at the counter);
// - the identity document is satisfied by the login itself (ID number + name + a code sent to the
//   phone on file), and materials partner data can replace are not asked for; every other material
//   needs a photo;
// - a registration change online changes the phone only: a name change needs the document checked
//   at the counter, and a move needs the village chosen by a clerk.
import type { HandlerCode, Material, MatterType } from '../matter/catalogue.ts';

const UNIT_MATTER = /^(单位|参保单位)/;
const COUNTER_ONLY_HANDLERS: readonly HandlerCode[] = [
  'person.register',
  'enrollment.correct',
  'enrollment.stop',
];

export function offeredOnline(t: Pick<MatterType, 'name' | 'onlineChannel' | 'handler'>): boolean {
  if (!t.onlineChannel) return false;
  if (UNIT_MATTER.test(t.name)) return false;
  return !(t.handler && COUNTER_ONLY_HANDLERS.includes(t.handler));
}

export interface OnlineField {
  name: string;
  label: string;
  kind: 'phone' | 'text';
  required: boolean;
}

export const NOTE_FIELD: OnlineField = { name: 'note', label: '申请说明', kind: 'text', required: false };

/** The form's fields for a matter: the handler's the person may change, else one free note. */
export function onlineFields(handler: HandlerCode | null): OnlineField[] {
  if (handler === 'person.change')
    return [{ name: 'phone', label: '新的手机号码', kind: 'phone', required: true }];
  return [NOTE_FIELD];
}

export const PHONE = /^1[3-9]\d{9}$/;

/**
 * The payload the matter gets from the form: only the offered fields, the person's own number put in
 * by the server. Returns an error message for the first wrong field, or the payload.
 */
export function onlinePayload(
  handler: HandlerCode | null,
  psnNo: string,
  form: Record<string, unknown>,
): { payload: Record<string, unknown> } | { field: string; message: string } {
  const out: Record<string, unknown> = {};
  for (const f of onlineFields(handler)) {
    const raw = form[f.name];
    const v = typeof raw === 'string' ? raw.trim() : '';
    if (!v) {
      if (f.required) return { field: f.name, message: `请填写${f.label}` };
      continue;
    }
    if (f.kind === 'phone' && !PHONE.test(v)) return { field: f.name, message: '手机号码应为 11 位数字' };
    if (v.length > 200) return { field: f.name, message: `${f.label}不能超过 200 字` };
    out[f.name] = v;
  }
  return { payload: handler === 'person.change' ? { psnNo, ...out } : out };
}

const IDENTITY_MATERIAL = /身份证件|医保电子凭证/;

/** Materials the person must photograph (the rest are satisfied by the login or partner data). */
export function photoMaterials(materials: readonly Material[]): string[] {
  return materials.filter((m) => !m.replaceable && !IDENTITY_MATERIAL.test(m.name)).map((m) => m.name);
}

/** Photos the site accepts. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** The type a photo's first bytes show (the browser's declared type is not trusted), or null. */
export function photoType(bytes: Uint8Array): (typeof PHOTO_TYPES)[number] | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}
