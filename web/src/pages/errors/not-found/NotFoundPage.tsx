import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** 页面不存在: also what a role sees for another role's pages. */
export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle="页面不存在"
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
