/** The workspace's page for a new survey. */
import type { NewSurveyWords } from "../sections/workspace-new-survey.js";

export const newSurvey: NewSurveyWords = {
  heading: "New survey",
  intro: "A new survey starts as a draft in the editor: it has no respondent page until you publish its questionnaire (as version 1) and open it.",
  name: "Name",
  nameHint: "1–80 lower-case letters, digits, “-” or “_”; it is the survey's address: /s/{name}",
  title: "Title (optional)",
  titleHint: "Left empty: the title of the questionnaire it starts from, else its name.",
  start: "Start from",
  empty: "An empty questionnaire",
  shipped: "A questionnaire shipped with the platform",
  copy: "A copy of another survey",
  shippedLabel: "Shipped questionnaire",
  copyLabel: "Survey to copy",
  copyHint: "Its current version (its draft while it has published nothing) and its Traditional standard are copied.",
  nothingToCopy: "There is no survey you may read to copy.",
  create: "Create and edit",
};
