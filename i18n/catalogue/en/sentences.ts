/**
 * What the server says in English: problem+json details, per-field reasons, import problems
 * and answer checks. These functions are the reference: their parameters are every language's.
 */

/** A list of quoted values as the English sentences print them. */
const list = (values: readonly string[], join = ", ") => values.join(join);

export const sentences = {
  http: {
    notFound: (p: { method: string; path: string }) => `Nothing at ${p.method} ${p.path}.`,
    internal: () => "The server failed to handle this request.",
    tokenMissing: () => "This call needs a researcher token: Authorization: Bearer <token> (npm run cli -- token create <label>).",
    tokenInvalid: () => "The researcher token is not valid or has been revoked.",
  },
  surveys: {
    badName: () => "The survey name is not valid.",
    nameRule: () => "use 1–80 lower-case letters, digits, '-' or '_', starting with a letter or digit",
    questionnaireProblems: (p: { name: string; count: number }) => `The questionnaire of '${p.name}' has ${p.count} problem(s).`,
    typeChangeRefused: (p: { key: string; answers: number; from: string; to: string }) =>
      `Question '${p.key}' already has ${p.answers} answer(s) as type '${p.from}'; ` +
      `a new version cannot make it '${p.to}'. Give the changed question a new name instead.`,
    typeChange: (p: { from: string; to: string }) => `type changes from '${p.from}' to '${p.to}' but answers exist`,
    notFound: (p: { name: string }) => `There is no survey '${p.name}'.`,
    noVersion: (p: { name: string; version: number }) => `Survey '${p.name}' has no version ${p.version}.`,
  },
  responses: {
    answersInvalid: (p: { name: string; version: number; count: number }) =>
      `The answers do not fit version ${p.version} of '${p.name}': ${p.count} question(s) need attention.`,
    idInUse: (p: { id: string }) => `Response id ${p.id} is already in use; make a new id.`,
    differentAnswers: (p: { id: string }) => `Response ${p.id} was already submitted with different answers; the first submission stands.`,
    badCursor: () => "The 'after' cursor is not one this server gave out.",
    badCursorField: () => "not a valid cursor",
  },
  exports: {
    badTime: (p: { field: string }) => `${p.field} must be a date (YYYY-MM-DD) or an ISO 8601 time.`,
    notATime: (p: { raw: string }) => `'${p.raw}' is not a date`,
  },
  imports: {
    noHeader: () => "The file has no header row: the first row must name the columns.",
    failed: (p: { problems: number; badRows: number; rows: number; listed: number }) =>
      `Nothing was imported: ${p.problems} problem(s) in ${p.badRows} row(s) of ${p.rows}` +
      `${p.listed < p.problems ? ` (the first ${p.listed} are listed)` : ""}. Correct them and import the whole file again.`,
    notXlsx: () => "The file looks like XLSX (a zip) but cannot be opened.",
    tooLarge: (p: { bytes: number }) => `The workbook unpacks to more than ${p.bytes} bytes.`,
    unreadableXlsx: () => "The XLSX file cannot be read; save it again from Excel or WPS and retry.",
    noSheet: () => "The workbook has no sheet.",
    raced: (p: { count: number }) => `${p.count} response id(s) were stored with other answers while the file was imported; nothing was imported.`,
    racedRow: (p: { id: string }) => `Response ${p.id} already exists with other answers.`,
    storedOtherwise: (p: { id: string }) => `Response ${p.id} is already stored with other answers; the stored response stands.`,
    idOfOtherSurvey: (p: { id: string }) => `Response id ${p.id} is already in use; give the row another id.`,
    duplicateId: (p: { id: string; first: number }) => `Id '${p.id}' is also used by row ${p.first}.`,
    unknownVersion: (p: { version: number | undefined }) => `The survey has no version ${p.version}.`,
    emptyCell: () => "The cell is empty.",
    notAChoice: (p: { text: string; choices: string }) => `'${p.text}' is not one of the choices: ${p.choices}.`,
    notChoices: (p: { unread: string[]; choices: string }) =>
      `${list(p.unread.map((u) => `'${u}'`))} ${p.unread.length === 1 ? "is" : "are"} not among the choices: ${p.choices}.`,
    notATick: (p: { text: string }) => `'${p.text}' is not a tick: use 1 (selected) or 0 / empty (not selected).`,
    notFinite: () => "The cell holds no finite number.",
    notANumber: (p: { text: string }) => `'${p.text}' is not a number.`,
    notYesOrNo: (p: { text: string; yes: string; no: string }) => `'${p.text}' is neither '${p.yes}' nor '${p.no}'.`,
    notADate: (p: { text: string }) => `'${p.text}' is not a date (write YYYY-MM-DD).`,
    notJson: (p: { text: string }) => `'${p.text}' is not valid JSON.`,
    notAVersion: (p: { text: string }) => `'${p.text}' is not a version number.`,
    notComplete: (p: { text: string }) => `'${p.text}' is not 1/0 (complete or not).`,
    notARank: (p: { text: string }) => `'${p.text}' is not a rank (1, 2, 3, …).`,
    listAndTicks: () => "The question has both a list column and option columns; keep one.",
    sameRank: () => "Two choices have the same rank.",
    missingHeader: (p: { letter: string }) => `Column ${p.letter} holds answers but has no header.`,
    unknownColumn: (p: { header: string }) =>
      `'${p.header}' matches no question: use a variable name, question name or question text from the codebook, or leave the column out (ignore=${p.header}).`,
    ambiguousColumn: (p: { header: string; candidates: string[] }) =>
      `'${p.header}' could mean ${list(p.candidates.map((a) => `'${a}'`), " or ")}: use the variable name instead.`,
    duplicateColumn: (p: { header: string; earlier: string }) => `'${p.header}' answers the same as column '${p.earlier}'; keep one of them.`,
  },
  analysis: {
    badRequest: () => "The analysis request does not have the expected fields.",
    cannotCompute: (p: { what: string; reason: string }) => `The ${p.what} cannot be computed for these data: ${p.reason}`,
    wrongKind: (p: { name: string; type: string; what: string }) => `Question '${p.name}' (${p.type}) cannot be used as ${p.what}.`,
    wrongKindField: (p: { name: string; type: string; what: string; kinds: string[] }) =>
      `'${p.name}' is a ${p.type} question; ${p.what} must be a ${list(p.kinds, " or ")} question`,
    notNumeric: (p: { name: string; type: string }) => `Question '${p.name}' (${p.type}) does not hold numbers.`,
    notNumericField: (p: { name: string; type: string }) =>
      `'${p.name}' is a ${p.type} question; a number question (text with inputType number, rating or expression) is needed`,
    filterMismatch: () => "A filter does not fit the questionnaire.",
    weightMismatch: () => "The weighting does not fit the questionnaire.",
    populationMismatch: () => "The population counts do not fit the analysed respondents.",
    populationTooSmall: () => "populationSize is smaller than the number of analysed respondents.",
    populationTooSmallField: (p: { populationSize: number; respondents: number }) => `${p.populationSize} < ${p.respondents} analysed respondents`,
    multiSelectColumn: () => "Put the multi-select question in `row` and the single-choice one in `column`.",
    multiSelectColumnField: (p: { name: string }) => `'${p.name}' is multi-select; a cross-tab takes a multi-select question only as its row`,
    sameQuestion: () => "A question cannot be cross-tabulated with itself.",
    sameQuestionField: () => "choose a different question than `row`",
    rowOptionMismatch: () => "rowOption does not fit the row question.",
    histogramGroups: () => "A histogram shows one distribution; compare groups with chart boxplot.",
    histogramGroupsField: () => "chart histogram takes no `by`; use chart boxplot for groups",
    filterNotChoice: (p: { name: string; type: string }) => `'${p.name}' is a ${p.type} question; filters take choice questions`,
    notAChoiceOf: (p: { value: string; name: string; offered: string[] }) => `'${p.value}' is not a choice of '${p.name}' (choices: ${list(p.offered)})`,
    weightNotSingle: (p: { name: string; type: string }) => `'${p.name}' is a ${p.type} question; weighting needs a single-choice question`,
    alreadyWeighting: (p: { name: string }) => `'${p.name}' is already a weighting variable`,
    noPopulation: (p: { label: string; n: number }) => `no population count for '${p.label}', which ${p.n} analysed respondent(s) chose`,
    populationZero: (p: { label: string; n: number }) => `'${p.label}' has population 0 but ${p.n} analysed respondent(s)`,
    populationUnused: (p: { label: string; population: number }) => `'${p.label}' has population ${p.population} but no analysed respondent to carry it`,
    noWeightAnswers: () => "no analysed respondent answered the weighting question(s)",
  },
  /** What an analysis computes, for "cannot be computed" details. */
  computations: {
    frequencyTable: () => "frequency table",
    weightedFrequencyTable: () => "weighted frequency table",
    crosstab: () => "cross-tab",
    weightedCrosstab: () => "weighted cross-tab",
    ratio: () => "ratio",
    weightedRatio: () => "weighted ratio",
    numericSummary: () => "numeric summary",
    histogram: () => "histogram",
    weighting: () => "weighting",
  },
  /** The part a question plays in an analysis. */
  roles: {
    frequencyQuestion: () => "the question of a frequency table",
    crosstabRow: () => "the row of a cross-tab",
    crosstabColumn: () => "the column of a cross-tab",
    ratioGrouping: () => "the grouping of a ratio",
    numericGrouping: () => "the grouping of a numeric summary",
  },
  kinds: {
    single: () => "single-choice",
    multiple: () => "multi-select",
    numeric: () => "numeric",
    other: () => "other",
  },
  report: {
    inAnalysis: (p: { index: number; detail: string }) => `Analysis ${p.index} of the report: ${p.detail}`,
    definitionInvalid: () => "The report definition does not have the expected fields.",
    formatMismatch: () => "The requested format or chart does not fit this analysis.",
    crosstabChart: () => "The requested chart does not fit this cross-tab.",
    crosstabChartField: (p: { chart: string }) =>
      `chart ${p.chart} needs a single-choice row question (or one option of it with rowOption); a multi-select row is drawn as bars`,
    cannotDraw: (p: { why: string }) => `This result cannot be drawn: ${p.why}.`,
    chartNotOfAnalysis: (p: { type: string; kinds: string[]; chart: string }) => `a ${p.type} analysis is drawn as ${list(p.kinds, " or ")}, not ${p.chart}`,
    heatmapWeighted: () => "a heatmap shows adjusted residuals, which weighted cross-tabs do not have; use bars or stacked",
    pngOnly: (p: { field: string; format: string }) => `${p.field} sizes a PNG; it does not apply to format ${p.format}`,
    scaleOrWidth: () => "give either scale or width, not both",
  },
  answers: {
    at: (p: { at: string; message: string }) => `${p.at}: ${p.message}`,
    notAnObject: (p: { got: string }) => `The answers must be a JSON object keyed by question, got ${p.got}.`,
    noAnswerExpected: (p: { key: string }) => `Question ${p.key} takes no answer.`,
    unknownQuestion: (p: { key: string }) => `Unknown question ${p.key}.`,
    uncheckable: (p: { reason: string }) => `The answers could not be checked: ${p.reason}.`,
    wrongType: (p: { expected: string; got: string }) => `Expected ${p.expected}, got ${p.got}.`,
    notAChoice: (p: { value: string }) => `${p.value} is not one of the choices.`,
    duplicateChoice: (p: { value: string }) => `${p.value} is selected twice.`,
    exclusiveChoice: (p: { value: string }) => `${p.value} cannot be selected together with other choices.`,
    tooManyChoices: (p: { max: number; got: number }) => `At most ${p.max} choices may be selected, got ${p.got}.`,
    incompleteRanking: (p: { missing: string[] }) => `The ranking must order every choice; missing ${list(p.missing)}.`,
    notValueObject: (p: { property: string; got: string }) => `Expected an object {"${p.property}": value}, got ${p.got}.`,
    notPlainJson: () => "Expected a computed value (plain JSON); this value is nested too deeply or is not JSON.",
    unknownKey: (p: { kind: string; key: string }) => `Unknown ${p.kind} ${p.key}.`,
    tooManyEntries: (p: { max: number; kind: string; got: number }) => `At most ${p.max} ${p.kind}s are allowed, got ${p.got}.`,
    notAColumn: (p: { value: string }) => `${p.value} is not one of the columns.`,
    exclusiveColumn: (p: { value: string }) => `${p.value} cannot be selected together with other columns.`,
    tooLong: (p: { max: number; got: number }) => `At most ${p.max} characters are allowed, got ${p.got}.`,
    notADate: (p: { got: string }) => `Expected a date written YYYY-MM-DD, got ${p.got}.`,
    notBoolean: (p: { yes: string; no: string; got: string }) => `Expected ${p.yes} or ${p.no}, got ${p.got}.`,
    notOnScale: (p: { value: string; scale: string[] }) => `${p.value} is not a value of the rating scale (${list(p.scale)}).`,
    unsupportedType: (p: { type: string }) => `Question type "${p.type}" is not supported.`,
  },
  /** The `base` of analysis results: whom each percentage or estimate is of. */
  bases: {
    frequencyCases: (p: { n: number; missing: number; notAsked: number }) =>
      `respondents with a valid answer (n = ${p.n}); missing (${p.missing}) and not asked (${p.notAsked}) excluded`,
    frequencyResponses: (p: { mentions: number }) => `answers given (mentions = ${p.mentions})`,
    weightedCases: (p: { n: number; weightedN: string; missing: number; notAsked: number; excluded: number }) =>
      `weighted respondents with a valid answer (n = ${p.n}, weighted ${p.weightedN}); missing (${p.missing}) and not asked (${p.notAsked}) excluded` +
      (p.excluded > 0 ? `; ${p.excluded} respondent(s) without a weighting answer left out of the design` : ""),
    weightedResponses: (p: { mentions: number }) => `weighted answers given (mentions = ${p.mentions})`,
    rowPercent: () => "of the row total",
    columnPercent: () => "of the column total",
    totalPercent: (p: { missing: number }) => `of respondents who answered both questions (missing either: ${p.missing}, left out)`,
    optionRows: (p: { name: string; value: string }) => `respondents who answered '${p.name}' and ticked '${p.value}' or did not`,
    multipleColumnPercent: (p: { name: string }) =>
      `of respondents in the column who answered '${p.name}' (bases); a respondent can tick several options`,
    multipleResponsePercent: () => "of the ticks given in the column (mentions)",
    numeric: (p: { name: string }) => `respondents with a number for '${p.name}'; missing and not asked counted apart`,
    ratio: (p: { numerator: string; denominator: string; answered: number; analysed: number }) =>
      `respondents who gave both '${p.numerator}' and '${p.denominator}' (${p.answered} of ${p.analysed}); variance over all ${p.analysed} analysed respondents (groups are domains)`,
  },
  /** How answers and expected answers are named inside the sentences above. */
  types: {
    null: () => "null",
    string: () => "a string",
    number: () => "a number",
    boolean: () => "a boolean",
    array: () => "an array",
    object: () => "an object",
    undefined: () => "an undefined",
    bigint: () => "a bigint",
    symbol: () => "a symbol",
    function: () => "a function",
    choiceValue: () => "a choice value (string, number or boolean)",
    choiceArray: () => "an array of choice values",
    columnArray: () => "an array of column values",
    dateString: () => "a date string (YYYY-MM-DD)",
    ratingValue: () => "a rating value",
    rowsObject: () => "an object of rows",
    panelObject: () => "a panel object",
    rowObject: () => "a row object",
    entryArray: (p: { kind: string }) => `an array of ${p.kind}s`,
    entryObject: (p: { kind: string }) => `a ${p.kind} object`,
  },
  /** What the keys inside composite answers are called. */
  keyKinds: {
    row: () => "row",
    column: () => "column",
    item: () => "item",
    question: () => "question",
    panel: () => "panel",
  },
};
