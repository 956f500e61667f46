import { useProgressInstitutions } from '../../api/progress';
import { InstitutionSearchSelect } from '../InstitutionSearchSelect';

/** 卫生机构 / 机构: one institution of the actor's scope (an assessor's assigned ones, an authority's jurisdiction), found by name. */
export function ProgressInstitutionSelect(props: { value?: number | null; onChange?: (value: number | undefined) => void; id?: string }) {
  return <InstitutionSearchSelect {...props} useSearch={useProgressInstitutions} />;
}
