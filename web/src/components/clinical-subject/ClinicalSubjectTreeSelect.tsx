import { TreeSelect } from 'antd';
import type { ReactNode } from 'react';
import { clinicalSubjectCatalog, clinicalSubjectLabel, type ClinicalSubject } from '../../../../common/clinical-subjects';
import './clinical-subject.css';

interface SubjectNode {
  value: string;
  /** What the tree shows: code and name. */
  title: ReactNode;
  /** What a chosen item's tag shows. */
  label: string;
  /** Code, name and the parent's name: what a search matches. */
  search: string;
  children?: SubjectNode[];
}

function toNodes(items: ClinicalSubject[], parent?: ClinicalSubject): SubjectNode[] {
  return items.map((item) => ({
    value: item.code,
    title: (
      <span className="subject-node">
        <span className="subject-node-code">{item.code}</span>
        {item.name}
      </span>
    ),
    label: clinicalSubjectLabel(item.code),
    search: `${item.code} ${item.name} ${parent?.name ?? ''}`.toLowerCase(),
    children: item.children ? toNodes(item.children, item) : undefined,
  }));
}

/** The whole 《医疗机构诊疗科目名录》, built once. */
const treeData = toNodes(clinicalSubjectCatalog);

interface Props {
  value?: string[];
  onChange?: (codes: string[]) => void;
  id?: string;
  placeholder?: string;
  status?: 'error' | 'warning';
}

/**
 * 关联诊疗科目: a multiple, checkable tree over the 名录, searchable by name or code. Checking a subject whose
 * items are all wanted keeps just the subject's code (e.g. 32 医学影像科), as the catalog's codes mean.
 */
export function ClinicalSubjectTreeSelect({ value, onChange, id, placeholder = '请选择，可输入名称或代码搜索', status }: Props) {
  return (
    <TreeSelect<string[], SubjectNode>
      id={id}
      value={value}
      onChange={(codes) => onChange?.(codes)}
      status={status}
      treeData={treeData}
      treeCheckable
      multiple
      showCheckedStrategy={TreeSelect.SHOW_PARENT}
      showSearch={{ filterTreeNode: (input, node) => (node as unknown as SubjectNode).search.includes(input.trim().toLowerCase()) }}
      treeNodeLabelProp="label"
      placeholder={placeholder}
      allowClear
      listHeight={320}
      popupMatchSelectWidth
      style={{ width: '100%' }}
    />
  );
}
