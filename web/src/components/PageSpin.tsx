import { Spin } from 'antd';

/** The loading state of a page (or of the whole screen before we know who is logged in). */
export function PageSpin({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <div className={fullScreen ? 'page-spin page-spin-full' : 'page-spin'}>
      <Spin size="large" />
    </div>
  );
}
