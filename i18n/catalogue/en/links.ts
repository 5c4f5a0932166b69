/** The printable sheet of collection-link cards. */
import type { LinkWords } from "../sections/links.js";

export const links: LinkWords = {
  cardsTitle: (survey) => `Collection links: ${survey}`,
  cardsHint: "Cut out the cards and hand each unit its own: answers sent through a card are counted for its unit.",
  scan: "Scan the code with WeChat or your phone's camera to answer the survey",
  orOpen: "Or open:",
  expected: (n) => `Expected responses: ${n}`,
  none: "This survey has no open collection link.",
};
