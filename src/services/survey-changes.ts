/**
 * A count of the changes this process made to what submissions read of a survey (its life, its
 * versions, its links and their invitations). Caches of those things remember the count they
 * were filled at and trust nothing filled before a later change.
 */
let changes = 0;

/** Says that this process changed a survey, a version, a link or an invitation. */
export function surveysChanged(): void {
  changes++;
}

/** How many such changes this process has made so far. */
export function surveyChangeCount(): number {
  return changes;
}
