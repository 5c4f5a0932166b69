import { useState } from "preact/hooks";
import { api, surveyPath } from "../api.js";
import { at } from "../base.js";
import { CopyField } from "../components/copy-field.js";
import { Loading } from "../components/loading.js";
import { Notice } from "../components/notice.js";
import { ProblemBox } from "../components/problem-box.js";
import { useBoot } from "../context.js";
import { useAction } from "../use-action.js";
import { fill } from "../fill.js";
import { count, dateTime, surveyZone, zoneName } from "../format.js";
import { may } from "../permissions.js";
import type { Link } from "../types.js";
import { useLoad } from "../use-load.js";
import type { SurveyPageProps } from "./survey-page.js";

const EMPTY = { unit: "", label: "", level: "", expected: "" };

/** Collection points: a link per unit with its QR code; make, close and open them; the printable cards. */
export function Links({ survey, role, reload }: SurveyPageProps) {
  const { words: w, lang, zones } = useBoot();
  const timeZone = surveyZone(survey);
  const zoned = (label: string) => fill(w.common.inZone, { label, zone: zoneName(timeZone, zones) });
  const loaded = useLoad(() => api<{ links: Link[] }>(surveyPath(survey.name, "/links")), [survey.name]);
  const [form, setForm] = useState(EMPTY);
  const [made, setMade] = useState<Link | null>(null);
  const editable = may(role, "edit");

  const { error, notice, act } = useAction(async () => {
    await loaded.reload();
    void reload();
  });
  const create = () =>
    act(async () => {
      const body = {
        unit: form.unit,
        label: form.label || undefined,
        level: form.level || undefined,
        expected: form.expected === "" ? undefined : Number(form.expected),
      };
      const link = await api<Link>(surveyPath(survey.name, "/links"), { method: "POST", body });
      setForm(EMPTY);
      setMade(link);
      return fill(w.links.created, { unit: link.unit });
    });
  const setClosed = (link: Link, closed: boolean) =>
    act(async () => {
      await api(surveyPath(survey.name, `/links/${encodeURIComponent(link.code)}`), { method: "PATCH", body: { closed } });
      return `${link.unit}: ${closed ? w.links.isClosed : w.links.isOpen}`;
    });
  const qr = (code: string) => at(surveyPath(survey.name, `/links/${encodeURIComponent(code)}/qr.png`));

  return (
    <div>
      <p class="intro">{w.links.intro}</p>
      <p>
        <a class="button" href={at(surveyPath(survey.name, "/links/cards"))} target="_blank" rel="noopener">
          {w.links.cards}
        </a>
      </p>
      {editable ? (
        <form
          class="form inline-form panel"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <h2>{w.links.create}</h2>
          <div class="field">
            <label for="link-unit">{w.links.unit}</label>
            <input id="link-unit" type="text" required maxLength={100} value={form.unit} onInput={(e) => setForm({ ...form, unit: e.currentTarget.value })} />
          </div>
          <div class="field">
            <label for="link-level">{w.links.level}</label>
            <input
              id="link-level"
              type="text"
              maxLength={100}
              placeholder={w.links.levelHint}
              value={form.level}
              onInput={(e) => setForm({ ...form, level: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="link-label">{w.links.label}</label>
            <input id="link-label" type="text" maxLength={100} value={form.label} onInput={(e) => setForm({ ...form, label: e.currentTarget.value })} />
          </div>
          <div class="field">
            <label for="link-expected">{w.links.expected}</label>
            <input
              id="link-expected"
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={form.expected}
              onInput={(e) => setForm({ ...form, expected: e.currentTarget.value })}
            />
          </div>
          <button type="submit" class="button primary">
            {w.links.create}
          </button>
        </form>
      ) : null}
      {error ? <ProblemBox error={error} /> : null}
      <Notice text={notice} />
      {made ? (
        <div class="made panel">
          <img class="qr-large" src={qr(made.code)} alt={fill(w.links.qrAlt, { unit: made.unit })} width={160} height={160} />
          <CopyField id="made-url" label={`${made.unit} · ${w.links.url}`} value={made.url} />
        </div>
      ) : null}
      <Loading loaded={loaded}>
        {({ links }) =>
          links.length === 0 ? (
            <p class="empty">{w.links.empty}</p>
          ) : (
            <div class="table-wrap">
              <table class="links">
                <thead>
                  <tr>
                    <th scope="col">{w.links.unit}</th>
                    <th scope="col">{w.links.level}</th>
                    <th scope="col">{w.links.label}</th>
                    <th scope="col" class="num">
                      {w.links.responses}
                    </th>
                    <th scope="col" class="num">
                      {w.links.expected}
                    </th>
                    <th scope="col">{w.links.state}</th>
                    <th scope="col">{w.links.url}</th>
                    <th scope="col">{w.links.qr}</th>
                    {editable ? <th scope="col">{w.common.actions}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {links.map((l) => (
                    <tr key={l.code} data-link={l.code}>
                      <th scope="row">{l.unit}</th>
                      <td>{l.level ?? ""}</td>
                      <td>{l.label ?? ""}</td>
                      <td class="num">{count(l.responses ?? 0, lang)}</td>
                      <td class="num">{l.expected === null ? w.common.none : count(l.expected, lang)}</td>
                      <td>{l.closedAt ? zoned(`${w.links.isClosed} ${dateTime(l.closedAt, lang, timeZone)}`) : w.links.isOpen}</td>
                      <td>
                        <a href={l.url} target="_blank" rel="noopener" class="mono">
                          {l.code}
                        </a>
                      </td>
                      <td>
                        <a href={qr(l.code)} target="_blank" rel="noopener">
                          <img class="qr-small" src={qr(l.code)} alt={fill(w.links.qrAlt, { unit: l.unit })} width={48} height={48} loading="lazy" />
                        </a>
                      </td>
                      {editable ? (
                        <td>
                          <button type="button" class="button small" onClick={() => void setClosed(l, l.closedAt === null)}>
                            {l.closedAt === null ? w.links.close : w.links.reopen}
                          </button>
                        </td>
                      ) : null}
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
