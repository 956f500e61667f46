import { useCurrentUser } from '../../../auth/currentUser';
import { RetakesPage as SharedRetakesPage } from '../../../components/retakes/RetakesPage';

/** 补考管理 › 待确认补考 of the jurisdiction; the provincial authority decides. */
export function RetakesPage() {
  const me = useCurrentUser();
  return <SharedRetakesPage tabs={['pending', 'allowed']} regionRoot={me.organization?.regionCode} />;
}
