import { RetakesPage as SharedRetakesPage } from '../../../components/retakes/RetakesPage';

/** 补考管理: the institution's physicians in 待确认补考 and 待参加补考, read-only. */
export function RetakesPage() {
  return <SharedRetakesPage tabs={['pending', 'allowed']} />;
}
