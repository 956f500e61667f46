import { App } from 'antd';
import { errorMessage } from '../api/client';
import { useInFlight } from './useInFlight';

/**
 * Runs a row action (停用, 发布, 重置密码 …) and tells the user how it went: `done` on success, the
 * server's Chinese message on failure. `after` runs only on success. Given as a function, the action is not
 * started again while it runs (a double click on 参加 sends once).
 */
export function useActionFeedback() {
  const { message } = App.useApp();
  const once = useInFlight();
  const report = (action: Promise<unknown>, done: string, after?: () => void): Promise<void> =>
    action.then(
      () => {
        void message.success(done);
        after?.();
      },
      (error: unknown) => {
        void message.error(errorMessage(error));
      },
    );
  return (action: Promise<unknown> | (() => Promise<unknown>), done: string, after?: () => void): Promise<void> =>
    typeof action === 'function' ? once(() => report(action(), done, after)) : report(action, done, after);
}
