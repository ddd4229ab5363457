// The submit of an add/edit form: `saving` while the request runs (for the button), the API's
// errors put beside their fields, and what belongs to no field kept for the alert above the form.
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from './api.ts';
import type { ErrorLike, MappedErrors } from './field-errors.ts';
import { showFieldErrors } from './form-support.ts';

export function useFormSubmit(form: FormInstance, placeErrors: (err: ErrorLike) => MappedErrors) {
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (send: () => Promise<void>) => {
    setSaving(true);
    setFormError(null);
    try {
      await send();
    } catch (e) {
      const mapped = placeErrors(e instanceof ApiError ? e : { code: 'UNKNOWN', message: String(e) });
      showFieldErrors(form, mapped.fields);
      setFormError(mapped.form);
    } finally {
      setSaving(false);
    }
  };
  return { formError, saving, submit };
}
