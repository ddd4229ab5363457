// The filter bar of a list page: the keyword box (applied on Enter or 查询, kept in step with the
// URL) and labelled selects (each label tied to its select for keyboard and screen readers).
import { Button, Form, Input, Select } from 'antd';
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

/** A select of the filter bar: empty means 全部 (clearing it drops the filter). */
export function FilterSelect<V extends string | number>(props: {
  id: string;
  label: string;
  width: number;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: { value: V; label: string }[];
}) {
  return (
    <span>
      <label htmlFor={props.id} style={{ marginRight: 8 }}>
        {props.label}
      </label>
      <Select<V>
        id={props.id}
        style={{ width: props.width }}
        allowClear
        placeholder="全部"
        value={props.value}
        onChange={props.onChange}
        options={props.options}
      />
    </span>
  );
}
