/** The printable sheet of collection-link cards. */
export interface LinkWords {
  /** The sheet's title, naming the survey. */
  cardsTitle: (survey: string) => string;
  /** The line under the title: how to use the cards. */
  cardsHint: string;
  /** What a card asks of the one who holds it. */
  scan: string;
  /** Before the link written out, for those who cannot scan. */
  orOpen: string;
  /** A card's expected count of responses. */
  expected: (n: number) => string;
  /** A sheet with no open link. */
  none: string;
}
