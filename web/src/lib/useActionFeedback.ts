import { App } from 'antd';
import { errorMessage } from '../api/client';
import { useInFlight } from './useInFlight';

/**
 * Runs a row action (停用, 发布, 重置密码 …) and tells the user how it went: `done` on success, the
 * server's Chinese message on failure. `after` runs only on success. The action is not started again while
 * it runs, so a double click on 参加 or 删除 sends once.
 */
export function useActionFeedback() {
  const { message } = App.useApp();
  const once = useInFlight();
  return (action: () => Promise<unknown>, done: string, after?: () => void): Promise<void> =>
    once(() =>
      action().then(
        () => {
          void message.success(done);
          after?.();
        },
        (error: unknown) => {
          void message.error(errorMessage(error));
        },
      ),
    );
}
