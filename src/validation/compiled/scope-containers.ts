/**
 * The part of the compiled checker's allow-list about dynamic panels and dropdown matrices
 * (container.ts, totals.ts): what the container itself may carry, and which of its inner
 * questions and columns are checked like top-level ones (by scope.ts, handed in as `inner`).
 */
type Json = Record<string, unknown>;

/** Checks one inner question (a template element, or a column as a question of its cellType); `extra`: properties allowed beyond its type's. */
export type InnerScope = (element: Json, type: string, extra: ReadonlySet<string>, where: string, because: string[]) => void;

const LOOKS = ["title", "description", "width", "minWidth", "maxWidth", "startWithNewLine", "titleLocation", "descriptionLocation", "hideNumber", "state", "indent"];
const CONTAINER = ["type", "name", "visibleIf", ...LOOKS];

/** No isRequired, requiredIf or validators on the container itself: survey-core's rules for those are not compiled. */
export const CONTAINERS: Record<string, ReadonlySet<string>> = {
  paneldynamic: new Set([
    ...CONTAINER,
    "templateElements",
    "templateTitle",
    "templateDescription",
    "panelCount",
    "minPanelCount",
    "maxPanelCount",
    "panelAddText",
    "panelRemoveText",
    "renderMode",
    "displayMode",
  ]),
  matrixdynamic: new Set([...CONTAINER, "columns", "rowCount", "maxRowCount", "addRowText", "removeRowText", "columnMinWidth"]),
  matrixdropdown: new Set([...CONTAINER, "columns", "rows", "columnMinWidth"]),
};

/** Cell types whose template question is checked as the top-level question of that type. */
const CELL_TYPES = new Set(["text", "comment", "dropdown", "radiogroup", "checkbox", "tagbox", "boolean", "rating"]);
/** What a column adds to its cell question's properties (the rest of a column's are looks, or not compiled). */
const COLUMN = new Set(["cellType", "totalType", "minWidth", "width"]);
/** Template elements: questions whose answers sit in one panel entry. */
const TEMPLATE_TYPES = new Set(["text", "comment", "dropdown", "radiogroup", "checkbox", "tagbox", "boolean", "rating", "html"]);
const NOTHING: ReadonlySet<string> = new Set();

/** Everything inside a dynamic panel or a dropdown matrix that the compiled checker does not implement. */
export function containerScope(element: Json, where: string, underCondition: boolean, inner: InnerScope, because: string[]): void {
  const type = String(element.type);
  if (type === "paneldynamic") {
    templateScope(element.templateElements, where, inner, because);
    return;
  }
  const columns = Array.isArray(element.columns) ? (element.columns as Json[]) : [];
  if (columns.length === 0) because.push(`${where}: no columns`);
  const names = new Set<string>();
  columns.forEach((column, i) => {
    const at = `${where}.columns[${i}] (${String(column.name)})`;
    const cellType = String(column.cellType);
    // The matrix's default cell type reads the matrix's own choices: only explicit cell types are compiled.
    if (!CELL_TYPES.has(cellType)) because.push(`${at}: cellType "${cellType}"`);
    // A column's visibleIf is named once, below: cells are not hidden row by row here.
    else inner({ ...column, type: cellType, visibleIf: undefined }, cellType, COLUMN, at, because);
    uniqueName(column.name, names, at, because);
    if (column.visibleIf !== undefined) because.push(`${at}: property "visibleIf"`);
    const total = column.totalType;
    if (total !== undefined && total !== "none" && total !== "sum") because.push(`${at}: totalType "${String(total)}"`);
    // A hidden matrix's totals row is cleared with it or not by rules not compiled here.
    if (total === "sum" && (underCondition || element.visibleIf !== undefined)) because.push(`${at}: a totals row under a visibleIf`);
  });
  if (type === "matrixdropdown" && Array.isArray(element.rows)) {
    (element.rows as unknown[]).forEach((row, i) => {
      if (typeof row === "object" && row !== null && Object.keys(row).some((k) => k !== "value" && k !== "text"))
        because.push(`${where}.rows[${i}]: a row with more than a value and a text`);
    });
  }
}

function templateScope(list: unknown, where: string, inner: InnerScope, because: string[]): void {
  if (!Array.isArray(list) || list.length === 0) {
    because.push(`${where}: no templateElements`);
    return;
  }
  const names = new Set<string>();
  (list as Json[]).forEach((element, i) => {
    const at = `${where}.templateElements[${i}] (${String(element.name)})`;
    const type = String(element.type);
    if (!TEMPLATE_TYPES.has(type)) {
      because.push(`${at}: question type "${type}" in a dynamic panel`);
      return;
    }
    uniqueName(element.name, names, at, because);
    inner(element, type, NOTHING, at, because);
  });
}

function uniqueName(name: unknown, names: Set<string>, where: string, because: string[]): void {
  const key = String(name).toLowerCase();
  if (names.has(key)) because.push(`${where}: a second question named "${String(name)}"`);
  names.add(key);
}
