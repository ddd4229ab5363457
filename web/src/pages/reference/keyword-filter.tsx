// The keyword box of a list page's filter bar: applied on Enter or 查询, kept in step with the URL.
import { Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';

export function KeywordFilter(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}) {
  const [q, setQ] = useState(props.value ?? '');
  useEffect(() => setQ(props.value ?? ''), [props.value]);
  return (
    <Form
      layout="inline"
      name={props.id}
      onFinish={() => props.onSearch(q.trim() || undefined)}
      style={{ display: 'inline-flex' }}
    >
      <Form.Item label={props.label} htmlFor={`${props.id}_q`}>
        <Input
          id={`${props.id}_q`}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={props.placeholder}
          allowClear
          style={{ width: 240 }}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form.Item>
    </Form>
  );
}

/** A labelled select of the filter bar (label tied to the select for keyboard and screen readers). */
export function FilterLabel({ htmlFor, children }: { htmlFor: string; children: string }) {
  return (
    <label htmlFor={htmlFor} style={{ marginRight: 8 }}>
      {children}
    </label>
  );
}
