import { useState } from 'react';
import type { RosterTab } from '../../../../common/schemas/physician';
import { useRosterList, type RosterQueryFilters } from '../../api/physicians';
import type { RosterSearch } from './rosterFilters';
import type { RosterPaging } from './RosterTable';
import { useRefetchOnSearch } from '../../lib/useRefetchOnSearch';

const firstPage: RosterPaging = { page: 1, pageSize: 10 };

/** The state of a 医师列表 page: tab, filters, paging (back to page 1 when the tab or the filters change) and the list. */
export function useRoster() {
  const [tab, setTabState] = useState<RosterTab>('unconfirmed');
  const [search, setSearchState] = useState<RosterSearch>({});
  const [paging, setPaging] = useState<RosterPaging>(firstPage);
  const filters: RosterQueryFilters = { ...search, tab };
  const list = useRosterList({ ...filters, ...paging });
  const searched = useRefetchOnSearch(list.refetch);

  const setTab = (next: RosterTab) => {
    setTabState(next);
    setPaging((p) => ({ ...firstPage, pageSize: p.pageSize }));
  };
  const setSearch = (next: RosterSearch) => {
    setSearchState(next);
    setPaging((p) => ({ ...p, page: 1 }));
    searched();
  };
  return { tab, setTab, search, setSearch, filters, paging, setPaging, list };
}
