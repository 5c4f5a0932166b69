/** Responses per questionnaire version among the analysed rows: which versions a result pooled. */
export class VersionTally {
  private readonly counts = new Map<number, number>();

  add(version: number, n: number): void {
    this.counts.set(version, (this.counts.get(version) ?? 0) + n);
  }

  /** `[{ version, responses }]`, oldest version first. */
  list(): { version: number; responses: number }[] {
    return [...this.counts].sort(([a], [b]) => a - b).map(([version, responses]) => ({ version, responses }));
  }
}
