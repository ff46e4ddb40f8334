/**
 * Loads something asynchronously for a page and keeps loading / error / data together, with
 * a `reload` for retry buttons. Answers are tagged with the request they belong to, so a
 * late answer for old inputs is never shown; while new inputs load, the previous data stays
 * on screen (no flicker when a filter changes), except after `reload`, which shows loading.
 */
import { useCallback, useEffect, useState } from 'react';

/** The state of one loaded resource. */
export type Resource<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'error'; data: undefined; error: unknown }
  | { status: 'ready'; data: T; error: undefined };

interface Tagged<T> {
  key: string;
  attempt: number;
  state: Resource<T>;
}

const LOADING = { status: 'loading', data: undefined, error: undefined } as const;

/** Runs `load` whenever `key` changes (or `reload` is called). */
export function useResource<T>(options: { key: string; load: () => Promise<T> }): Resource<T> & {
  reload: () => void;
  setData: (update: (previous: T) => T) => void;
} {
  const { key, load } = options;
  const [attempt, setAttempt] = useState(0);
  const [tagged, setTagged] = useState<Tagged<T> | null>(null);

  useEffect(() => {
    let isCurrent = true;
    load().then(
      (data) => {
        if (isCurrent)
          setTagged({ key, attempt, state: { status: 'ready', data, error: undefined } });
      },
      (error: unknown) => {
        if (isCurrent)
          setTagged({ key, attempt, state: { status: 'error', data: undefined, error } });
      },
    );
    return () => {
      isCurrent = false;
    };
    // `load` is recreated each render; `key` and `attempt` say when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  const setData = useCallback((update: (previous: T) => T) => {
    setTagged((previous) =>
      previous && previous.state.status === 'ready'
        ? { ...previous, state: { ...previous.state, data: update(previous.state.data) } }
        : previous,
    );
  }, []);

  let state: Resource<T> = LOADING;
  if (tagged && tagged.key === key && tagged.attempt === attempt) state = tagged.state;
  else if (tagged && tagged.attempt === attempt && tagged.state.status === 'ready')
    state = tagged.state;
  return { ...state, reload, setData };
}
