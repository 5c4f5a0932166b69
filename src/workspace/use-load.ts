import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError } from "./api.js";

/** What a page loaded: the data once there, the error if the call failed. */
export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again (after a change), keeping the old data on screen meanwhile. */
  reload: () => Promise<void>;
}

/** Loads with `load` when the component appears and whenever a key changes. */
export function useLoad<T>(load: () => Promise<T>, keys: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const run = useCallback(async () => {
    setLoading(true);
    try {
      setData(await load());
      setError(undefined);
    } catch (err) {
      // A bug is no network problem: say it in the console too, where tests look.
      if (!(err instanceof ApiError)) console.error(err);
      setError(err instanceof ApiError ? err : new ApiError(0, null));
    } finally {
      setLoading(false);
    }
  }, keys);
  useEffect(() => {
    void run();
  }, [run]);
  return { data, error, loading, reload: run };
}
