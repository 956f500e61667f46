import { Alert, Button } from 'antd';

/** What a page shows when its data could not be loaded. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="load-failed">
      <Alert
        type="error"
        showIcon
        title="加载失败"
        description={message}
        action={
          onRetry ? (
            <Button size="small" onClick={onRetry}>
              重试
            </Button>
          ) : undefined
        }
      />
    </div>
  );
}
