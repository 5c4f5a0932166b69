import { useState } from "preact/hooks";
import { api, surveyPath } from "../api.js";
import { ConfirmButton } from "../components/confirm-button.js";
import { Loading } from "../components/loading.js";
import { Notice } from "../components/notice.js";
import { ProblemBox } from "../components/problem-box.js";
import { useBoot } from "../context.js";
import { useAction } from "../use-action.js";
import { fill } from "../fill.js";
import { dateTime, surveyZone, zoneName } from "../format.js";
import type { Account, Member, MemberRole } from "../types.js";
import { useLoad } from "../use-load.js";
import type { SurveyPageProps } from "./survey-page.js";

const ROLES: MemberRole[] = ["owner", "editor", "analyst", "viewer"];

/** Who works on the survey: add a member or change a role and unit (PUT), remove one. */
export function Members({ survey }: SurveyPageProps) {
  const { words: w, lang, user, zones } = useBoot();
  const timeZone = surveyZone(survey);
  const zoned = (label: string) => fill(w.common.inZone, { label, zone: zoneName(timeZone, zones) });
  const loaded = useLoad(() => api<{ members: Member[] }>(surveyPath(survey.name, "/members")), [survey.name]);
  // Administrators can pick from every account; others type the login.
  const accounts = useLoad(() => (user.admin ? api<{ users: Account[] }>("api/users") : Promise.resolve({ users: [] as Account[] })), [user.admin]);
  const [form, setForm] = useState({ login: "", role: "viewer" as MemberRole, unit: "" });

  const { error, notice, act } = useAction(loaded.reload);
  const put = () =>
    act(async () => {
      const member = await api<Member>(surveyPath(survey.name, `/members/${encodeURIComponent(form.login.trim())}`), {
        method: "PUT",
        body: { role: form.role, unit: form.unit.trim() === "" ? null : form.unit.trim() },
      });
      setForm({ login: "", role: "viewer", unit: "" });
      return fill(w.members.putDone, { login: member.login, role: w.roles[member.role] });
    });
  const remove = (login: string) =>
    act(async () => {
      await api(surveyPath(survey.name, `/members/${encodeURIComponent(login)}`), { method: "DELETE" });
      return `${login}: ${w.members.remove}`;
    });

  return (
    <div>
      <p class="intro">{w.members.intro}</p>
      <form
        class="form inline-form panel"
        onSubmit={(e) => {
          e.preventDefault();
          void put();
        }}
      >
        <h2>{w.members.put}</h2>
        <div class="field">
          <label for="member-login">{w.members.login}</label>
          <input
            id="member-login"
            type="text"
            required
            autoComplete="off"
            list="member-logins"
            value={form.login}
            onInput={(e) => setForm({ ...form, login: e.currentTarget.value })}
          />
          <datalist id="member-logins">
            {(accounts.data?.users ?? [])
              .filter((a) => !a.disabled)
              .map((a) => (
                <option key={a.login} value={a.login}>
                  {a.name}
                </option>
              ))}
          </datalist>
        </div>
        <div class="field">
          <label for="member-role">{w.members.role}</label>
          <select id="member-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as MemberRole })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {w.roles[r]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="member-unit">{w.members.unit}</label>
          <input
            id="member-unit"
            type="text"
            maxLength={100}
            value={form.unit}
            aria-describedby="member-unit-hint"
            onInput={(e) => setForm({ ...form, unit: e.currentTarget.value })}
          />
          <p class="hint" id="member-unit-hint">
            {w.members.unitHint}
          </p>
        </div>
        <button type="submit" class="button primary">
          {w.members.change}
        </button>
      </form>
      {error ? <ProblemBox error={error} /> : null}
      <Notice text={notice} />
      <Loading loaded={loaded}>
        {({ members }) =>
          members.length === 0 ? (
            <p class="empty">{w.members.empty}</p>
          ) : (
            <div class="table-wrap">
              <table class="members">
                <thead>
                  <tr>
                    <th scope="col">{w.members.login}</th>
                    <th scope="col">{w.members.name}</th>
                    <th scope="col">{w.members.role}</th>
                    <th scope="col">{w.members.unit}</th>
                    <th scope="col">{zoned(w.members.addedAt)}</th>
                    <th scope="col">{w.common.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => (
                    <tr key={m.login} data-member={m.login}>
                      <th scope="row">{m.login}</th>
                      <td>{m.name}</td>
                      <td>{w.roles[m.role]}</td>
                      <td>{m.unit ?? w.members.wholeSurvey}</td>
                      <td>{dateTime(m.addedAt, lang, timeZone)}</td>
                      <td class="actions">
                        <button type="button" class="button small" onClick={() => setForm({ login: m.login, role: m.role, unit: m.unit ?? "" })}>
                          {w.members.edit}
                        </button>
                        <ConfirmButton
                          label={w.members.remove}
                          question={fill(w.members.removeAsk, { login: m.login })}
                          confirm={w.members.removeConfirm}
                          onConfirm={() => remove(m.login)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
    </div>
  );
}
