/** What the server says in English about drafts of questionnaires, publishing them, and new surveys. */
export const drafts = {
  stale: (p: { name: string; revision: number; stored: number; by: string; at: string }) =>
    `The draft of '${p.name}' is at revision ${p.stored}, saved by ${p.by} at ${p.at}; this request was based on revision ${p.revision}. Nothing was overwritten: load the draft again and redo the change.`,
  staleField: (p: { stored: number }) => `the stored draft is at revision ${p.stored}`,
  noDraftYet: (p: { name: string; revision: number }) =>
    `Survey '${p.name}' has no saved draft (it was published, or never saved), but this request names revision ${p.revision}. Load the draft again: a new one starts from revision 0.`,
  noDraft: (p: { name: string }) => `Survey '${p.name}' has no draft to publish; save one first (PUT /api/surveys/${p.name}/draft).`,
  platform: () => "the platform",
  unknownShipped: (p: { id: string }) => `There is no shipped questionnaire '${p.id}'.`,
  shippedField: () => "not one of the questionnaires GET /api/questionnaires/shipped lists",
};
