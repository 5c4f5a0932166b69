import { useState } from "preact/hooks";
import { api } from "../api.js";
import { ConfirmButton } from "../components/confirm-button.js";
import { Loading } from "../components/loading.js";
import { Notice } from "../components/notice.js";
import { PageHeading } from "../components/page-heading.js";
import { ProblemBox } from "../components/problem-box.js";
import { useBoot } from "../context.js";
import { useAction } from "../use-action.js";
import { fill } from "../fill.js";
import { dateTime, zoneName } from "../format.js";
import { DEFAULT_TIME_ZONE } from "../../lib/time-zone.js";
import type { Account } from "../types.js";
import { useLoad } from "../use-load.js";

const EMPTY = { login: "", name: "", password: "", admin: false };

/** Accounts, for administrators: list, create, disable and enable. */
export function Users() {
  const { words: w, lang, user, zones } = useBoot();
  // Accounts belong to no survey: their times are in the platform's default zone, named as such.
  const zoned = (label: string) => fill(w.common.inZone, { label, zone: zoneName(DEFAULT_TIME_ZONE, zones) });
  const loaded = useLoad(() => api<{ users: Account[] }>("api/users"), []);
  const [form, setForm] = useState(EMPTY);

  const { error, notice, act } = useAction(loaded.reload);
  const create = () =>
    act(async () => {
      const account = await api<Account>("api/users", { method: "POST", body: form });
      setForm(EMPTY);
      return fill(w.users.created, { login: account.login });
    });
  const setDisabled = (login: string, disabled: boolean) =>
    act(async () => {
      await api(`api/users/${encodeURIComponent(login)}`, { method: "PATCH", body: { disabled } });
      return `${login}: ${disabled ? w.users.disabled : w.users.active}`;
    });

  return (
    <section>
      <PageHeading focusKey="users">{w.users.heading}</PageHeading>
      <p class="intro">{w.users.intro}</p>
      <form
        class="form inline-form panel"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2>{w.users.create}</h2>
        <div class="field">
          <label for="user-login">{w.users.login}</label>
          <input id="user-login" type="text" required autoComplete="off" value={form.login} onInput={(e) => setForm({ ...form, login: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="user-name">{w.users.name}</label>
          <input id="user-name" type="text" required autoComplete="off" value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="user-password">{w.users.password}</label>
          <input
            id="user-password"
            type="password"
            required
            autoComplete="new-password"
            aria-describedby="user-password-hint"
            value={form.password}
            onInput={(e) => setForm({ ...form, password: e.currentTarget.value })}
          />
          <p class="hint" id="user-password-hint">
            {w.users.passwordHint}
          </p>
        </div>
        <div class="field check">
          <input id="user-admin" type="checkbox" checked={form.admin} onChange={(e) => setForm({ ...form, admin: e.currentTarget.checked })} />
          <label for="user-admin">{w.users.admin}</label>
        </div>
        <button type="submit" class="button primary">
          {w.users.create}
        </button>
      </form>
      {error ? <ProblemBox error={error} /> : null}
      <Notice text={notice} />
      <Loading loaded={loaded}>
        {({ users }) => (
          <div class="table-wrap">
            <table class="users">
              <thead>
                <tr>
                  <th scope="col">{w.users.login}</th>
                  <th scope="col">{w.users.name}</th>
                  <th scope="col">{w.users.admin}</th>
                  <th scope="col">{w.users.state}</th>
                  <th scope="col">{zoned(w.users.createdAt)}</th>
                  <th scope="col">{w.common.actions}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.login} data-user={u.login}>
                    <th scope="row">
                      {u.login}
                      {u.login === user.login ? <span class="hint-inline">{w.users.you}</span> : null}
                    </th>
                    <td>{u.name}</td>
                    <td>{u.admin ? w.common.yes : w.common.no}</td>
                    <td>{u.disabled ? w.users.disabled : w.users.active}</td>
                    <td>{dateTime(u.createdAt, lang)}</td>
                    <td>
                      {u.login === user.login ? null : u.disabled ? (
                        <button type="button" class="button small" onClick={() => void setDisabled(u.login, false)}>
                          {w.users.enable}
                        </button>
                      ) : (
                        <ConfirmButton
                          label={w.users.disable}
                          question={fill(w.users.disableAsk, { login: u.login })}
                          confirm={w.users.disable}
                          onConfirm={() => setDisabled(u.login, true)}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loading>
    </section>
  );
}
