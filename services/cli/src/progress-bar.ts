/**
 * A one-line progress bar on a terminal's stderr, redrawn at most ~10 times
 * a second. Nothing is drawn when stderr is not a terminal (CI, pipes).
 */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  const enabled = Boolean(stream.isTTY);
  let last = 0;
  let shown = false;
  const started = Date.now();
  return {
    update(done: number, total: number, label: string) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
      const ratio = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(ratio * width);
      const secs = ((now - started) / 1000).toFixed(1);
      stream.write(`\r\x1b[2K${label.padEnd(10)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${secs}s`);
      shown = true;
    },
    stop() {
      if (enabled && shown) stream.write('\r\x1b[2K');
    },
  };
}
