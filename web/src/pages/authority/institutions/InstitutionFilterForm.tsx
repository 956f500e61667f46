import { institutionLevelLabels, institutionTypeLabels } from '../../../../../common/enums';
import { accountStatusLabels, type InstitutionFilters } from '../../../../../common/schemas/institution';
import { FilterForm } from '../../../components/list/FilterForm';
import { selectField, textField } from '../../../components/list/filterFields';
import { searchValues } from '../../../components/list/searchValues';
import { RegionTreeSelect } from '../../../components/region/RegionTreeSelect';

const yesNoLabels = { yes: '是', no: '否' };

interface Props {
  /** The actor's region: the 区划 tree starts there. */
  rootCode: string;
  onSearch: (filters: InstitutionFilters) => void;
}

/** 机构账号 filters: 区划, 名称, 机构类型, 机构级别, 考核机构身份, 是否已指定考核机构, 账号状态; 查询 / 重置. */
export function InstitutionFilterForm({ rootCode, onSearch }: Props) {
  return (
    <FilterForm<InstitutionFilters>
      name="institutionFilter"
      labelWidth={140}
      onSearch={(values) => onSearch(searchValues<InstitutionFilters>(values))}
      fields={[
        { name: 'regionCode', label: '区划', input: <RegionTreeSelect rootCode={rootCode} placeholder="全部" /> },
        textField('name', '名称', '机构名称', 128),
        selectField('type', '机构类型', institutionTypeLabels),
        selectField('level', '机构级别', institutionLevelLabels),
        selectField('isAssessor', '考核机构身份', yesNoLabels),
        selectField('hasAssessor', '是否已指定考核机构', yesNoLabels),
        selectField('accountStatus', '账号状态', accountStatusLabels),
      ]}
    />
  );
}
