/** Texts of special items the questionnaire does not word. */
import type { ChoiceWords } from "../sections/choices.js";

export const choices: ChoiceWords = { none: "无", refused: "拒绝回答", dontknow: "不知道", other: "其他", true: "是", false: "否" };
