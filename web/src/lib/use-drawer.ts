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

/**
 * A list's two drawers, a row's detail and the add/edit form, as props for each. 编辑 in the detail
 * opens the form; a save closes it, shows the saved row in the detail if that was open, and
 * reloads the list.
 */
export function useListDrawers<T>(reload: () => void) {
  const detail = useDrawer<T>();
  const editor = useDrawer<T | 'new'>();
  return {
    showDetail: detail.show,
    add: () => editor.show('new'),
    detailProps: { open: detail.open, item: detail.value, onEdit: editor.show, onClose: detail.hide },
    formProps: {
      open: editor.open,
      formKey: editor.seq,
      editing: editor.value === 'new' ? null : editor.value,
      onClose: editor.hide,
      onSaved: (item: T) => {
        editor.hide();
        if (detail.open) detail.show(item);
        reload();
      },
    },
  };
}
