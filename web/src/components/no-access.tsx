// The one "no access" page: a menu path the role may not open, and an API refusal (403) inside a page.
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function NoAccess({ reason }: { reason?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={reason || '当前角色无权使用此页面；如需使用，请联系管理员分配权限'}
      extra={<Button onClick={() => navigate('/')}>返回首页</Button>}
    />
  );
}
