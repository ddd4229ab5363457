// 全户参保登记: every current member of the household with the amounts prefilled from the year's
// contribution standard and their subsidising identity; the clerk unticks whom not to enrol, changes
// an amount only with a 缴费说明, and saves the household in one step. A refused member refuses the
// household; the errors are shown on the members' rows and nothing is saved.
import { Alert, App, Button, Checkbox, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Season } from '../../../../src/modules/collection/contract.ts';
import { api, ApiError } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import {
  deviates,
  formRows,
  householdEnrollmentBody,
  type MemberFormRow,
  type PlanRow,
  rowErrors,
  serverRowErrors,
} from './household-enrollment.ts';
import type { IdentityType } from './types.ts';

interface Props {
  householdNo: string;
  /** the server's calendar year */
  year: number;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

export function HouseholdEnrollmentDrawer(props: Props) {
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      destroyOnHidden
      size={1000}
      title={`全户参保登记 · 家庭户 ${props.householdNo}`}
    >
      {props.open && <HouseholdEnrollmentForm {...props} />}
    </Drawer>
  );
}

function HouseholdEnrollmentForm({ householdNo, year: thisYear, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const season = useApi<Season>('/api/collection/season');
  const types = useApi<{ items: IdentityType[] }>('/api/registry/identity-types');
  const [year, setYear] = useState<number | null>(null);
  const chosen = year ?? (season.data ? Math.max(season.data.defaultYear, thisYear) : null);
  const plan = useApi<{ members: PlanRow[] }>(
    chosen ? `/api/registry/households/${encodeURIComponent(householdNo)}/enrollment-plan` : null,
    { year: chosen ?? undefined },
  );
  const [rows, setRows] = useState<MemberFormRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setRows(plan.data ? formRows(plan.data.members) : []);
    setErrors({});
    setFormError(null);
  }, [plan.data]);

  const edit = (psnNo: string, patch: Partial<MemberFormRow>) =>
    setRows((rs) => rs.map((r) => (r.psnNo === psnNo ? { ...r, ...patch } : r)));
  const identityName = (code: string | null) =>
    types.data?.items.find((t) => t.code === code)?.name ?? code ?? '';
  const selected = rows.filter((r) => r.selected);

  const save = async () => {
    if (!chosen) return;
    const local = rowErrors(rows);
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      await api.post(
        `/api/registry/households/${encodeURIComponent(householdNo)}/enrollments`,
        householdEnrollmentBody(chosen, rows),
      );
      message.success(`已为 ${selected.length} 名成员登记 ${chosen} 年参保`);
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(serverRowErrors(e.details));
        setFormError(
          e.code === 'HOUSEHOLD_ENROLLMENT_REFUSED'
            ? '部分成员未通过检查，全户均未登记，请按各成员的提示更正'
            : e.message,
        );
      } else throw e;
    } finally {
      setSaving(false);
    }
  };

  const amount = (key: 'personal' | 'fiscal' | 'assisted', label: string) => ({
    title: label,
    key,
    width: 110,
    render: (_: unknown, r: MemberFormRow) => (
      <Input
        aria-label={`${r.name}${label}`}
        value={r[key]}
        disabled={!r.selected}
        suffix="元"
        onChange={(e) => edit(r.psnNo, { [key]: e.target.value })}
      />
    ),
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span>参保年度</span>
        <Select
          aria-label="参保年度"
          style={{ width: 120 }}
          value={chosen ?? undefined}
          options={[thisYear + 1, thisYear].map((y) => ({ value: y, label: `${y} 年度` }))}
          onChange={setYear}
        />
        <Typography.Text type="secondary">
          金额已按该年度城乡居民医保缴费标准和成员的资助身份预填；如需改动，请填写缴费说明。
        </Typography.Text>
      </Space>
      {formError && (
        <Alert type="error" showIcon title={formError} data-testid="household-enrollment-error" />
      )}
      {plan.error && <Alert type="error" showIcon title={plan.error.message} />}
      <Table<MemberFormRow>
        data-testid="household-enrollment-table"
        rowKey="psnNo"
        size="small"
        loading={plan.loading}
        pagination={false}
        dataSource={rows}
        scroll={{ x: 940 }}
        columns={[
          {
            title: '登记',
            key: 'selected',
            width: 56,
            render: (_, r) => (
              <Checkbox
                aria-label={`登记${r.name}`}
                checked={r.selected}
                disabled={r.skip !== null}
                onChange={(e) => edit(r.psnNo, { selected: e.target.checked })}
              />
            ),
          },
          {
            title: '成员',
            key: 'name',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span>
                  {r.name} <Typography.Text type="secondary">{r.relation}</Typography.Text>
                </span>
                {r.skip && <Tag>{r.skip}</Tag>}
                {!r.skip && r.beginDate.slice(5) !== '01-01' && (
                  <Typography.Text type="secondary">自 {r.beginDate} 起</Typography.Text>
                )}
                {errors[r.psnNo] && (
                  <Typography.Text type="danger" data-testid={`member-error-${r.psnNo}`}>
                    {errors[r.psnNo]}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          amount('personal', '个人缴费'),
          amount('fiscal', '财政补助'),
          amount('assisted', '资助金额'),
          {
            title: '资助身份',
            key: 'identity',
            width: 90,
            render: (_, r) =>
              r.assistedIdentity ? <Tag color="purple">{identityName(r.assistedIdentity)}</Tag> : '—',
          },
          {
            title: '缴费说明',
            key: 'reason',
            width: 180,
            render: (_, r) => (
              <Input
                aria-label={`${r.name}缴费说明`}
                value={r.reason}
                disabled={!r.selected}
                maxLength={200}
                status={r.selected && deviates(r) && !r.reason.trim() ? 'warning' : undefined}
                placeholder={deviates(r) ? '金额与标准不符，请说明' : '与标准一致无需填写'}
                onChange={(e) => edit(r.psnNo, { reason: e.target.value })}
              />
            ),
          },
        ]}
      />
      <Space>
        <Button type="primary" loading={saving} disabled={selected.length === 0} onClick={save}>
          登记 {selected.length} 人
        </Button>
        <Button onClick={onClose}>取消</Button>
      </Space>
    </Space>
  );
}
