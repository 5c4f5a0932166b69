import type { WorkspaceWords } from "../../i18n/catalogue/catalogue.js";
import type { Language } from "../../i18n/language.js";

/** What the server hands the workspace script in the page (`<script type="application/json" id="dj-workspace">`). */
export interface WorkspaceBoot {
  lang: Language;
  /** The way from the page's path back to the platform's root: `./`, `../../`… */
  root: string;
  /** The signed-in account. */
  user: { login: string; name: string; admin: boolean };
  /** The platform's name, above every page. */
  platform: string;
  /** Every word of the workspace, in `lang`. */
  words: WorkspaceWords;
  /** Names of time zones in `lang`, by IANA name (the catalogue's `zones.names`). */
  zones: Record<string, string>;
}
