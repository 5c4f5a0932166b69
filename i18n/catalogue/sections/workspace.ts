/**
 * The workspace pages (src/workspace/). Only strings, since the page receives them as JSON;
 * `{name}` marks a value the page fills in.
 */
import type { EditorWords } from "./workspace-editor.js";
import type { NewSurveyWords } from "./workspace-new-survey.js";
import type { VariableWords } from "./workspace-variables.js";
import type { WorkbenchWords } from "./workspace-workbench.js";

import type { ReportsWords } from "./workspace-reports.js";

export type { EditorWords, ReportsWords, VariableWords, WorkbenchWords };

export interface WorkspaceWords {
  /** The page's name, in the browser tab. */
  title: string;
  common: {
    loading: string;
    noScript: string;
    retry: string;
    cancel: string;
    save: string;
    saved: string;
    none: string;
    yes: string;
    no: string;
    actions: string;
    more: string;
    back: string;
    copy: string;
    copied: string;
    copyHint: string;
    /** When an answer is no problem+json (network down, server restarting). */
    networkError: string;
    /** Heading of an error box. */
    failed: string;
    notFound: string;
    /** A label of a time with the zone it is read in: "{label} ({zone})" */
    inZone: string;
  };
  nav: {
    main: string;
    skip: string;
    surveys: string;
    tokens: string;
    users: string;
    signOut: string;
    language: string;
    /** "{name} ({login})" */
    signedInAs: string;
    admin: string;
  };
  status: { draft: string; open: string; closed: string };
  roles: { admin: string; owner: string; editor: string; analyst: string; viewer: string };
  list: {
    heading: string;
    intro: string;
    empty: string;
    survey: string;
    status: string;
    version: string;
    today: string;
    total: string;
    completion: string;
    links: string;
    role: string;
    /** "v{version}" */
    versionShort: string;
    /** In the version column of a survey that has published nothing yet. */
    unpublished: string;
    draftHint: string;
  };
  tabs: {
    label: string;
    overview: string;
    responses: string;
    monitor: string;
    analysis: string;
    variables: string;
    reports: string;
    links: string;
    members: string;
    audit: string;
  };
  overview: {
    heading: string;
    status: string;
    statusHint: string;
    toOpen: string;
    toClosed: string;
    toDraft: string;
    /** "Status is now {status}" */
    statusChanged: string;
    closesAt: string;
    /** "{zone}" is the survey's time zone. */
    closesAtHint: string;
    /** The survey's time zone, as a fact beside its closing time. */
    timeZone: string;
    maxResponses: string;
    maxResponsesHint: string;
    saveLimits: string;
    noClosing: string;
    noCap: string;
    respondentLink: string;
    respondentHint: string;
    draftPreview: string;
    /** A new survey whose draft was never published: no respondent page yet. */
    unpublished: string;
    yourRole: string;
    /** "Only responses from {unit}" */
    scopedTo: string;
    counts: string;
    complete: string;
    partial: string;
    total: string;
  };
  responses: {
    heading: string;
    filters: string;
    unit: string;
    anyUnit: string;
    state: string;
    anyState: string;
    complete: string;
    partial: string;
    from: string;
    to: string;
    apply: string;
    reset: string;
    received: string;
    updated: string;
    completedAt: string;
    version: string;
    noUnit: string;
    open: string;
    empty: string;
    loadMore: string;
    /** "{n} shown" */
    shown: string;
    one: string;
    question: string;
    answer: string;
    notAnswered: string;
    delete: string;
    deleteAsk: string;
    deleteConfirm: string;
    deleted: string;
    toList: string;
  };
  monitor: {
    heading: string;
    total: string;
    complete: string;
    partial: string;
    /** "{zone}": the days are the survey's time-zone days. */
    perDay: string;
    /** "{zone}" as in perDay. */
    chartLabel: string;
    date: string;
    count: string;
    state: string;
    byUnit: string;
    byLevel: string;
    unit: string;
    level: string;
    expected: string;
    progress: string;
    noUnit: string;
    noLevel: string;
    empty: string;
  };
  links: {
    heading: string;
    intro: string;
    create: string;
    unit: string;
    label: string;
    level: string;
    levelHint: string;
    expected: string;
    /** "Made a link for {unit}" */
    created: string;
    code: string;
    url: string;
    responses: string;
    state: string;
    isOpen: string;
    isClosed: string;
    close: string;
    reopen: string;
    qr: string;
    /** "QR code of the link for {unit}" */
    qrAlt: string;
    cards: string;
    empty: string;
  };
  members: {
    heading: string;
    intro: string;
    login: string;
    name: string;
    role: string;
    unit: string;
    unitHint: string;
    wholeSurvey: string;
    addedAt: string;
    put: string;
    change: string;
    edit: string;
    remove: string;
    /** "Remove {login} from this survey?" */
    removeAsk: string;
    removeConfirm: string;
    /** "{login} is now {role}" */
    putDone: string;
    empty: string;
  };
  tokens: {
    heading: string;
    intro: string;
    label: string;
    labelHint: string;
    create: string;
    showOnce: string;
    owner: string;
    createdAt: string;
    state: string;
    active: string;
    /** "Revoked {at}" */
    revokedAt: string;
    revoke: string;
    /** "Revoke the token “{label}”? Programs using it stop working at once." */
    revokeAsk: string;
    revokeConfirm: string;
    empty: string;
    legacy: string;
  };
  audit: {
    heading: string;
    at: string;
    actor: string;
    action: string;
    survey: string;
    details: string;
    empty: string;
    system: string;
    loadMore: string;
    /** What each recorded action is called, by the log's `action` code (src/services/audit.ts checks it names every one). */
    actions: Record<
      | "survey.publish"
      | "survey.life"
      | "member.put"
      | "member.delete"
      | "token.create"
      | "token.revoke"
      | "user.create"
      | "user.update"
      | "link.create"
      | "link.change"
      | "export"
      | "import"
      | "response.delete"
      | "survey.create"
      | "draft.save"
      | "draft.publish",
      string
    >;
  };
  users: {
    heading: string;
    intro: string;
    login: string;
    name: string;
    password: string;
    passwordHint: string;
    admin: string;
    create: string;
    /** "Created the account {login}" */
    created: string;
    createdAt: string;
    state: string;
    active: string;
    disabled: string;
    disable: string;
    enable: string;
    /** "Disable {login}? Their sessions and tokens end at once." */
    disableAsk: string;
    you: string;
  };
  /** The questionnaire editor. */
  editor: EditorWords;
  /** The page for a new survey. */
  newSurvey: NewSurveyWords;
  /** The analysis workbench. */
  workbench: WorkbenchWords;
  /** The derived variables of a survey. */
  variables: VariableWords;
  /** Stored reports and their builder. */
  reports: ReportsWords;
}
