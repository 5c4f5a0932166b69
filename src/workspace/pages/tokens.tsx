import { useState } from "preact/hooks";
import { api } from "../api.js";
import { ConfirmButton } from "../components/confirm-button.js";
import { CopyField } from "../components/copy-field.js";
import { Loading } from "../components/loading.js";
import { PageHeading } from "../components/page-heading.js";
import { ProblemBox } from "../components/problem-box.js";
import { useBoot } from "../context.js";
import { fill } from "../fill.js";
import { dateTime, zoneName } from "../format.js";
import { DEFAULT_TIME_ZONE } from "../../lib/time-zone.js";
import type { Token } from "../types.js";
import { useLoad } from "../use-load.js";

/** API tokens: make one (its text shown once, with a copy button), list them, revoke one. */
export function Tokens() {
  const { words: w, lang, zones } = useBoot();
  // Accounts belong to no survey: their times are in the platform's default zone, named as such.
  const zoned = (label: string) => fill(w.common.inZone, { label, zone: zoneName(DEFAULT_TIME_ZONE, zones) });
  const loaded = useLoad(() => api<{ tokens: Token[] }>("api/tokens"), []);
  const [label, setLabel] = useState("");
  const [made, setMade] = useState<{ label: string; token: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const create = async () => {
    setError(null);
    try {
      const token = await api<{ label: string; token: string }>("api/tokens", { method: "POST", body: { label } });
      setMade(token);
      setLabel("");
      await loaded.reload();
    } catch (err) {
      setError(err);
    }
  };
  const revoke = async (id: number) => {
    setError(null);
    try {
      await api(`api/tokens/${id}`, { method: "DELETE" });
      await loaded.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section>
      <PageHeading focusKey="tokens">{w.tokens.heading}</PageHeading>
      <p class="intro">{w.tokens.intro}</p>
      <form
        class="form inline-form panel"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <div class="field grow">
          <label for="token-label">{w.tokens.label}</label>
          <input id="token-label" type="text" required maxLength={100} placeholder={w.tokens.labelHint} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button primary">
          {w.tokens.create}
        </button>
      </form>
      {made ? (
        <div class="panel once" role="status">
          <p class="strong">{w.tokens.showOnce}</p>
          <CopyField id="new-token" label={made.label} value={made.token} />
        </div>
      ) : null}
      {error ? <ProblemBox error={error} /> : null}
      <Loading loaded={loaded}>
        {({ tokens }) =>
          tokens.length === 0 ? (
            <p class="empty">{w.tokens.empty}</p>
          ) : (
            <div class="table-wrap">
              <table class="tokens">
                <thead>
                  <tr>
                    <th scope="col">{w.tokens.label}</th>
                    <th scope="col">{w.tokens.owner}</th>
                    <th scope="col">{zoned(w.tokens.createdAt)}</th>
                    <th scope="col">{w.tokens.state}</th>
                    <th scope="col">{w.common.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((t) => (
                    <tr key={t.id} data-token={t.id}>
                      <th scope="row">{t.label}</th>
                      <td>{t.user ? `${t.user.name} (${t.user.login})` : w.tokens.legacy}</td>
                      <td>{dateTime(t.createdAt, lang)}</td>
                      <td>{t.revokedAt ? fill(w.tokens.revokedAt, { at: dateTime(t.revokedAt, lang) }) : w.tokens.active}</td>
                      <td>
                        {t.revokedAt ? null : (
                          <ConfirmButton
                            label={w.tokens.revoke}
                            question={fill(w.tokens.revokeAsk, { label: t.label })}
                            confirm={w.tokens.revokeConfirm}
                            onConfirm={() => revoke(t.id)}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
    </section>
  );
}
