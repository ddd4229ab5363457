// The persons behind a dashboard figure: a figure that counts persons opens this drawer, which lists
// them from the same definition the count was made with (GET /api/dashboard/persons), so the list's
// length is the figure.
import { Button, Drawer, Table, Tag, Typography } from 'antd';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { Link } from 'react-router';
import { type Figure, FIGURE_NAMES } from '../../../../src/domain/dashboard/special-groups.ts';
import type { FigurePerson } from '../../../../src/modules/dashboard/contract.ts';
import type { Page } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { count } from './figures.tsx';

export interface DrillTarget {
  figure: Figure;
  year: number | null;
  code?: string;
  townshipCode?: string;
  /** what the drawer's title names: the group or township */
  label: string;
}

const DrillContext = createContext<(t: DrillTarget) => void>(() => {});

/** Holds the drawer; figures inside call `useDrill()` to open it. */
export function DrillProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<DrillTarget | null>(null);
  return (
    <DrillContext.Provider value={setTarget}>
      {children}
      <Drawer
        open={target !== null}
        onClose={() => setTarget(null)}
        size={860}
        destroyOnHidden
        title={target ? `${target.label} · ${FIGURE_NAMES[target.figure]}` : ''}
      >
        {target && <PersonsList target={target} />}
      </Drawer>
    </DrillContext.Provider>
  );
}

export const useDrill = () => useContext(DrillContext);

/** A figure as a link that opens its persons. */
export function DrillFigure({ value, target }: { value: number; target: DrillTarget }) {
  const open = useDrill();
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto', fontVariantNumeric: 'tabular-nums' }}
      aria-label={`${target.label}${FIGURE_NAMES[target.figure]} ${value} 人，查看名单`}
      onClick={() => open(target)}
    >
      {count(value)}
    </Button>
  );
}

function PersonsList({ target }: { target: DrillTarget }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useApi<Page<FigurePerson> & { year: number }>('/api/dashboard/persons', {
    figure: target.figure,
    year: target.year,
    code: target.code,
    townshipCode: target.townshipCode,
    ...paging,
  });
  return (
    <>
      {list.data && (
        <Typography.Paragraph type="secondary">
          {list.data.year} 年度，共 {count(list.data.total)} 人
        </Typography.Paragraph>
      )}
      <Table<FigurePerson>
        data-testid="figure-persons"
        rowKey="psnNo"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (n: string, p) => <Link to={`/persons/${p.psnNo}`}>{n}</Link>,
          },
          { title: '人员编号', dataIndex: 'psnNo' },
          { title: '身份证号码', dataIndex: 'certno' },
          { title: '所属村（社区）', key: 'place', render: (_, p) => `${p.townshipName} ${p.villageName}` },
          {
            title: '本年度参保',
            key: 'insured',
            render: (_, p) =>
              !p.insured ? (
                <Tag color="red">未参保</Tag>
              ) : p.subsidised ? (
                <Tag color="green">资助参保</Tag>
              ) : (
                <Tag>已参保（未资助）</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
