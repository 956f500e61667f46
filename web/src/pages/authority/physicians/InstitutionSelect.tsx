import { useInstitutionList } from '../../../api/institutions';
import { InstitutionSearchSelect } from '../../../components/InstitutionSearchSelect';

const useJurisdictionInstitutions = (name: string) => useInstitutionList({ name: name || undefined, page: 1, pageSize: 20 });

/** 机构: an institution of the jurisdiction, found by name (the first 20 matches). */
export function InstitutionSelect(props: { value?: number | null; onChange?: (value: number | undefined) => void; id?: string }) {
  return <InstitutionSearchSelect {...props} useSearch={useJurisdictionInstitutions} />;
}
