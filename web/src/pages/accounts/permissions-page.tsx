// 权限管理: which role holds which permission. Each module brings its permissions with default roles;
// the admin ticks or unticks a box to grant or withdraw one (audited). The menu of every user follows.
import { Alert, Card, Checkbox, Table, Tag } from 'antd';
import { useState } from 'react';
import { LoadError, Loading } from '../../components/page-state.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';

interface Matrix {
  roles: { code: string; name: string }[];
  permissions: { code: string; name: string; module: string; defaultRoles: string[]; roles: string[] }[];
}

export default function PermissionsPage() {
  const loaded = useApi<Matrix>('/api/accounts/permissions');
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const m = matrix ?? loaded.data;
  if (!m) return <Loading />;
  const toggle = async (role: string, permission: string, granted: boolean) => {
    setError(null);
    try {
      setMatrix(await api.put<Matrix>(`/api/accounts/permissions/${role}/${permission}`, { granted }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card title="权限管理">
      <p>勾选表示该角色拥有此权限；与模块默认不同的设置以橙色标出。修改即时生效，并记入审计日志。</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table
        data-testid="permission-matrix"
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={m.permissions}
        columns={[
          { title: '模块', dataIndex: 'module', width: 100, render: (v: string) => <Tag>{v}</Tag> },
          { title: '权限', dataIndex: 'name' },
          ...m.roles.map((r) => ({
            title: r.name,
            key: r.code,
            align: 'center' as const,
            render: (_: unknown, p: Matrix['permissions'][number]) => {
              const has = p.roles.includes(r.code);
              const changed = has !== p.defaultRoles.includes(r.code);
              return (
                <Checkbox
                  aria-label={`${r.name}：${p.name}`}
                  checked={has}
                  style={changed ? { outline: '2px solid #fa8c16', outlineOffset: 2 } : undefined}
                  onChange={(e) => toggle(r.code, p.code, e.target.checked)}
                />
              );
            },
          })),
        ]}
      />
    </Card>
  );
}
