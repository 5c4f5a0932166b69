/** What the server says in English about the question bank. */
export const bank = {
  insertFailed: () => "The question cannot be inserted there; nothing was changed.",
  notAnElement: () => "give a question or panel: a JSON object with a type and a name",
  noPage: (p: { page: string }) => `The questionnaire has no page named '${p.page}'.`,
  noElement: (p: { name: string }) => `The questionnaire has no question or panel named '${p.name}' to insert after.`,
};
