// The loading, error and empty states every page shows the same way.
import { Alert, Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api.ts';
import { NoAccess } from './no-access.tsx';

export function Loading({ tip = '加载中…' }: { tip?: string }) {
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
      <Spin />
      <div style={{ marginTop: 8, color: '#888' }}>{tip}</div>
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  if (error.status === 404) return <Result status="404" title="未找到" subTitle={error.message} />;
  if (error.status === 403) return <NoAccess reason={error.message} />;
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={`${error.message}${error.code ? `（${error.code}）` : ''}`}
      action={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
    />
  );
}

/** Renders loading, error or the children once data is there (or an empty state). */
export function Loaded<T>(props: {
  loading: boolean;
  error: ApiError | null;
  data: T | null;
  reload?: () => void;
  empty?: (d: T) => boolean;
  emptyText?: string;
  children: (d: T) => ReactNode;
}) {
  if (props.error) return <LoadError error={props.error} onRetry={props.reload} />;
  if (props.loading && props.data === null) return <Loading />;
  if (props.data === null) return <Loading />;
  if (props.empty?.(props.data)) return <Empty description={props.emptyText ?? '暂无数据'} />;
  return <>{props.children(props.data)}</>;
}
