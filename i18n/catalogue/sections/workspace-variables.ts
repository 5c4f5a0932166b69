/** The variables page of the workspace: derived variables (recodes) of a survey. */
export interface VariableWords {
  intro: string;
  empty: string;
  name: string;
  nameHint: string;
  label: string;
  from: string;
  pickSource: string;
  rule: string;
  rules: { groups: string; bins: string; option: string; equals: string };
  /** What each rule does, under the rule's choice. */
  ruleHints: { groups: string; bins: string; option: string; equals: string };
  define: string;
  edit: string;
  editing: string;
  update: string;
  remove: string;
  removeConfirm: string;
  created: string;
  updated: string;
  removed: string;
  group: string;
  groupName: string;
  addGroup: string;
  removeGroup: string;
  binLabel: string;
  binMin: string;
  binMax: string;
  addBin: string;
  removeBin: string;
  unbounded: string;
  equalsValue: string;
  summary: { groups: string; bins: string; option: string; equals: string };
  check: string;
  checking: string;
  category: string;
  count: string;
  percent: string;
  base: string;
  live: string;
  reconnecting: string;
}
