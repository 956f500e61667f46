import { useState } from 'react';
import type { RosterTab } from '../../../../common/schemas/physician';
import { useRosterList, type RosterQueryFilters } from '../../api/physicians';
import { useListState } from '../list/useListState';
import type { RosterSearch } from './rosterFilters';
import type { RosterPaging } from './RosterTable';

/** The state of a 医师列表 page: tab, filters, paging (back to page 1 when the tab or the filters change) and the list. */
export function useRoster() {
  const [tab, setTabState] = useState<RosterTab>('unconfirmed');
  const { search, setSearch, firstPage, list, table } = useListState<RosterSearch, ReturnType<typeof useRosterList>, RosterPaging>((query) =>
    useRosterList({ ...query, tab }),
  );
  const filters: RosterQueryFilters = { ...search, tab };
  const setTab = (next: RosterTab) => {
    setTabState(next);
    firstPage();
  };
  return { tab, setTab, search, setSearch, filters, list, table };
}
