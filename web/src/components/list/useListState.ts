import { useState } from 'react';
import type { Paging } from '../../../../common/schemas/pagination';
import { useRefetchOnSearch } from '../../lib/useRefetchOnSearch';

/** What a list query hook returns that the page needs. */
interface ListQuery {
  refetch: (options: { cancelRefetch: boolean }) => Promise<unknown>;
  isFetching: boolean;
  data?: { items: readonly unknown[]; total: number; totalCapped?: boolean | null };
}

type Items<Q extends ListQuery> = NonNullable<Q['data']>['items'];

/**
 * The state of a list page: the search, the page (back to page 1 on a new search), and the list itself —
 * `useList` is the list's query hook, called here with the search and the page. 查询 with the same filters asks again.
 * `table` holds what every list table takes: spread it into `ListTable` or a page's own table.
 */
export function useListState<S extends object, Q extends ListQuery, P extends Paging = Paging>(useList: (query: S & P) => Q) {
  const [search, setSearchState] = useState<S>({} as S);
  const [paging, setPaging] = useState<P>({ page: 1, pageSize: 10 } as P);
  const list = useList({ ...search, ...paging });
  const searched = useRefetchOnSearch(list.refetch);
  const setSearch = (next: S) => {
    setSearchState(next);
    setPaging((p) => ({ ...p, page: 1 }));
    searched();
  };
  /** Back to page 1 keeping the page size (a new tab). */
  const firstPage = () => setPaging((p) => ({ ...p, page: 1 }));
  const table = {
    items: (list.data?.items ?? []) as Items<Q>,
    total: list.data?.total ?? 0,
    totalCapped: list.data?.totalCapped ?? undefined,
    loading: list.isFetching,
    paging,
    onPagingChange: setPaging,
  };
  return { search, setSearch, paging, setPaging, firstPage, list, table };
}
