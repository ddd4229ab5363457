// How the dashboard lays out its figures: headline statistics in a row of quarters, and the bold
// total line under a table.
import { Col, Row, Statistic, Table } from 'antd';
import type { ReactNode } from 'react';

/** A head count with thousands separators, as the tables show it. */
export const count = (n: number) => n.toLocaleString('zh-CN');

export function Headline({
  figures,
  marginBottom,
}: {
  figures: [title: string, value: string | number, shown?: ReactNode][];
  marginBottom: number;
}) {
  return (
    <Row gutter={16} style={{ marginBottom }}>
      {figures.map(([title, value, shown]) => (
        <Col span={6} key={title}>
          <Statistic title={title} value={value} valueRender={shown ? () => shown : undefined} />
        </Col>
      ))}
    </Row>
  );
}

/** The label across the first `labelSpan` columns, then one right-aligned figure per column. */
export function TotalRow({
  label,
  labelSpan,
  values,
}: {
  label: ReactNode;
  labelSpan: number;
  values: ReactNode[];
}) {
  return (
    <Table.Summary.Row style={{ fontWeight: 600 }}>
      <Table.Summary.Cell index={0} colSpan={labelSpan}>
        {label}
      </Table.Summary.Cell>
      {values.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the cells are columns, fixed in place
        <Table.Summary.Cell key={i} index={labelSpan + i} align="right">
          {v}
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}
