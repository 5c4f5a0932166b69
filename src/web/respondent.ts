/*
 * The respondent page's script, bundled by src/web/bundle.ts. It renders the embedded
 * questionnaire with SurveyJS, keeps every answer in localStorage as it is given, and
 * submits the completed response under one id, retrying until the server has it.
 */
import "survey-core/survey-core.fontless.min.css";
import "./respondent.css";
import { Model, surveyLocalization } from "survey-core";
import "survey-core/i18n/simplified-chinese";
import "survey-core/i18n/traditional-chinese";
import { renderSurvey } from "survey-js-ui";
import { LOCALE_INFO, MESSAGES, PAGE_LOCALES, type PageLocale, SURVEY_STRING_FIXES } from "./messages.js";
import { ResponseStore, type SavedResponse } from "./response-store.js";
import { type QuestionProblem, retryDelayMs, submitResponse } from "./submit.js";
import { uuidV4 } from "./uuid.js";

interface Embedded {
  name: string;
  version: number;
  json: Record<string, unknown>;
}

/** What the status area shows; re-rendered on every change and on a language switch. */
type View =
  | { kind: "editing"; restored: boolean; problems?: QuestionProblem[] }
  | { kind: "sending"; resumed: boolean }
  | { kind: "waiting"; reason: "network" | "server"; resumed: boolean }
  | { kind: "rejected"; detail: string; problems: QuestionProblem[] }
  | { kind: "conflict" }
  | { kind: "failed"; status: number; detail: string }
  | { kind: "done" };

const LANG_KEY = "dj-lang";

const config = JSON.parse(byId("dj-survey").textContent ?? "{}") as Embedded;
const apiUrl = new URL(`../api/surveys/${encodeURIComponent(config.name)}/responses`, location.href).toString();
const surveyRoot = byId("dj-survey-root");
const statusBox = byId("dj-status");
const doneBox = byId("dj-done");
const langNav = byId("dj-lang");
const heading = byId("dj-heading");

surveyLocalization.defaultLocale = "zh-cn";
for (const [code, fixes] of Object.entries(SURVEY_STRING_FIXES)) {
  Object.assign(surveyLocalization.locales[code] ?? {}, fixes);
}

const survey = new Model(config.json);
survey.showBrandInfo = false;
survey.showCompletedPage = false;
// Save as the respondent types, not on blur: a closed tab must not lose the last field.
survey.textUpdateMode = "onTyping";
(window as unknown as { survey: Model }).survey = survey;

const store = new ResponseStore(config.name);
const locales = PAGE_LOCALES.filter((l) => l === "zh-cn" || survey.getUsedLocales().includes(l));
let locale = initialLocale();
let response: SavedResponse = store.resumable(config.version) ?? fresh();
let view: View;
let rendered = false;
let attempts = 0;
let inFlight = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

applyLocale(locale);
if (response.status === "pending") {
  survey.data = response.data;
  show(false);
  setView({ kind: "sending", resumed: true });
  void attempt();
} else {
  const restored = Object.keys(response.data).length > 0;
  if (response.version !== config.version) adoptIntoCurrentVersion();
  edit(restored);
}
renderLanguageSwitch();

survey.onValueChanged.add(persist);
survey.onDynamicPanelAdded.add(persist);
survey.onDynamicPanelRemoved.add(persist);
survey.onMatrixRowAdded.add(persist);
survey.onMatrixRowRemoved.add(persist);
survey.onCurrentPageChanged.add(() => {
  persist();
  if (view.kind === "editing" && view.restored) setView({ kind: "editing", restored: false, problems: view.problems });
});
survey.onComplete.add(() => {
  response = { ...response, data: survey.data, version: config.version, status: "pending" };
  store.save(response);
  attempts = 0;
  setView({ kind: "sending", resumed: false });
  show(false);
  void attempt();
});
addEventListener("pagehide", persist);
addEventListener("online", () => autoRetry());
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") persist();
  else autoRetry();
});
addEventListener("beforeunload", (event) => {
  // Without storage, closing the page would lose the answers: ask first.
  if (!store.persistent && view.kind !== "done" && Object.keys(survey.data).length > 0) event.preventDefault();
});

/** Shows the form (or hides it while the response is being submitted). */
function show(form: boolean) {
  if (form && !rendered) {
    surveyRoot.textContent = "";
    renderSurvey(survey, surveyRoot);
    rendered = true;
  }
  surveyRoot.hidden = !form;
}

/** Opens the form on the saved answers and page. */
function edit(restored: boolean, problems?: QuestionProblem[]) {
  if (survey.state === "completed") survey.clear(false, false);
  survey.data = response.data;
  if (response.pageNo > 0 && response.pageNo < survey.visiblePages.length) survey.currentPageNo = response.pageNo;
  view = { kind: "editing", restored, problems };
  show(true);
  renderStatus();
}

function persist() {
  if (response.status !== "editing" || view.kind !== "editing") return;
  response = { ...response, data: survey.data, pageNo: survey.currentPageNo };
  store.save(response);
}

/** One submission attempt; on a network failure or 5xx, the next is scheduled with backoff. */
async function attempt() {
  if (inFlight || response.status !== "pending") return;
  clearTimeout(retryTimer);
  inFlight = true;
  attempts += 1;
  if (view.kind === "waiting") setView({ kind: "sending", resumed: view.resumed });
  const sent = response;
  const outcome = await submitResponse(apiUrl, { id: sent.id, data: sent.data, complete: true, version: sent.version });
  inFlight = false;
  const resumed = view.kind === "sending" || view.kind === "waiting" ? view.resumed : false;
  switch (outcome.kind) {
    case "stored":
      store.remove(sent.version);
      return setView({ kind: "done" });
    case "retry":
      retryTimer = setTimeout(() => void attempt(), retryDelayMs(attempts));
      return setView({ kind: "waiting", reason: outcome.reason, resumed });
    case "rejected":
      return setView({ kind: "rejected", detail: outcome.detail, problems: outcome.errors });
    case "conflict":
      return setView({ kind: "conflict" });
    case "failed":
      return setView({ kind: "failed", status: outcome.status, detail: outcome.detail });
  }
}

/** Back online or back in view: do not wait out the backoff. */
function autoRetry() {
  if (view.kind === "waiting") void attempt();
}

function setView(next: View) {
  view = next;
  renderStatus();
}

function renderStatus() {
  const m = MESSAGES[locale];
  statusBox.textContent = "";
  statusBox.hidden = false;
  doneBox.hidden = view.kind !== "done";
  // With the form hidden, its header goes too: name the survey above the status.
  heading.hidden = view.kind === "editing";
  heading.textContent = survey.title || config.name;
  statusBox.removeAttribute("data-tone");
  switch (view.kind) {
    case "editing":
      if (view.problems?.length) {
        statusBox.dataset.tone = "error";
        add("h2", m.rejectedTitle);
        add("p", m.rejectedHint);
        addProblems(view.problems);
      } else if (view.restored) add("p", m.restored);
      else if (!store.persistent) {
        statusBox.dataset.tone = "warn";
        add("p", m.storageUnavailable);
      } else statusBox.hidden = true;
      break;
    case "sending":
      add("h2", m.pendingTitle);
      add("p", m.submitting);
      break;
    case "waiting":
      statusBox.dataset.tone = "warn";
      add("h2", m.pendingTitle);
      add("p", view.reason === "network" ? m.networkFailed : m.serverBusy);
      add("p", m.attempts(attempts)).className = "dj-meta";
      addButton(m.retryNow, "dj-retry", () => void attempt());
      break;
    case "rejected":
      statusBox.dataset.tone = "error";
      add("h2", m.rejectedTitle);
      add("p", m.rejectedHint);
      addProblems(view.problems);
      addButton(m.backToEdit, "dj-edit", () => {
        const problems = (view as { problems: QuestionProblem[] }).problems;
        if (response.version !== config.version) adoptIntoCurrentVersion();
        response = { ...response, status: "editing" };
        store.save(response);
        edit(false, problems);
        focusQuestion(problems[0]?.question);
      });
      break;
    case "conflict":
      statusBox.dataset.tone = "error";
      add("h2", m.conflictTitle);
      add("p", m.conflictText);
      addButton(m.submitAsNew, "dj-new-id", () => {
        response = { ...response, id: uuidV4() };
        store.save(response);
        attempts = 0;
        setView({ kind: "sending", resumed: false });
        void attempt();
      });
      break;
    case "failed":
      statusBox.dataset.tone = "error";
      add("h2", m.failedTitle);
      add("p", m.failedText(view.status, view.detail));
      addButton(m.retryNow, "dj-retry", () => void attempt());
      break;
    case "done":
      statusBox.hidden = true;
      // completedHtml is the questionnaire author's HTML, shown as SurveyJS would show it.
      doneBox.innerHTML = survey.processedCompletedHtml;
      break;
  }
}

function add<K extends keyof HTMLElementTagNameMap>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = text;
  statusBox.append(el);
  return el;
}

function addButton(text: string, id: string, onClick: () => void) {
  const button = add("button", text);
  button.type = "button";
  button.id = id;
  button.addEventListener("click", onClick);
}

function addProblems(problems: QuestionProblem[]) {
  const list = add("ul", "");
  for (const p of problems) {
    const item = document.createElement("li");
    item.textContent = `${questionTitle(p.question)}：${p.message}`;
    list.append(item);
  }
}

/** A problem names a question, or a path into one ("matrix.row1"): show the question's title. */
function questionTitle(path: string): string {
  const name = path.split(/[.[]/)[0];
  const question = survey.getQuestionByValueName(name) ?? survey.getQuestionByName(name);
  return question ? question.title : path;
}

function focusQuestion(path: string | undefined) {
  const name = path?.split(/[.[]/)[0];
  const question = name ? (survey.getQuestionByValueName(name) ?? survey.getQuestionByName(name)) : undefined;
  question?.focus(true);
}

/**
 * Answers saved for an older version carry over to the current one, for the questions
 * it still has (the server would refuse names it does not know).
 */
function adoptIntoCurrentVersion() {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(response.data)) {
    const name = key.endsWith("-Comment") ? key.slice(0, -"-Comment".length) : key;
    if (survey.getQuestionByValueName(name)) data[key] = value;
  }
  store.remove(response.version);
  response = { ...response, version: config.version, data, pageNo: 0 };
  store.save(response);
}

function fresh(): SavedResponse {
  return { id: uuidV4(), version: config.version, data: {}, pageNo: 0, status: "editing", savedAt: "" };
}

/** `?lang=` first, then the language chosen last time, then Simplified Chinese. */
function initialLocale(): PageLocale {
  const asked = new URLSearchParams(location.search).get("lang")?.toLowerCase();
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(LANG_KEY);
  } catch {
    // No storage: no memory of the choice.
  }
  return locales.find((l) => l === asked) ?? locales.find((l) => l === remembered) ?? "zh-cn";
}

function applyLocale(next: PageLocale) {
  locale = next;
  survey.locale = next === "zh-cn" ? "" : next;
  document.documentElement.lang = LOCALE_INFO[next].htmlLang;
  document.title = survey.title || config.name;
}

function switchLocale(next: PageLocale) {
  applyLocale(next);
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    // Remembered for this page only.
  }
  const url = new URL(location.href);
  if (next === "zh-cn") url.searchParams.delete("lang");
  else url.searchParams.set("lang", next);
  history.replaceState(history.state, "", url);
  renderLanguageSwitch();
  renderStatus();
}

function renderLanguageSwitch() {
  langNav.textContent = "";
  langNav.hidden = locales.length < 2;
  langNav.setAttribute("aria-label", MESSAGES[locale].languageLabel);
  for (const l of locales) {
    const button = document.createElement("button");
    button.type = "button";
    button.lang = LOCALE_INFO[l].htmlLang;
    button.dataset.locale = l;
    button.textContent = LOCALE_INFO[l].label;
    button.setAttribute("aria-pressed", String(l === locale));
    button.addEventListener("click", () => switchLocale(l));
    langNav.append(button);
  }
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`respondent page: #${id} is missing`);
  return el;
}
