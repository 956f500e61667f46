import { Button } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** A stale page after a new release fails to load its chunk; a reload fixes that. */
function isChunkLoadError(error: Error): boolean {
  return /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(error.message);
}

/**
 * Catches render errors below it and offers a way out instead of a blank page.
 * Deliberately light (no antd Result): it sits in the entry chunk that the login page loads.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('页面渲染出错', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const stale = isChunkLoadError(error);
    return (
      <div className="error-page" role="alert">
        <div className="error-page-icon" aria-hidden>
          !
        </div>
        <h2 className="error-page-title">{stale ? '系统已更新' : '页面出错了'}</h2>
        <p className="error-page-text">
          {stale ? '请刷新页面以加载最新版本。' : '请刷新页面重试；如果问题持续出现，请联系系统管理员。'}
        </p>
        <div className="error-page-actions">
          <Button type="primary" onClick={() => window.location.reload()}>
            刷新页面
          </Button>
          <Button href="/">返回首页</Button>
        </div>
      </div>
    );
  }
}
