/** The page's own texts (SurveyJS brings its own for the form). */
export interface PageWords {
  restored: string;
  submitting: string;
  pendingTitle: string;
  networkFailed: string;
  serverBusy: string;
  retryNow: string;
  rejectedTitle: string;
  rejectedHint: string;
  backToEdit: string;
  conflictTitle: string;
  conflictText: string;
  submitAsNew: string;
  failedTitle: string;
  failedText: (status: number, detail: string) => string;
  attempts: (n: number) => string;
  storageUnavailable: string;
  languageLabel: string;
  /** The page of a survey that takes no answers now: a heading, and why. */
  /** Above a draft's respondent page, which only its members see. */
  preview: string;
  unavailable: { title: string; draft: string; closed: string; pastClosing: (at: string) => string; full: string };
  /** One problem the server found: the question's title and why. */
  problem: (question: string, message: string) => string;
  /** Under a multiple-choice question once its most choices are ticked: why the others are greyed out. */
  choiceLimit: (max: number) => string;
  /** A number box holding text that is no number. */
  notANumber: string;
}
