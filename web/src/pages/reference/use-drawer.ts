// A drawer's open flag and the thing it shows, kept apart so the content stays in place while the
// drawer animates closed (instead of flashing empty or switching title).
import { useCallback, useState } from 'react';

// `seq` counts the openings: a form keyed by it starts afresh each time.
export function useDrawer<T>() {
  const [state, setState] = useState<{ open: boolean; value: T | null; seq: number }>({
    open: false,
    value: null,
    seq: 0,
  });
  const show = useCallback((value: T) => setState((s) => ({ open: true, value, seq: s.seq + 1 })), []);
  const hide = useCallback(() => setState((s) => ({ ...s, open: false })), []);
  return { ...state, show, hide };
}
