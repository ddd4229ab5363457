// 审计日志 (稽核 and admin): search the trail by person, user, action and China day, a page at a
// time; 校验审计链 asks the server to check the hash chains and shows the first break of each.
import { Button, Card, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEntryView, ChainReport } from '../../../../src/modules/audit/contract.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import { ApiError, api, type Page } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useUrlState } from '../../lib/use-url-state.ts';
import { actionLabel, auditApiQuery, auditSearchToParams, parseAuditSearch } from './audit-query.ts';
import { AuditSearchForm } from './audit-search-form.tsx';
import { ChainResult } from './chain-result.tsx';

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

const columns: TableColumnsType<AuditEntryView> = [
  { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
  { title: '操作人', dataIndex: 'actorName', width: 120 },
  {
    title: '操作',
    dataIndex: 'action',
    width: 180,
    render: (a: string) => (
      <span>
        {a === 'access.denied' ? <Tag color="red">{actionLabel(a)}</Tag> : actionLabel(a)}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {a}
        </Typography.Text>
      </span>
    ),
  },
  {
    title: '对象',
    dataIndex: 'entityId',
    width: 200,
    render: (id: string | null, r) => `${r.entity}${id ? ` ${id}` : ''}`,
  },
  {
    title: '变更前 → 变更后',
    dataIndex: 'after',
    ellipsis: { showTitle: true },
    render: (_: unknown, r) => [json(r.before), json(r.after)].filter(Boolean).join(' → '),
  },
  { title: '链 / 序号', dataIndex: 'seq', width: 90, render: (seq: number, r) => `${r.stream} / ${seq}` },
];

export default function AuditPage() {
  const { value: search, set: setSearch, reset } = useUrlState(parseAuditSearch, auditSearchToParams);
  const list = useApi<Page<AuditEntryView>>('/api/audit/entries', auditApiQuery(search));
  const [report, setReport] = useState<ChainReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);

  const verify = async () => {
    setChecking(true);
    setCheckError(null);
    try {
      setReport(
        await api.get<ChainReport>('/api/audit/verify', {
          from: search.from || undefined,
          to: search.to || undefined,
        }),
      );
    } catch (e) {
      setReport(null);
      setCheckError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setChecking(false);
    }
  };

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          审计日志
        </Typography.Title>
        <Button onClick={verify} loading={checking} data-testid="verify-chain">
          校验审计链
        </Button>
      </Space>
      <ChainResult report={report} error={checkError} />
      <Card size="small">
        <AuditSearchForm
          value={search}
          onSearch={(v) => setSearch({ ...v, page: 1, pageSize: search.pageSize })}
          onReset={reset}
        />
      </Card>
      <Card size="small" data-testid="audit-table">
        <PagedTable<AuditEntryView>
          rowKey="id"
          size="small"
          columns={columns}
          list={list}
          paging={search}
          onPage={(p) => setSearch({ ...search, ...p })}
          unit="条"
          locale={{ emptyText: '没有符合条件的审计记录' }}
          scroll={{ x: 1100 }}
        />
      </Card>
    </Space>
  );
}
