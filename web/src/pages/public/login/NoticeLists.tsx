import type { NoticeCategory } from '../../../../../common/schemas/notices';
import { usePublicNotices } from '../../../api/notices';
import { NoticeItems } from '../../../components/notices/NoticeItems';

const sections: { category: NoticeCategory; title: string }[] = [
  { category: 'policy', title: '政策' },
  { category: 'notice', title: '通知' },
  { category: 'manual', title: '手册' },
];

/** 政策 / 通知 / 手册 (seed 004): the published notices; a title downloads its file. */
export function NoticeLists() {
  const { data } = usePublicNotices(5);
  const items = data?.items ?? [];
  return (
    <aside className="login-notices" aria-label="政策、通知与手册">
      {sections.map(({ category, title }) => (
        <section key={category} className="login-notice-section" aria-labelledby={`login-notices-${category}`}>
          <h2 id={`login-notices-${category}`} className="login-notice-heading">
            {title}
          </h2>
          <NoticeItems items={items.filter((n) => n.category === category)} empty={data ? '暂无' : '加载中…'} />
        </section>
      ))}
    </aside>
  );
}
