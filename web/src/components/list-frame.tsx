// The frame of a reference list (定点机构, 医保目录): the title with the admin's add button, the
// filter bar and the table, each in its place; the drawers come in as children.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export function ListFrame(props: {
  title: string;
  addLabel: string;
  /** absent for those who may not add */
  onAdd?: () => void;
  filters: ReactNode;
  table: ReactNode;
  children: ReactNode;
}) {
  return (
    <div>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {props.title}
        </Typography.Title>
        {props.onAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={props.onAdd}>
            {props.addLabel}
          </Button>
        )}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center">
          {props.filters}
        </Flex>
      </Card>
      <Card size="small">{props.table}</Card>
      {props.children}
    </div>
  );
}
