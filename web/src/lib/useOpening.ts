import { useState } from 'react';

export interface Opening<T> {
  /** Changes with every opening: key the dialog with it, so each opening gets its own form and values. */
  key: number;
  /** What the dialog was opened with; kept while it animates closed. */
  value: T;
}

/**
 * One opening of a dialog that edits `value` (null: closed). A form store kept from one opening to the next carries
 * the previous opening's values (or their removal) over the next one's initial values, so each opening starts anew.
 */
export function useOpening<T>(value: T | null): Opening<T> | null {
  const [state, setState] = useState<{ key: number; value: T | null; shown: T | null }>({ key: 0, value, shown: value });
  let current = state;
  if (value !== state.value) {
    current = value === null ? { ...state, value } : { key: state.key + 1, value, shown: value };
    // Adjusting state to a prop during render (React's documented pattern): no extra commit with stale values.
    setState(current);
  }
  return current.shown === null ? null : { key: current.key, value: current.shown };
}
