import { App } from 'antd';
import { errorMessage } from '../api/client';

/**
 * Runs a row action (停用, 发布, 重置密码 …) and tells the user how it went: `done` on success, the
 * server's Chinese message on failure. `after` runs only on success.
 */
export function useActionFeedback() {
  const { message } = App.useApp();
  return (action: Promise<unknown>, done: string, after?: () => void): Promise<void> =>
    action.then(
      () => {
        void message.success(done);
        after?.();
      },
      (error: unknown) => {
        void message.error(errorMessage(error));
      },
    );
}
