// A case on the workflow kernel (案件, 工单, 办件 …) as its pages show it: the dialog that asks for an
// action's fields and reason before sending it, and the history of the moves made.
import { Alert, Form, type FormInstance, Input, Modal, Timeline } from 'antd';
import { type ReactNode, useState } from 'react';
import type { CaseEvent } from '../../../src/modules/workflow/contract.ts';

/** The reason (意见 / 理由) an action asks for. */
export interface ReasonField {
  label: string;
  /** the machine's transition says a reason is required */
  required: boolean;
  message: string;
  maxLength?: number;
}

/**
 * The dialog of one action: its own fields (children) and then its reason, or the reason first; the
 * server's refusal shown on top when the page keeps it here.
 */
export function ActionModal(props: {
  open: boolean;
  title: string;
  form: FormInstance;
  /** OK pressed: validate and send (or submit the form, with onFinish); OK stays loading until it settles */
  onOk: () => void | Promise<void>;
  onCancel: () => void;
  onFinish?: (values: Record<string, unknown>) => void;
  reason: ReasonField;
  reasonFirst?: boolean;
  error?: string | null;
  busy?: boolean;
  /** false: the form stays mounted while closed (the page resets it) */
  destroyOnHidden?: boolean;
  children?: ReactNode;
}) {
  const r = props.reason;
  // one action at a time: a second press while the first is being sent does nothing
  const [sending, setSending] = useState(false);
  const ok = async () => {
    if (sending) return;
    setSending(true);
    try {
      await props.onOk();
    } catch (e) {
      // a field the form refused is shown at the field
      if (!(e && typeof e === 'object' && 'errorFields' in e)) throw e;
    } finally {
      setSending(false);
    }
  };
  const reason = (
    <Form.Item
      name="reason"
      label={r.label}
      rules={r.required ? [{ required: true, message: r.message }] : []}
    >
      <Input.TextArea rows={3} maxLength={r.maxLength} />
    </Form.Item>
  );
  return (
    <Modal
      title={props.title}
      open={props.open}
      onOk={ok}
      onCancel={props.onCancel}
      okText="确定"
      cancelText="取消"
      confirmLoading={props.busy || sending}
      destroyOnHidden={props.destroyOnHidden ?? true}
    >
      {props.error && <Alert type="error" message={props.error} style={{ marginBottom: 12 }} />}
      <Form form={props.form} layout="vertical" onFinish={props.onFinish}>
        {props.reasonFirst && reason}
        {props.children}
        {!props.reasonFirst && reason}
      </Form>
    </Modal>
  );
}

/** An instant as the bureau reads it (China time), or — when there is none. */
export const chinaTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—';

/**
 * 办理记录: each move with its time, action, the states it went between (not for the opening action)
 * and its reason.
 */
export function CaseHistory<S extends string, A extends string>(props: {
  history: readonly Pick<CaseEvent<S, A>, 'action' | 'from' | 'to' | 'at' | 'reason'>[];
  actionLabels: Partial<Record<string, string>>;
  stateNames: Record<S, string>;
  opening: A;
}) {
  return (
    <Timeline
      items={props.history.map((e) => ({
        children: (
          <span>
            {chinaTime(e.at)} · {props.actionLabels[e.action] ?? e.action}
            {e.action === props.opening ? '' : `（${props.stateNames[e.from]} → ${props.stateNames[e.to]}）`}
            {e.reason ? `：${e.reason}` : ''}
          </span>
        ),
      }))}
    />
  );
}
