import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { WorkspaceWords } from "../../i18n/catalogue/catalogue.js";
import type { WorkspaceBoot } from "./boot.js";

/** The boot data, for every component under the app. */
export const BootContext = createContext<WorkspaceBoot | null>(null);

/** The boot data: language, signed-in account, words. */
export function useBoot(): WorkspaceBoot {
  const boot = useContext(BootContext);
  if (!boot) throw new Error("useBoot: no BootContext above this component");
  return boot;
}

/** The workspace's words in the page's language. */
export function useWords(): WorkspaceWords {
  return useBoot().words;
}
