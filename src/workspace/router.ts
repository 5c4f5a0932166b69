import { useEffect, useState } from "preact/hooks";
import { at, belowBase } from "./base.js";

/** The pages of a survey, in the order of its tabs. */
export const SURVEY_TABS = ["overview", "responses", "monitor", "analysis", "variables", "reports", "links", "members", "audit"] as const;
export type SurveyTab = (typeof SURVEY_TABS)[number];

/** Which page an address shows. */
export type Route =
  | { page: "surveys" }
  | { page: "survey"; name: string; tab: SurveyTab; responseId?: string; reportId?: string }
  | { page: "editor"; name: string }
  | { page: "newSurvey" }
  | { page: "tokens" }
  | { page: "users" }
  | { page: "notFound" };

/** The route of a path below the root (`w/surveys/x/links`). */
export function parseRoute(path: string): Route {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts[0] === "w" && (parts.length === 1 || (parts.length === 2 && parts[1] === "surveys")))) return { page: "surveys" };
  if (parts[0] !== "w") return { page: "notFound" };
  if (parts.length === 2 && parts[1] === "tokens") return { page: "tokens" };
  // Not under surveys/: `new` is a name a survey may have.
  if (parts.length === 2 && parts[1] === "new") return { page: "newSurvey" };
  if (parts.length === 2 && parts[1] === "users") return { page: "users" };
  if (parts[1] === "surveys" && parts.length === 4 && parts[3] === "edit") return { page: "editor", name: parts[2] };
  if (parts[1] === "surveys" && parts.length >= 3 && parts.length <= 5) {
    const tab = (parts[3] ?? "overview") as SurveyTab;
    if (!SURVEY_TABS.includes(tab)) return { page: "notFound" };
    if (parts.length === 5 && tab !== "responses" && tab !== "reports") return { page: "notFound" };
    if (tab === "reports") return { page: "survey", name: parts[2], tab, reportId: parts[4] };
    return { page: "survey", name: parts[2], tab, responseId: parts[4] };
  }
  return { page: "notFound" };
}

/** The absolute address of a route. */
export function hrefOf(route: Route): string {
  switch (route.page) {
    case "surveys":
      return at("");
    case "tokens":
      return at("w/tokens");
    case "users":
      return at("w/users");
    case "newSurvey":
      return at("w/new");
    case "editor":
      return at(`w/surveys/${encodeURIComponent(route.name)}/edit`);
    case "survey": {
      const one = route.responseId ?? route.reportId;
      const id = one ? `/${encodeURIComponent(one)}` : "";
      return at(`w/surveys/${encodeURIComponent(route.name)}/${route.tab}${id}`);
    }
    default:
      return at("");
  }
}

const NAVIGATED = "dj-navigate";

let navigated = false;

/** Whether the reader has moved between pages since the page loaded (not on the first page). */
export function hasNavigated(): boolean {
  return navigated;
}

/** Shows another page without reloading: the address changes, Back works. */
export function navigate(href: string, options: { replace?: boolean } = {}) {
  navigated = true;
  if (options.replace) window.history.replaceState(null, "", href);
  else window.history.pushState(null, "", href);
  window.dispatchEvent(new Event(NAVIGATED));
}

/** The current route, following Back/Forward and `navigate`. */
export function useRoute(): Route {
  const current = () => parseRoute(belowBase(window.location.pathname));
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const update = () => {
      navigated = true;
      setRoute(current());
    };
    window.addEventListener("popstate", update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return route;
}
