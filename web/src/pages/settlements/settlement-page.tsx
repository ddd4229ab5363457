import { Typography } from 'antd';

// TODO(workbench): placeholder until this page is built.
export default function Page() {
  return <Typography.Title level={4}>建设中</Typography.Title>;
}
