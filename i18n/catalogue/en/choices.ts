/** Texts of special items the questionnaire does not word. */
import type { ChoiceWords } from "../sections/choices.js";

export const choices: ChoiceWords = { none: "None", refused: "Refused", dontknow: "Don't know", other: "Other", true: "Yes", false: "No" };
