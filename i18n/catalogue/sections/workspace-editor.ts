/** The questionnaire editor of the workspace (src/workspace/editor/). `{name}` marks a value the page fills in. */
export interface EditorWords {
  /** The link from a survey's page to its editor. */
  open: string;
  heading: string;
  outline: string;
  survey: string;
  page: string;
  addPage: string;
  addPanel: string;
  addQuestion: string;
  questionType: string;
  moveUp: string;
  moveDown: string;
  remove: string;
  /** "Delete “{name}”?" */
  removeAsk: string;
  dragHint: string;
  formView: string;
  jsonView: string;
  /** Heading of the JSON's parse error: the form keeps the last valid draft. */
  jsonInvalid: string;
  nothingSelected: string;
  name: string;
  title: string;
  description: string;
  required: string;
  inputType: string;
  inputTypes: { text: string; number: string; date: string; email: string };
  min: string;
  max: string;
  choices: string;
  /** How to paste choices: one a line, value and text split by a tab or "=". */
  choicesHint: string;
  rows: string;
  columns: string;
  items: string;
  showOther: string;
  maxSelected: string;
  rateMin: string;
  rateMax: string;
  html: string;
  logic: string;
  visibleIf: string;
  requiredIf: string;
  logicQuestion: string;
  logicAny: string;
  /** The raw SurveyJS expression, editable. */
  expression: string;
  clear: string;
  problems: string;
  noProblems: string;
  /** "{n} problems" */
  problemCount: string;
  preview: string;
  previewLanguage: string;
  desktop: string;
  phone: string;
  saving: string;
  saved: string;
  unsaved: string;
  /** 409: "Someone else saved this draft ({detail}). Reload to see their version; your text stays here until you do." */
  stale: string;
  reload: string;
  publish: string;
  publishHeading: string;
  /** "Changes against version {version}" */
  diffAgainst: string;
  diffNew: string;
  diff: {
    surveyTexts: string;
    added: string;
    removed: string;
    retitled: string;
    typeChanged: string;
    choicesAdded: string;
    choicesRemoved: string;
    logicChanged: string;
    rowsAdded: string;
    rowsRemoved: string;
    columnsAdded: string;
    columnsRemoved: string;
    rowsRetitled: string;
    columnsRetitled: string;
    pagesChanged: string;
  };
  /** One change of a text in a diff: "{what} ({language}): {before} → {after}". */
  diffText: string;
  noChanges: string;
  publishConfirm: string;
  /** "Published as version {version}." */
  published: string;
  xlsx: string;
  xlsxDownload: string;
  /** Saves the draft and downloads it as a workbook. */
  xlsxDraft: string;
  /** The label of the choice of a published version to download. */
  xlsxVersion: string;
  /** "Version {version}" */
  xlsxVersionN: string;
  xlsxTemplate: string;
  xlsxUpload: string;
  /** Before an uploaded workbook replaces the draft. */
  xlsxReplaceAsk: string;
  xlsxReplaced: string;
  /** "{sheet}, row {row}, column {column}" */
  xlsxWhere: string;
  /** The toolbar button that fills every missing Traditional text from the Simplified one. */
  fillTraditional: string;
  /** The reverse, for a draft written in Traditional only. */
  fillSimplified: string;
  /** The Traditional standard the fill follows. */
  traditionalStandard: string;
  standards: { tw: string; hk: string };
  /** "{n} texts filled in automatically: check them." */
  filledCount: string;
  /** When every text already has both scripts. */
  filledNone: string;
  /** The mark on a text made by machine conversion, not yet checked by a person. */
  autoConverted: string;
  /** Its button: the text is right as it is. */
  confirmConverted: string;
  bank: string;
  bankSearch: string;
  bankEmpty: string;
  bankInsert: string;
  /** "Inserted {name}." */
  bankInserted: string;
  /** "Renamed {from} to {to} (its name was taken)." */
  bankRenamed: string;
  /** "Its logic reads questions this draft does not have: {names}." */
  bankDangling: string;
  types: Record<
    "text" | "comment" | "radiogroup" | "checkbox" | "dropdown" | "tagbox" | "boolean" | "rating" | "ranking" | "matrix" | "matrixdropdown" | "multipletext" | "html" | "panel",
    string
  >;
  languages: { "zh-Hans": string; "zh-Hant": string; en: string };
}
