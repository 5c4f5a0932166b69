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
import { initialLocale, rememberLocale, renderLanguageSwitch } from "./language.js";
import { PAGE_LOCALE, type Language } from "../../i18n/language.js";
import { LOCALE_INFO, MESSAGES, PAGE_LANGUAGES, SURVEY_STRING_FIXES } from "./messages.js";
import { keepPageCountCurrent } from "./page-count.js";
import { explainChoiceLimits } from "./choice-limit.js";
import { keepTypedNumbers } from "./number-input.js";
import { ResponseStore, type SavedResponse } from "./response-store.js";
import { renderStatusPanel, type View } from "./status-panel.js";
import { type QuestionProblem, retryDelayMs, submitResponse } from "./submit.js";
import { uuidV4 } from "../lib/uuid.js";

interface Embedded {
  name: string;
  version: number;
  json: Record<string, unknown>;
}

const config = JSON.parse(byId("dj-survey").textContent ?? "{}") as Embedded;
const apiUrl = new URL(`../api/surveys/${encodeURIComponent(config.name)}/responses`, location.href).toString();
/** The collection link the page was opened through (`?c=`): sent with the answers, so they count for its unit. */
const linkCode = new URLSearchParams(location.search).get("c") || undefined;
/** The link's single-use invitation code (`?i=`), when the research group handed them out. */
const invitationCode = new URLSearchParams(location.search).get("i") || undefined;
const surveyRoot = byId("dj-survey-root");
const statusBox = byId("dj-status");
const doneBox = byId("dj-done");
const heading = byId("dj-heading");
const langNav = byId("dj-lang");

surveyLocalization.defaultLocale = "zh-cn";
for (const [lang, fixes] of Object.entries(SURVEY_STRING_FIXES) as [Language, Record<string, string>][]) {
  Object.assign(surveyLocalization.locales[PAGE_LOCALE[lang]] ?? {}, fixes);
}

const survey = new Model(config.json);
survey.showBrandInfo = false;
survey.showCompletedPage = false;
// The page already caps the width: let header and questions share it, so matrices get room.
if (config.json.widthMode === undefined) survey.widthMode = "responsive";
// Save as the respondent types, not on blur: a closed tab must not lose the last field.
survey.textUpdateMode = "onTyping";
(window as unknown as { survey: Model }).survey = survey;
keepPageCountCurrent(survey);
explainChoiceLimits(survey, (max) => MESSAGES[locale].choiceLimit(max));
keepTypedNumbers(survey, () => MESSAGES[locale].notANumber);

const store = new ResponseStore(config.name);
const locales = PAGE_LANGUAGES.filter((l) => l === "zh-Hans" || survey.getUsedLocales().includes(PAGE_LOCALE[l]));
let locale = initialLocale(locales);
let response: SavedResponse = store.resumable(config.version) ?? fresh();
let view: View = { kind: "editing", restored: false };
let rendered = false;
let attempts = 0;
let inFlight = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

applyLocale(locale);
if (response.status === "pending") {
  // Completed before the reload and not yet accepted: do not ask for the answers again.
  survey.data = response.data;
  show(false);
  setView({ kind: "sending" });
  void attempt();
} else {
  const restored = Object.keys(response.data).length > 0;
  if (response.version !== config.version) adoptIntoCurrentVersion();
  edit(restored);
}

survey.onValueChanged.add(persist);
survey.onDynamicPanelAdded.add(persist);
survey.onDynamicPanelRemoved.add(persist);
survey.onMatrixRowAdded.add(persist);
survey.onMatrixRowRemoved.add(persist);
survey.onCurrentPageChanged.add(() => {
  persist();
  if (view.kind === "editing" && view.restored) setView({ ...view, restored: false });
});
survey.onComplete.add(() => {
  response = { ...response, data: survey.data, version: config.version, status: "pending", link: linkCode ?? response.link, invitation: invitationCode ?? response.invitation };
  store.save(response);
  attempts = 0;
  show(false);
  setView({ kind: "sending" });
  void attempt();
});
addEventListener("pagehide", persist);
addEventListener("online", autoRetry);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") persist();
  else autoRetry();
});
addEventListener("beforeunload", (event) => {
  // Without storage, closing the page would lose the answers: ask first.
  if (!store.persistent && view.kind !== "done" && Object.keys(survey.data).length > 0) event.preventDefault();
});

/** Shows the form, or hides it while the completed response is being submitted. */
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
  show(true);
  setView({ kind: "editing", restored, problems });
}

function persist() {
  if (response.status !== "editing" || view.kind !== "editing") return;
  response = { ...response, data: survey.data, pageNo: survey.currentPageNo };
  store.save(response);
}

/** One submission attempt; after a network failure or a 5xx the next is scheduled with backoff. */
async function attempt() {
  if (inFlight || response.status !== "pending" || view.kind === "done") return;
  clearTimeout(retryTimer);
  inFlight = true;
  attempts += 1;
  if (view.kind === "waiting") setView({ kind: "sending" });
  const sent = response;
  // The server words its refusals (422 details and per-question reasons) in the page's language.
  const body = {
    id: sent.id,
    data: sent.data,
    complete: true as const,
    version: sent.version,
    ...(sent.link ? { link: sent.link } : {}),
    ...(sent.invitation ? { invitation: sent.invitation } : {}),
  };
  const outcome = await submitResponse(apiUrl, body, LOCALE_INFO[locale].htmlLang);
  inFlight = false;
  switch (outcome.kind) {
    case "stored":
      store.remove(sent.version);
      return setView({ kind: "done" });
    case "retry":
      retryTimer = setTimeout(() => void attempt(), retryDelayMs(attempts));
      return setView({ kind: "waiting", reason: outcome.reason });
    case "rejected":
      return setView({ kind: "rejected", problems: outcome.errors });
    case "conflict":
      return setView({ kind: "conflict" });
    case "failed":
      return setView({ kind: "failed", status: outcome.status, detail: outcome.detail });
  }
}

/** Back online, or back in view: do not wait out the backoff. */
function autoRetry() {
  if (view.kind === "waiting") void attempt();
}

function setView(next: View) {
  view = next;
  render();
}

function render() {
  // With the form hidden its header goes too: name the survey above the status.
  heading.hidden = view.kind === "editing";
  heading.textContent = survey.title || config.name;
  doneBox.hidden = view.kind !== "done";
  // completedHtml is the questionnaire author's HTML, shown as SurveyJS itself would show it.
  if (view.kind === "done") doneBox.innerHTML = survey.processedCompletedHtml;
  renderStatusPanel(
    statusBox,
    view,
    { messages: MESSAGES[locale], attempts, persistent: store.persistent, questionTitle },
    {
      retry: () => void attempt(),
      backToEdit: (problems) => {
        if (response.version !== config.version) adoptIntoCurrentVersion();
        response = { ...response, status: "editing" };
        store.save(response);
        edit(false, problems);
        questionAt(problems[0]?.question)?.focus(true);
      },
      submitAsNew: () => {
        // The server keeps what it has under the old id; these answers go in under a new one.
        response = { ...response, id: uuidV4() };
        store.save(response);
        attempts = 0;
        setView({ kind: "sending" });
        void attempt();
      },
    },
  );
}

/** A problem names a question, or a path into one ("matrix.row1", "panel[0].age"). */
function questionAt(path: string | undefined) {
  const name = path?.split(/[.[]/)[0];
  return name ? (survey.getQuestionByValueName(name) ?? survey.getQuestionByName(name)) : null;
}

function questionTitle(path: string): string {
  return questionAt(path)?.title ?? path;
}

/**
 * Answers saved for an older version carry over to the current one, for the questions
 * it still has (the server would refuse names it does not know).
 */
function adoptIntoCurrentVersion() {
  // fromEntries keeps each key an own property whatever its text (assigning "__proto__" into {} would not).
  const data = Object.fromEntries(
    Object.entries(response.data).filter(([key]) => {
      const name = key.endsWith("-Comment") ? key.slice(0, -"-Comment".length) : key;
      return Boolean(survey.getQuestionByValueName(name));
    }),
  );
  store.remove(response.version);
  response = { ...response, version: config.version, data, pageNo: 0 };
  store.save(response);
}

function fresh(): SavedResponse {
  return { id: uuidV4(), version: config.version, data: {}, pageNo: 0, status: "editing", savedAt: "" };
}

function applyLocale(next: Language) {
  locale = next;
  survey.locale = next === "zh-Hans" ? "" : PAGE_LOCALE[next];
  document.documentElement.lang = LOCALE_INFO[next].htmlLang;
  document.title = survey.title || config.name;
  renderLanguageSwitch(langNav, locales, next, MESSAGES[next].languageLabel, (chosen) => {
    applyLocale(chosen);
    rememberLocale(chosen);
    render();
  });
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`respondent page: #${id} is missing`);
  return el;
}
