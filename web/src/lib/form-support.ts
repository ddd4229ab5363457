// Glue between the pure form checks (validate*(values) → {field: message}) and antd's Form: one
// rule per field that runs the same check the submit runs, server errors placed on fields, and
// date pickers that keep YYYY-MM-DD strings in the form (not dayjs objects).
import type { FormInstance, FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

export function ruleFrom<V>(validate: (v: V) => Partial<Record<string, string>>, field: string): FormRule {
  return (form) => ({
    validator: async () => {
      const msg = validate(form.getFieldsValue(true) as V)[field];
      if (msg) throw new Error(msg);
    },
  });
}

/** Put messages beside their fields and bring the first into view. */
export function showFieldErrors(form: FormInstance, fields: Record<string, string>): void {
  const entries = Object.entries(fields);
  if (entries.length === 0) return;
  form.setFields(entries.map(([name, message]) => ({ name, errors: [message] })));
  form.scrollToField(entries[0][0], { block: 'center' });
}

/** Form.Item props for a DatePicker whose form value is 'YYYY-MM-DD' or ''. */
export const dateField = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : ''),
};
