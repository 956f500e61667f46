import { useCallback, useEffect, useState } from 'react';

/**
 * 查询 and 重置 ask the server again even when the filters did not change: the rows may have (others keep working).
 * Call the returned function beside applying the filters. Once they are applied, the list is refetched — unless the
 * new filters are being fetched already (a new query key fetches by itself; no second request then).
 * Call it after the list's useQuery, so the query has taken the new filters when this runs.
 */
export function useRefetchOnSearch(refetch: (options: { cancelRefetch: boolean }) => Promise<unknown>): () => void {
  const [searches, setSearches] = useState(0);
  useEffect(() => {
    if (searches > 0) void refetch({ cancelRefetch: false });
  }, [searches, refetch]);
  return useCallback(() => setSearches((n) => n + 1), []);
}
