/** The stored reports of a survey and their builder (src/workspace/pages/reports/). `{name}` marks a value the page fills in. */
export interface ReportsWords {
  intro: string;
  empty: string;
  create: string;
  newTitle: string;
  newTitleHint: string;
  language: string;
  /** "Report “{title}” made." */
  created: string;
  title: string;
  analyses: string;
  shared: string;
  updated: string;
  open: string;
  remove: string;
  /** "Delete the report “{title}”?" */
  removeAsk: string;
  /** "Report “{title}” deleted." */
  removed: string;
  back: string;
  save: string;
  /** "Saved (revision {revision})." */
  saved: string;
  unsaved: string;
  /** "Revision {revision}" */
  revision: string;
  reportTitle: string;
  introduction: string;
  introductionHint: string;
  placeholders: string;
  items: string;
  itemsEmpty: string;
  /** "Analysis {number}" */
  itemLabel: string;
  itemTitle: string;
  itemNote: string;
  moveUp: string;
  moveDown: string;
  removeItem: string;
  dragHint: string;
  /** "“{title}” is now number {position}." */
  moved: string;
  kinds: { frequencies: string; crosstab: string; ratio: string; numeric: string };
  add: string;
  kind: string;
  question: string;
  row: string;
  column: string;
  numerator: string;
  denominator: string;
  by: string;
  noGroup: string;
  addButton: string;
  /** "“{title}” added; save to keep it." */
  added: string;
  preview: string;
  previewRefresh: string;
  previewFrame: string;
  previewHint: string;
  download: string;
  share: string;
  shareIntro: string;
  shareCreate: string;
  shareRevoke: string;
  shareUrl: string;
  shareNone: string;
  shareMade: string;
  shareRevoked: string;
}
