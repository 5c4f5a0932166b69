/** Fixed words of the exports. */
import type { ExportWords } from "../sections/export.js";

export const exportWords: ExportWords = {
  selected: "Selected",
  notSelected: "Not selected",
  notAsked: "Not asked (skipped)",
  complete: "Complete",
  partial: "Partial",
  id: "Response id",
  version: "Questionnaire version",
  completeQ: "Complete",
  createdAt: "Submitted at (UTC)",
  completedAt: "Completed at (UTC)",
  unit: "Collection unit",
  separator: ": ",
  otherText: " (text)",
  comment: " (comment)",
};
