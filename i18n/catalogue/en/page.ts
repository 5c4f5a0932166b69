/** The respondent page's own texts (SurveyJS brings its own for the form). */
import type { PageWords } from "../sections/page.js";

export const page: PageWords = {
  restored: "Your unfinished answers have been restored; you can carry on.",
  submitting: "Submitting your answers…",
  pendingTitle: "Your answers are complete and being submitted",
  networkFailed: "The network connection failed. Your answers are saved on this device and will be sent automatically. Please do not clear the browser's data.",
  serverBusy: "The server cannot take answers right now. They are saved on this device and will be sent automatically.",
  retryNow: "Retry now",
  rejectedTitle: "Answers not accepted",
  rejectedHint: "The server found these problems; please go back, correct them and submit again:",
  backToEdit: "Go back and edit",
  conflictTitle: "Response id conflict",
  conflictText:
    "The server already holds a different response under the same id and keeps the one submitted first. Your answers are still saved on this device and can be submitted as a new response.",
  submitAsNew: "Submit as a new response",
  failedTitle: "Submission failed",
  failedText: (status, detail) => `The server refused the submission (HTTP ${status})${detail ? `: ${detail}` : "."} Your answers are still saved on this device.`,
  attempts: (n) => `${n} attempt(s) so far`,
  storageUnavailable: "This browser does not allow saving on the device: please submit before closing the page.",
  languageLabel: "Language",
  preview: "Preview of a draft, for the survey's members: answers sent from this page are not stored.",
  unavailable: {
    title: "This survey is not taking answers",
    draft: "This survey is not open yet: please open this link again when the organisers say it is.",
    closed: "This survey has closed. Thank you for your interest.",
    pastClosing: (at) => `This survey closed on ${at}. Thank you for your interest.`,
    full: "This survey has received all the answers it needs. Thank you for your interest.",
  },
  problem: (question, message) => `${question}: ${message}`,
  choiceLimit: (max) => `You can choose at most ${max}: to choose another, untick one first.`,
  notANumber: "Please enter a number, in digits only (for example 12 or 3.5).",
};
