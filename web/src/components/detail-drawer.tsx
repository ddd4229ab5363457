// One row of a reference list in a drawer, as label/value lines, with 编辑 for admins.
import { Button, Descriptions, type DescriptionsProps, Drawer } from 'antd';
import type { ReactNode } from 'react';

export function DetailDrawer<T extends { name: string }>(props: {
  open: boolean;
  item: T | null;
  size: number;
  testId: string;
  canEdit: boolean;
  onEdit: (item: T) => void;
  onClose: () => void;
  lines: (item: T) => DescriptionsProps['items'];
  /** more sections below the lines (the institution's HIS credential) */
  more?: (item: T) => ReactNode;
}) {
  const i = props.item;
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={props.size}
      title={i?.name ?? ''}
      extra={
        i &&
        props.canEdit && (
          <Button type="primary" onClick={() => props.onEdit(i)}>
            编辑
          </Button>
        )
      }
    >
      {i && (
        <Descriptions column={1} bordered size="small" data-testid={props.testId} items={props.lines(i)} />
      )}
      {i && props.more?.(i)}
    </Drawer>
  );
}
