import { Select } from 'antd';
import { paperKindLabels } from '../../../../../common/papers';
import { questionTypeLabels } from '../../../../../common/question-bank';
import { bankStatusLabels, type BankFilters } from '../../../../../common/schemas/question-bank';
import { FilterForm } from '../../../components/list/FilterForm';
import { practiceCategoryField, selectField, textField } from '../../../components/list/filterFields';
import { searchValues } from '../../../components/list/searchValues';
import { labelOptions } from '../../../lib/options';

/** 题库 filters: 试卷, 题型, 执业类别, 关键字 (题干 or 共用题干), 状态; 查询 / 重置. */
export function BankFilterForm({ onSearch }: { onSearch: (filters: BankFilters) => void }) {
  return (
    <FilterForm<BankFilters>
      name="bankFilter"
      onSearch={(values) => onSearch(searchValues<BankFilters>(values))}
      fields={[
        selectField('paper', '试卷', paperKindLabels),
        selectField('type', '题型', questionTypeLabels),
        practiceCategoryField(),
        textField('keyword', '关键字', '题干或共用题干', 100),
        // Empty means the current versions (启用 and 停用), never the 历史版本.
        { name: 'status', label: '状态', input: <Select placeholder="启用和停用" allowClear options={labelOptions(bankStatusLabels)} /> },
      ]}
    />
  );
}
