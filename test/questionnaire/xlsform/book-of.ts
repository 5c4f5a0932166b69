/** A {@link Book} from plain arrays, the first of each sheet its header row (rows numbered from 2, as in Excel). */
import type { Book } from "../../../src/questionnaire/xlsform/book.js";

export function bookOf(sheets: Record<string, string[][]>): Book {
  const book: Book = new Map();
  for (const [name, [headers = [], ...rows]] of Object.entries(sheets)) {
    book.set(name.toLowerCase(), { name, headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });
  }
  return book;
}
