// 定点机构 picker for the search form: types a name or code, asks the server (debounced), and
// keeps the label of a value that came from the URL.
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Page } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';

interface Institution {
  code: string;
  name: string;
  level: number | null;
}

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function InstitutionSelect({ id, value, onChange }: Props) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 250);
  const found = useApi<Page<Institution>>('/api/registry/institutions', { q: q || undefined, pageSize: 20 });
  const current = useApi<{ institution: Institution }>(value ? `/api/registry/institutions/${value}` : null);

  const options = useMemo(() => {
    const list = [...(found.data?.items ?? [])];
    const cur = current.data?.institution;
    if (cur && cur.code === value && !list.some((i) => i.code === cur.code)) list.unshift(cur);
    return list.map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }));
  }, [found.data, current.data, value]);

  return (
    <Select
      id={id}
      value={value || null}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      placeholder="输入机构名称或编码"
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={found.loading}
      options={options}
      notFoundContent={found.loading ? '查询中…' : '没有匹配的机构'}
      popupMatchSelectWidth={360}
    />
  );
}
