// A drawer holding an add/edit form. The form starts afresh at each opening (keyed by `formKey`,
// which counts the openings) and stays in place while the drawer animates closed.
import { Drawer } from 'antd';
import { Fragment, type ReactNode } from 'react';

/** What an add/edit form gets: the row it edits (null: a new one), and what closing and saving do. */
export interface EditFormProps<T> {
  editing: T | null;
  onClose: () => void;
  onSaved: (item: T) => void;
}

/** The drawer's own state: open or not, and how many times it has opened. */
export interface FormDrawerState {
  open: boolean;
  formKey: number;
}

/** "编辑定点机构 · 名称" for an edit, "新增定点机构" for a new one. */
export const editTitle = (noun: string, editing: { name: string } | null) =>
  editing ? `编辑${noun} · ${editing.name}` : `新增${noun}`;

export function FormDrawer(
  props: FormDrawerState & { size: number; title: string; onClose: () => void; children: ReactNode },
) {
  return (
    <Drawer open={props.open} onClose={props.onClose} size={props.size} destroyOnHidden title={props.title}>
      {props.formKey > 0 && <Fragment key={props.formKey}>{props.children}</Fragment>}
    </Drawer>
  );
}
