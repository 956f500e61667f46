import { useCallback, useRef } from 'react';

/**
 * Runs an async action unless the previous run is still going: a double tap on 提交 starts it once.
 * (A button's loading state comes a render too late to stop the second tap.)
 */
export function useInFlight(): (action: () => Promise<void>) => Promise<void> {
  const busy = useRef(false);
  return useCallback(async (action: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await action();
    } finally {
      busy.current = false;
    }
  }, []);
}
