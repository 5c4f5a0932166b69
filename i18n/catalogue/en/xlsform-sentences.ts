/** What the server says in English about spreadsheet (XLSForm) questionnaires. */
export const xlsform = {
  failed: (p: { count: number }) => `The workbook has ${p.count} problem(s); nothing was converted. Correct them and upload the whole workbook again.`,
  place: (p: { sheet: string; row: number; column: string }) => `sheet '${p.sheet}', row ${p.row}, column '${p.column}'`,
  noSheet: (p: { sheet: string }) => `The workbook has no sheet named '${p.sheet}'.`,
  noColumn: (p: { sheet: string; column: string }) => `Sheet '${p.sheet}' has no column '${p.column}'.`,
  unknownType: (p: { type: string }) =>
    `'${p.type}' is not a question type read here: use text, integer, decimal, date, note, range, select_one <list>, select_multiple <list> (optionally followed by or_other), begin_group and end_group, begin_repeat and end_repeat (not one inside another).`,
  missingName: () => "The row has a type but no name.",
  badName: (p: { name: string }) => `'${p.name}' is not a usable name: start with a letter or '_', then use letters, digits, '_', '-' or '.'.`,
  duplicateName: (p: { name: string; row: number }) => `The name '${p.name}' is also used in row ${p.row}.`,
  missingList: (p: { type: string }) => `'${p.type}' needs the name of a choice list after it, e.g. '${p.type} yes_no'.`,
  unknownList: (p: { list: string }) => `There is no choice list '${p.list}' in the choices sheet.`,
  choiceWithoutName: () => "The choice has no name (its value).",
  choiceWithoutList: () => "The choice has a name but no list_name.",
  duplicateChoice: (p: { name: string; list: string; row: number }) => `List '${p.list}' already has a choice '${p.name}' (row ${p.row}).`,
  unclosedGroup: (p: { name: string; end: string }) => `'${p.name}' is never closed by an ${p.end}.`,
  strayEnd: (p: { end: string; begin: string }) => `This ${p.end} closes no ${p.begin}.`,
  badYesNo: (p: { value: string }) => `'${p.value}' is neither yes nor no.`,
  unsupportedExpression: (p: { construct: string; value: string }) =>
    `'${p.construct}' in '${p.value}' cannot be translated: write conditions with \${name}, '.', selected(), count-selected(), string-length(), not(), and, or, comparisons, + - * div mod, numbers and strings (and date('YYYY-MM-DD') only as a date question's limit, e.g. . <= date('2025-12-31')).`,
  unsupportedColumn: (p: { column: string }) =>
    `The column '${p.column}' is not read here; leave it empty. Read are type, name, label, hint, required, required_message, relevant, constraint, constraint_message, appearance and (for range) parameters.`,
  unknownLanguage: (p: { language: string }) =>
    `'${p.language}' is not a language the form can show: use zh-Hans, zh-Hant, en, or a language code SurveyJS knows, e.g. 'French (fr)'.`,
  unsupportedAppearance: (p: { appearance: string; type: string }) => `The appearance '${p.appearance}' is not read for '${p.type}'.`,
  noQuestions: () => "The survey sheet has no questions.",
  badRange: (p: { value: string }) =>
    `'${p.value}' is not a range read here: write start=, end= and step= with numbers (start below end, a step that divides the distance), e.g. 'start=1 end=5 step=1'.`,
  badStyle: (p: { value: string }) => `The style '${p.value}' is not read: leave it empty or write 'pages' (each top-level group is a page).`,
  questionnaire: (p: { reason: string }) => `The questionnaire made from the sheet cannot be published: ${p.reason}`,
};
