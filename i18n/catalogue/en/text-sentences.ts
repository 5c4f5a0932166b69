/** What the server says in English about open answers: the segmentation dictionary and keyword tables. */
export const text = {
  termEmpty: () => "a term has at least one character besides spaces",
  termTooLong: (p: { max: number }) => `a term has at most ${p.max} characters`,
  termLines: () => "a term is one line, without tabs or line breaks",
  tooManyTerms: (p: { max: number }) => `a dictionary holds at most ${p.max} terms`,
  notOpenText: (p: { name: string; type: string }) =>
    `Question '${p.name}' (${p.type}) has no open answers: keyword tables read text and comment questions, and the "other, please specify" text of a choice question ('${p.name}-Comment').`,
  notOpenTextField: (p: { name: string; type: string }) => `'${p.name}' is a ${p.type} question without open text`,
  keywordTable: () => "the keyword table",
  groupRole: () => "the grouping of a keyword table",
  base: (p: { answered: number; missing: number; notAsked: number }) =>
    `Share of the ${p.answered} respondents who wrote an answer (${p.missing} left it empty, ${p.notAsked} were not asked); a word counts once per respondent.`,
  weightedBase: (p: { answered: number; weighted: string }) =>
    `Weighted share of the ${p.answered} respondents who wrote an answer (weighted ${p.weighted}); a word counts once per respondent.`,
  keyness: () =>
    "Over-represented in a group: log-likelihood G² of respondents who used the word in the group against all other respondents who answered (2×2, df 1), p Holm-adjusted over every word and group of the table; counts unweighted.",
  axisShare: () => "Share of respondents who answered",
  words: () => "Words",
  phrases: () => "Two-word phrases",
  word: () => "Word",
  respondents: () => "Respondents",
  weightedRespondents: () => "Weighted respondents",
  share: () => "Share",
  examples: () => "Example answers",
  group: () => "Group",
  shareElsewhere: () => "Share in other groups",
  g2: () => "G²",
  pHolm: () => "p (Holm)",
  keywordsOf: (p: { group: string }) => `Over-represented in ${p.group}`,
};
