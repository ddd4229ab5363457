// The data the rules read, as the auditors keep it: the 知识库 (knowledge points per template, imported
// as a workbook of one sheet per template by an admin) and 进销存 (each institution's monthly stock of
// an item, imported as a workbook by an auditor). An import is all or nothing: a bad row refuses the
// file with its sheet and row.
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { KNOWLEDGE_TEMPLATES } from '../../../../src/domain/supervision/knowledge.ts';
import { STOCK_HEADERS } from '../../../../src/domain/supervision/stock.ts';
import type { KnowledgeRow, StockRow } from '../../../../src/modules/supervision/contract.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import { ApiError, api, type Page, withQuery } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { DEFAULT_PAGE_SIZE, type Paging } from '../../lib/paging.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

type Message = { ok: boolean; text: string } | null;

async function send<T>(path: string, file: File, done: (r: T) => string, set: (m: Message) => void) {
  const form = new FormData();
  form.append('file', file);
  try {
    set({ ok: true, text: done(await api.upload<T>(path, form)) });
  } catch (e) {
    set({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
  }
  return false;
}

export function Knowledge() {
  const admin = useStaff().permissions.includes('supervision.rules');
  const [template, setTemplate] = useState<string | undefined>();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const list = useApi<Page<KnowledgeRow>>('/api/supervision/knowledge', { template, ...paging });
  const [message, setMessage] = useState<Message>(null);
  const [ending, setEnding] = useState<KnowledgeRow | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {ending && (
        <EndKnowledge
          point={ending}
          onClose={() => setEnding(null)}
          onDone={(text) => {
            setEnding(null);
            setMessage({ ok: true, text });
            list.reload();
          }}
        />
      )}
      <Space wrap>
        <Select
          allowClear
          placeholder="模板"
          style={{ width: 160 }}
          value={template}
          onChange={(v) => {
            setTemplate(v);
            setPaging({ ...paging, page: 1 });
          }}
          options={Object.entries(KNOWLEDGE_TEMPLATES).map(([value, t]) => ({ value, label: t.sheet }))}
        />
        {admin && (
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(f) =>
              send<{ rows: number }>(
                '/api/supervision/knowledge/import',
                f,
                (r) => {
                  list.reload();
                  return `已导入 ${r.rows} 个知识点`;
                },
                setMessage,
              )
            }
          >
            <Button type="primary">导入知识库 xlsx</Button>
          </Upload>
        )}
      </Space>
      <p>
        每个模板一个工作表（
        {Object.values(KNOWLEDGE_TEMPLATES)
          .map((t) => t.sheet)
          .join('、')}
        ），第 1 行为表头：项目编码、值、批次、生效日期、失效日期。
      </p>
      {message && <Alert type={message.ok ? 'success' : 'error'} message={message.text} showIcon />}
      <PagedTable<KnowledgeRow>
        data-testid="supervision-knowledge"
        rowKey={(r) => `${r.template}|${r.itemCode}|${r.validFrom}|${r.batch}`}
        size="small"
        list={list}
        paging={paging}
        onPage={setPaging}
        unit="个知识点"
        columns={[
          { title: '模板', render: (_, r) => KNOWLEDGE_TEMPLATES[r.template]?.sheet ?? r.template },
          { title: '项目编码', dataIndex: 'itemCode' },
          { title: '值', render: (_, r) => Object.values(r.value).flat().join('、') },
          { title: '批次', dataIndex: 'batch' },
          { title: '生效日期', dataIndex: 'validFrom' },
          { title: '失效日期', render: (_, r) => r.validTo ?? '—' },
          ...(admin
            ? [
                {
                  title: '',
                  render: (_: unknown, r: KnowledgeRow) =>
                    r.validTo === null && (
                      <Button type="link" onClick={() => setEnding(r)}>
                        停用
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

export function Stock() {
  const scan = useStaff().permissions.includes('supervision.scan');
  const [institution, setInstitution] = useState('');
  const [month, setMonth] = useState('');
  const [batch, setBatch] = useState('');
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const filter = {
    institution: institution.trim() || undefined,
    month: /^\d{4}-\d{2}$/.test(month) ? month : undefined,
  };
  const list = useApi<Page<StockRow>>('/api/supervision/stock', { ...filter, ...paging });
  const [message, setMessage] = useState<Message>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input
          placeholder="定点机构编码"
          value={institution}
          onChange={(e) => setInstitution(e.target.value)}
        />
        <Input placeholder="月份 yyyy-MM" value={month} onChange={(e) => setMonth(e.target.value)} />
        <Button href={withQuery('/api/supervision/stock.xlsx', filter)}>导出 xlsx</Button>
        {scan && (
          <>
            <Input
              placeholder="批次，如 2026年3月药店进销存"
              style={{ width: 240 }}
              value={batch}
              onChange={(e) => setBatch(e.target.value)}
            />
            <Upload
              accept=".xlsx"
              showUploadList={false}
              disabled={!batch.trim()}
              beforeUpload={(f) =>
                send<{ rows: number; created: number; replaced: number }>(
                  withQuery('/api/supervision/stock/import', { batch: batch.trim() }),
                  f,
                  (r) => {
                    list.reload();
                    return `已导入 ${r.rows} 行（新增 ${r.created}，更正 ${r.replaced}）`;
                  },
                  setMessage,
                )
              }
            >
              <Button type="primary" disabled={!batch.trim()}>
                导入进销存 xlsx
              </Button>
            </Upload>
          </>
        )}
      </Space>
      <p>
        第 1 行为表头：{STOCK_HEADERS.join('、')}
        。同一机构、项目和月份再次导入即为更正，原数据留存备查。事后筛查的“进销存不符”规则比较当月医保结算数量与期初库存
        + 购进数量 − 期末库存。
      </p>
      {message && <Alert type={message.ok ? 'success' : 'error'} message={message.text} showIcon />}
      <PagedTable<StockRow>
        data-testid="supervision-stock"
        rowKey={(r) => `${r.fixmedinsCode}|${r.itemCode}|${r.month}`}
        size="small"
        list={list}
        paging={paging}
        onPage={setPaging}
        unit="行"
        columns={[
          { title: '月份', dataIndex: 'month' },
          { title: '定点机构', render: (_, r) => r.institutionName ?? r.fixmedinsCode },
          { title: '项目编码', dataIndex: 'itemCode' },
          { title: '期初库存', dataIndex: 'opening' },
          { title: '购进数量', dataIndex: 'purchased' },
          { title: '期末库存', dataIndex: 'closing' },
          { title: '可售数量', render: (_, r) => +(r.opening + r.purchased - r.closing).toFixed(4) },
          { title: '批次', dataIndex: 'batch' },
          { title: '导入', render: (_, r) => `${r.importedBy} ${formatDateTime(r.importedAt)}` },
        ]}
      />
    </Space>
  );
}

/** 停用 a knowledge point from a day, with the reason (kept in the audit trail). */
function EndKnowledge(p: { point: KnowledgeRow; onClose: () => void; onDone: (text: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { validTo: Dayjs; reason: string }) => {
    setError(null);
    try {
      await api.post(`/api/supervision/knowledge/${p.point.id}/end`, {
        validTo: v.validTo.format('YYYY-MM-DD'),
        reason: v.reason,
      });
      p.onDone(`知识点 ${p.point.itemCode} 自 ${v.validTo.format('YYYY-MM-DD')} 后停用`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Modal open title={`停用知识点 ${p.point.itemCode}`} onCancel={p.onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" onFinish={submit}>
        <Form.Item name="validTo" label="最后有效日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="reason"
          label="停用原因"
          rules={[{ required: true, min: 2, message: '请填写停用原因' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit">
          停用
        </Button>
      </Form>
    </Modal>
  );
}
