/** Fixed words of the exports: flags, meta variables and the parts of column names. */
export interface ExportWords {
  /** A ticked option of a multi-select question, as a 0/1 column's label. */
  selected: string;
  notSelected: string;
  /** A cell of a question the respondent never saw (skip logic). */
  notAsked: string;
  complete: string;
  partial: string;
  id: string;
  version: string;
  /** Header of the column telling complete from partial responses. */
  completeQ: string;
  createdAt: string;
  completedAt: string;
  /** Header of the column naming the collection link's unit a response came through. */
  unit: string;
  /** Between a question and the part of it a column holds. */
  separator: string;
  /** After a question's name: the column of its 'other' text. */
  otherText: string;
  /** After a question's name: the column of its comment. */
  comment: string;
}
