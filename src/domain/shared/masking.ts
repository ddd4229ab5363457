// Personal data masking for API responses: keep the first 4 and last 4 digits of a resident ID
// (4101**********1234) and the first 3 and last 4 of a phone number (138****5678).
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** Mask a person's name for lists seen by roles without full access: 张三丰 → 张*丰, 李四 → 李*. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/**
 * Mask every run of 9 or more digits (a resident ID, a phone number, typed right or wrong) in a
 * free text such as a cell value, keeping its first and last 4 characters.
 */
export function maskLongNumbers(text: string): string {
  return text.replace(/\d{8,}[\dXx]/g, (m) => maskIdNumber(m) ?? '');
}
