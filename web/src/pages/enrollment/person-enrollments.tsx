// The found person: who they are, their enrollments, and the entry, correction and stop forms.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { LoadError, Loaded } from '../../components/page-state.tsx';
import type { Page } from '../../lib/api.ts';
import { parsePaging } from '../../lib/paging.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import type { IdentityType } from '../persons/types.ts';
import { toQuery } from '../../lib/list-query.ts';
import { useDrawer } from '../../lib/use-drawer.ts';
import { EnrollmentFormDrawer } from './enrollment-form-drawer.tsx';
import { type EnrollmentRow, newEnrollmentBlocked } from './enrollment-form.ts';
import { EnrollmentTable } from './enrollment-table.tsx';
import { type IdentitySpell, PersonCard, type PersonSummary } from './person-card.tsx';
import { StopEnrollmentModal } from './stop-enrollment-modal.tsx';

interface PersonFile {
  person: PersonSummary;
  identities: IdentitySpell[];
}

export function PersonEnrollments({ psnNo }: { psnNo: string }) {
  const staff = useStaff();
  const canWrite = staff.permissions.includes('registry.enrollment.edit');
  const [params, setParams] = useSearchParams();
  const paging = parsePaging(params);
  const file = useApi<PersonFile>(`/api/registry/persons/${psnNo}`);
  const list = useApi<Page<EnrollmentRow>>('/api/registry/enrollments', { psnNo, ...paging });
  const types = useApi<{ items: IdentityType[] }>('/api/registry/identity-types');
  const identityNames = useMemo(
    () => Object.fromEntries((types.data?.items ?? []).map((t) => [t.code, t.name])),
    [types.data],
  );
  const editor = useDrawer<EnrollmentRow | 'new'>();
  const stopper = useDrawer<EnrollmentRow>();

  const setPage = (page: number, pageSize: number) =>
    setParams(toQuery({ psnNo, page: pageSize === paging.pageSize ? page : 1, pageSize }));

  return (
    <Loaded loading={file.loading} error={file.error} data={file.data} reload={file.reload}>
      {(f) => (
        <>
          <Card title="参保人" size="small" style={{ marginBottom: 16 }}>
            <PersonCard person={f.person} identities={f.identities} />
          </Card>
          <Card
            title="参保记录"
            size="small"
            extra={
              canWrite && (
                <NewEnrollmentButton
                  blocked={newEnrollmentBlocked(f.person)}
                  onClick={() => editor.show('new')}
                />
              )
            }
          >
            {list.error ? (
              <LoadError error={list.error} onRetry={list.reload} />
            ) : (
              <EnrollmentTable
                data={list.data}
                loading={list.loading}
                identityNames={identityNames}
                canWrite={canWrite}
                onPage={setPage}
                onCorrect={editor.show}
                onStop={stopper.show}
              />
            )}
          </Card>
          <EnrollmentFormDrawer
            open={editor.open}
            formKey={editor.seq}
            psnNo={psnNo}
            personName={f.person.name}
            editing={editor.value === 'new' ? null : editor.value}
            existing={list.data?.items ?? []}
            identityTypes={types.data?.items ?? []}
            heldIdentities={f.identities}
            onClose={editor.hide}
            onSaved={() => {
              editor.hide();
              list.reload();
            }}
          />
          <StopEnrollmentModal
            open={stopper.open}
            formKey={stopper.seq}
            enrollment={stopper.value}
            onClose={stopper.hide}
            onStopped={() => {
              stopper.hide();
              list.reload();
            }}
          />
        </>
      )}
    </Loaded>
  );
}

/** 新增参保登记, or the button disabled with the reason beside it (read out with the button). */
function NewEnrollmentButton({ blocked, onClick }: { blocked: string | null; onClick: () => void }) {
  if (!blocked) {
    return (
      <Button type="primary" icon={<PlusOutlined />} onClick={onClick}>
        新增参保登记
      </Button>
    );
  }
  return (
    <Space>
      <Typography.Text type="secondary" id="new-enrollment-blocked">
        {blocked}
      </Typography.Text>
      <Tooltip title={blocked}>
        <Button type="primary" icon={<PlusOutlined />} disabled aria-describedby="new-enrollment-blocked">
          新增参保登记
        </Button>
      </Tooltip>
    </Space>
  );
}
