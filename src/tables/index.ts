export type { ResultTable, TableCell, HeaderCell, CellFormat } from "./result-table.js";
export { frequencyTable, crosstabTable, ratioTable, numericTable } from "./analysis-tables.js";
export { writeXlsx } from "./write-xlsx.js";
export { writeCsv, type CsvOptions } from "./write-csv.js";
export { UTF8_BOM } from "../lib/csv.js";
export { tableWords, type TableWords } from "./table-words.js";
