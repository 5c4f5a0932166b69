/** The typed model of a questionnaire: what each question stores, with its texts in every language. */
import type { Texts } from "./texts.js";

export type Scalar = string | number | boolean;
export type SpecialItem = "other" | "none" | "refused" | "dontknow";

/** A choice, row or column: its stored value and its text in every language. */
export interface Item {
  value: Scalar;
  texts: Texts;
  special?: SpecialItem;
  /** Ticking it clears every other choice (none, refused, don't know, or a choice marked `isExclusive`). */
  exclusive?: true;
  /** Offered only by older versions of the questionnaire (set by the merge of versions). */
  retired?: true;
}

/** Where the "other, please specify" text is stored: `<key>-Comment`, or in place of the value. */
export type OtherText = "comment" | "value" | null;

/** How one cell of a matrixdropdown row is stored. */
export type CellSpec =
  | { kind: "single"; items: Item[]; otherText: OtherText }
  | { kind: "multi"; items: Item[] }
  | { kind: "boolean"; valueTrue: Scalar; valueFalse: Scalar; labelTrue: Texts; labelFalse: Texts }
  | { kind: "number" }
  | { kind: "text" };

export interface MatrixColumn {
  name: string;
  texts: Texts;
  cell: CellSpec;
}

export interface QuestionCommon {
  /** The data key (`valueName || name`). */
  key: string;
  name: string;
  /** survey-core type. */
  type: string;
  title: Texts;
  /** Title of the panel the question sits in, if it has one. */
  group?: Texts;
  /** visibleIf of the question, its panels and page: all must hold for it to be asked. */
  conditions: string[];
  /** The question or a container is `visible: false`: never asked. */
  hidden: boolean;
  /** `<key>-Comment` holds a free comment (the comment area, not "other"). */
  commentKey?: string;
  /**
   * Answers its definition reads, lower-cased: every `{name}`, `{name.x}` or `{name[0]}` in its
   * conditions, validators, texts and cells. An answer that could not be read leaves these undecided.
   */
  references: string[];
}

/** What a question stores, by kind. */
export type QuestionSpec = QuestionCommon &
  (
    | { kind: "single"; items: Item[]; measure: "nominal" | "ordinal"; otherText: OtherText }
    | { kind: "multi"; items: Item[]; otherText: OtherText; valuePropertyName?: string; maxSelected: number | null }
    | { kind: "ranking"; items: Item[] }
    /** Choices known only at run time (from a URL, another question's rows): values kept as text. */
    | { kind: "list"; multiple: boolean }
    | { kind: "boolean"; valueTrue: Scalar; valueFalse: Scalar; labelTrue: Texts; labelFalse: Texts }
    | { kind: "number" }
    | { kind: "date" }
    | { kind: "text" }
    | { kind: "matrix"; rows: Item[]; columns: Item[]; multiple: boolean }
    | { kind: "matrixdropdown"; rows: Item[]; columns: MatrixColumn[] }
    | { kind: "multipletext"; items: { name: string; texts: Texts; numeric: boolean }[] }
    /** Repeating structures (dynamic panels, dynamic matrices): kept whole, as JSON text. */
    | { kind: "json" }
    /** Expression results: numbers or text, whatever the formula gives. */
    | { kind: "computed" }
  );

export type QuestionKind = QuestionSpec["kind"];

/** One published version of a questionnaire. */
export interface QuestionnaireVersion {
  title: Texts;
  /** Every answerable question in questionnaire order, one per data key. */
  questions: QuestionSpec[];
  /** survey-core cannot read this version (stored before publication refused what it breaks on): no questions. */
  unreadable?: true;
}

/** A question matched by name across versions. */
export type MergedQuestion = QuestionSpec & {
  /** The data key in each version that has the question. */
  keys: Map<number, string>;
};

/** Several versions of one questionnaire merged by question name, newest first. */
export interface Questionnaire {
  /** The newest version's title. */
  title: Texts;
  /** The merged versions, newest first. */
  versions: number[];
  questions: MergedQuestion[];
}
