import { noticeCategoryLabels, noticeStatusLabels, type NoticeCategory, type NoticeStatus } from '../../../../../common/schemas/notices';
import { FilterForm } from '../../../components/list/FilterForm';
import { selectField, textField } from '../../../components/list/filterFields';
import { searchValues } from '../../../components/list/searchValues';

export interface NoticeFilters {
  title?: string;
  category?: NoticeCategory;
  status?: NoticeStatus;
}

/** 标题, 类别, 状态; 查询 / 重置. */
export function NoticeFilterForm({ onSearch }: { onSearch: (filters: NoticeFilters) => void }) {
  return (
    <FilterForm<NoticeFilters>
      name="noticeFilters"
      labelWidth={48}
      onSearch={(values) => onSearch(searchValues<NoticeFilters>(values))}
      fields={[textField('title', '标题', '请输入标题', 100), selectField('category', '类别', noticeCategoryLabels), selectField('status', '状态', noticeStatusLabels)]}
    />
  );
}
