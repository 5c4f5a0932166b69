import type { ComponentChildren } from "preact";
import { api } from "../api.js";
import { at } from "../base.js";
import { useBoot } from "../context.js";
import { fill } from "../fill.js";
import { hrefOf, type Route } from "../router.js";
import { LanguageSwitch } from "./language-switch.js";
import { Link } from "./link.js";

async function signOut() {
  try {
    await api("api/session", { method: "DELETE" });
  } finally {
    window.location.assign(at("login"));
  }
}

/** The frame of every page: a skip link, the platform's name, the main menu, the account and language, then the page. */
export function Layout({ route, children }: { route: Route; children: ComponentChildren }) {
  const { words: w, user, platform } = useBoot();
  const item = (target: Route, text: string) => (
    <li>
      <Link href={hrefOf(target)} current={route.page === target.page}>
        {text}
      </Link>
    </li>
  );
  return (
    <>
      <a class="skip" href="#main">
        {w.nav.skip}
      </a>
      <header class="top">
        <div class="top-inner">
          <p class="brand">
            <Link href={hrefOf({ page: "surveys" })}>{platform}</Link>
          </p>
          <nav aria-label={w.nav.main} class="menu">
            <ul>
              {item({ page: "surveys" }, w.nav.surveys)}
              {item({ page: "tokens" }, w.nav.tokens)}
              {user.admin ? item({ page: "users" }, w.nav.users) : null}
            </ul>
          </nav>
          <div class="account">
            <span class="who">
              {fill(w.nav.signedInAs, { name: user.name, login: user.login })}
              {user.admin ? <span class="badge">{w.nav.admin}</span> : null}
            </span>
            <button type="button" class="button small" onClick={() => void signOut()}>
              {w.nav.signOut}
            </button>
          </div>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} class={route.page === "editor" ? "main-wide" : undefined}>
        {children}
      </main>
    </>
  );
}
