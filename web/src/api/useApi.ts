import { useEffect, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  /** Load again (after a write). */
  reload: () => void;
}

/**
 * Load something from the API whenever `key` changes; an answer that arrives
 * after the key moved on is dropped (aborted), so a fast filter change never
 * shows an older result. With keepPrevious the last answer stays on screen
 * (dimmed by the caller) while the next one loads.
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, opts: { keepPrevious?: boolean } = {}): Loaded<T> {
  const [state, setState] = useState<{ key: string | null; data: T | null; error: Error | null; loading: boolean }>(
    { key: null, data: null, error: null, loading: key !== null });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (key === null) {
      setState({ key, data: null, error: null, loading: false });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ key, data: s.key === key || opts.keepPrevious ? s.data : null, error: null, loading: true }));
    load(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ key, data, error: null, loading: false }),
      (error: Error) => !ctl.signal.aborted && error.name !== 'AbortError' && setState({ key, data: null, error, loading: false }),
    );
    return () => ctl.abort();
  }, [key, round]);
  return { data: state.data, error: state.error, loading: state.loading, reload: () => setRound((r) => r + 1) };
}
