/**
 * Loads something asynchronously for a page and keeps loading / error / data together, with
 * a `reload` for retry buttons. Ignores answers that arrive after the inputs changed.
 */
import { useCallback, useEffect, useState } from 'react';

/** The state of one loaded resource. */
export type Resource<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'error'; data: undefined; error: unknown }
  | { status: 'ready'; data: T; error: undefined };

/** Runs `load` whenever `key` changes (or `reload` is called). */
export function useResource<T>(options: { key: string; load: () => Promise<T> }): Resource<T> & {
  reload: () => void;
  setData: (update: (previous: T) => T) => void;
} {
  const { key, load } = options;
  const [state, setState] = useState<Resource<T>>({ status: 'loading', data: undefined, error: undefined });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading', data: undefined, error: undefined }));
    load().then(
      (data) => {
        if (isCurrent) setState({ status: 'ready', data, error: undefined });
      },
      (error: unknown) => {
        if (isCurrent) setState({ status: 'error', data: undefined, error });
      },
    );
    return () => {
      isCurrent = false;
    };
    // `load` is recreated each render; `key` and `attempt` say when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading', data: undefined, error: undefined });
    setAttempt((value) => value + 1);
  }, []);
  const setData = useCallback((update: (previous: T) => T) => {
    setState((previous) => (previous.status === 'ready' ? { ...previous, data: update(previous.data) } : previous));
  }, []);
  return { ...state, reload, setData };
}
