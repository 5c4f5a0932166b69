/**
 * A progress bar on stderr for long CLI work. On a terminal it redraws one line; when
 * output goes to a file or CI log it prints a line every 10 % instead of control codes.
 * Without a total (a count not known in advance) it shows the count and the rate, and a
 * log gets a line every five seconds.
 */
export function progressBar(label: string, initialTotal: number | null, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let total = initialTotal;
  let lastDecile = -1;
  let lastDraw = 0;
  const render = (done: number) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    if (total === null) return `${label} ${done} · ${rate.toFixed(0)}/s · ${seconds.toFixed(1)}s`;
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    const eta = rate > 0 ? Math.ceil(Math.max(0, total - done) / rate) : 0;
    const width = 30;
    const filled = Math.round(fraction * width);
    return (
      `${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${total}` +
      (done < total ? ` · ${rate.toFixed(0)}/s · ETA ${eta}s` : ` · ${seconds.toFixed(1)}s`)
    );
  };
  return {
    /** Reports how many items are done so far, and the total when it has become known (or better known). */
    update(done: number, newTotal: number | null = total) {
      total = newTotal;
      const now = Date.now();
      if (stream.isTTY) {
        if (now - lastDraw < 100 && (total === null || done < total)) return;
        lastDraw = now;
        stream.write(`\r${render(done)}\x1b[K`);
      } else if (total === null) {
        if (now - lastDraw >= 5000) {
          lastDraw = now;
          stream.write(`${render(done)}\n`);
        }
      } else {
        const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
        if (decile > lastDecile) {
          lastDecile = decile;
          stream.write(`${render(done)}\n`);
        }
      }
    },
    /** Ends the bar's line. */
    finish(done = total ?? 0) {
      if (total === null) total = done;
      if (stream.isTTY) stream.write(`\r${render(done)}\x1b[K\n`);
      else if (lastDecile < 10) stream.write(`${render(done)}\n`);
    },
  };
}
