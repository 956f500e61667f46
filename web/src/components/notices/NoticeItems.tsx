import { useState } from 'react';
import type { PublicNotice } from '../../../../common/schemas/notices';
import { fileUrl } from '../../api/notices';
import './notice-items.css';

const categoryNames = { policy: '政策', notice: '通知', manual: '手册' } as const;

/** One notice: the title downloads its file, or opens the list of its files when there are several. */
function NoticeItem({ notice, showCategory }: { notice: PublicNotice; showCategory: boolean }) {
  const [open, setOpen] = useState(false);
  const [only] = notice.files;
  const title =
    notice.files.length === 1 ? (
      <a className="notice-item-title" href={fileUrl(only.id)} download title={`下载：${only.name}`}>
        {notice.title}
      </a>
    ) : notice.files.length > 1 ? (
      <button type="button" className="notice-item-title notice-item-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {notice.title}
      </button>
    ) : (
      <span className="notice-item-title notice-item-plain">{notice.title}</span>
    );
  return (
    <li className="notice-item">
      <div className="notice-item-row">
        {showCategory && <span className={`notice-item-category notice-item-${notice.category}`}>{categoryNames[notice.category]}</span>}
        {title}
        <time className="notice-item-date" dateTime={notice.publishedOn}>
          {notice.publishedOn}
        </time>
      </div>
      {open && (
        <ul className="notice-item-files">
          {notice.files.map((f) => (
            <li key={f.id}>
              <a href={fileUrl(f.id)} download>
                {f.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** A plain list of published notices (login page and homes); no heavy components, so the login page stays small. */
export function NoticeItems({ items, showCategory = false, empty = '暂无' }: { items: PublicNotice[]; showCategory?: boolean; empty?: string }) {
  if (items.length === 0) return <p className="notice-items-empty">{empty}</p>;
  return (
    <ul className="notice-items">
      {items.map((n) => (
        <NoticeItem key={n.id} notice={n} showCategory={showCategory} />
      ))}
    </ul>
  );
}
