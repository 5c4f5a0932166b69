import { useState } from "preact/hooks";

/** A page's changes (create, change, remove): the error of the last one, or what it said when it worked. */
export interface Action {
  error: unknown;
  notice: string | null;
  /** Runs one change; when it works, reloads the page's data (`after`) and shows what `work` returned. */
  act: (work: () => Promise<string>) => Promise<void>;
}

export function useAction(after: () => Promise<void>): Action {
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const act = async (work: () => Promise<string>) => {
    setError(null);
    setNotice(null);
    try {
      const said = await work();
      await after();
      setNotice(said);
    } catch (err) {
      setError(err);
    }
  };
  return { error, notice, act };
}
