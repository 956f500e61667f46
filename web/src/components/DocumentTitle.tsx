import { useEffect, type ReactNode } from 'react';

export const SYSTEM_NAME = '医师定期考核信息登记管理系统';

/** Sets the browser tab's title while its children are shown. */
export function DocumentTitle({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} - ${SYSTEM_NAME}`;
    return () => {
      document.title = SYSTEM_NAME;
    };
  }, [title]);
  return children;
}
