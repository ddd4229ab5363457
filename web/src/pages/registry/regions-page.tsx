// 医保区划 (/regions): every region — the province's loaded from the reference file, any other an
// admin entered — searchable by code or name and level; the admin adds one (another province's
// pooling region) or corrects a name or parent. The form checks with the domain rule the API uses.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useState } from 'react';
import {
  checkRegion,
  REGION_LEVEL_NAMES,
  REGION_LEVELS,
  type RegionLevel,
} from '../../../../src/domain/registry/region-rules.ts';
import type { Region } from '../../../../src/modules/registry/contract.ts';
import { ApiError, api, type Page } from '../../lib/api.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/paging.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

interface RegionForm {
  admdvs: string;
  name: string;
  parent?: string | null;
}

export default function RegionsPage() {
  const staff = useStaff();
  const canEdit = staff.permissions.includes('registry.region.edit');
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<RegionLevel | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const list = useApi<Page<Region>>('/api/registry/regions', { q, level, ...paging });
  const [editing, setEditing] = useState<Region | 'new' | null>(null);

  const columns: ColumnsType<Region> = [
    { title: '区划代码', dataIndex: 'admdvs', width: 110 },
    { title: '名称', dataIndex: 'name' },
    {
      title: '级别',
      dataIndex: 'level',
      render: (l: RegionLevel | null) => (l ? REGION_LEVEL_NAMES[l] : '—'),
    },
    {
      title: '上级区划',
      key: 'parent',
      render: (_, r) => (r.parent ? `${r.parentName ?? ''}（${r.parent}）` : '—'),
    },
    { title: '定点机构数', dataIndex: 'institutions', width: 110 },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'edit',
            width: 80,
            render: (_: unknown, r: Region) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setEditing(r)}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          医保区划
        </Typography.Title>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增区划
          </Button>
        )}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center">
          <Input.Search
            id="regionSearch"
            allowClear
            placeholder="区划代码或名称，如 410105 或 金水"
            style={{ width: 280 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
          <Select
            allowClear
            placeholder="级别"
            style={{ width: 120 }}
            value={level}
            onChange={(v) => {
              setLevel(v);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={REGION_LEVELS.map((l) => ({ value: l, label: REGION_LEVEL_NAMES[l] }))}
          />
        </Flex>
      </Card>
      <Card size="small">
        {list.error ? (
          <Alert type="error" showIcon title={list.error.message} />
        ) : (
          <Table<Region>
            rowKey="admdvs"
            size="middle"
            data-testid="region-table"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            locale={{ emptyText: '没有符合条件的区划' }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: list.data?.total ?? 0,
              showTotal: (t) => `共 ${t} 个`,
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
          />
        )}
      </Card>
      {editing && (
        <RegionModal
          editing={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

function RegionModal({
  editing,
  onClose,
  onSaved,
}: {
  editing: Region | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RegionForm>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const onFinish = async (v: RegionForm) => {
    const values = {
      admdvs: (editing?.admdvs ?? v.admdvs ?? '').trim(),
      name: v.name ?? '',
      parent: v.parent?.trim() || null,
    };
    const err = checkRegion(values);
    const field = (err?.details as { field?: string } | undefined)?.field;
    if (err) {
      if (field) form.setFields([{ name: field as keyof RegionForm, errors: [err.message] }]);
      else setFormError(err.message);
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      if (editing)
        await api.put(`/api/registry/regions/${editing.admdvs}`, {
          name: values.name,
          parent: values.parent,
        });
      else await api.post('/api/registry/regions', values);
      message.success(editing ? '区划已保存' : '区划已添加');
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const f = (e.details as { field?: string } | undefined)?.field;
      if (f === 'admdvs' || f === 'name' || f === 'parent')
        form.setFields([{ name: f, errors: [e.message] }]);
      else setFormError(e.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={editing ? `编辑区划 ${editing.admdvs}` : '新增区划'}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="region"
        layout="vertical"
        initialValues={editing ? { admdvs: editing.admdvs, name: editing.name, parent: editing.parent } : {}}
        onFinish={onFinish}
      >
        <Form.Item label="区划代码" name="admdvs" required extra="6 位行政区划代码（GB/T 2260）">
          <Input disabled={editing !== null} maxLength={6} placeholder="如 320102" />
        </Form.Item>
        <Form.Item label="名称" name="name" required>
          <Input maxLength={50} placeholder="如 玄武区" />
        </Form.Item>
        <Form.Item label="上级区划代码" name="parent" extra="可空；须为同一省份已有的区划">
          <Input maxLength={6} placeholder="如 320100" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
