/** What the server says in English about reports stored with a survey, their texts' placeholders and share links. */
export const reports = {
  notFound: (p: { name: string; id: number }) => `Survey '${p.name}' has no report ${p.id}.`,
  stale: (p: { id: number; revision: number; stored: number }) =>
    `Report ${p.id} is at revision ${p.stored}; this save was based on revision ${p.revision}. Nothing was overwritten: load the report again and redo the change.`,
  staleField: (p: { stored: number }) => `the stored report is at revision ${p.stored}`,
  placeholdersInvalid: () => "The report's texts name data the survey does not have.",
  unknownPlaceholder: (p: { text: string }) => `${p.text} is not a placeholder: use {responses}, {n:question}, {count:question=choice} or {share:question=choice}`,
  placeholderNeedsChoice: (p: { text: string }) => `${p.text} needs a question and a choice: {count:question=choice}, {share:question=choice}`,
  placeholderNotChoice: (p: { text: string; question: string }) => `${p.text}: question '${p.question}' has no such choice`,
  placeholderNotChoiceQuestion: (p: { text: string; question: string }) => `${p.text}: question '${p.question}' is not a choice question`,
  shareNotFound: () => "There is no shared report at this address, or it is no longer shared.",
};
