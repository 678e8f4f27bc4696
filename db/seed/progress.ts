import cliProgress from "cli-progress";

/** Progress of the seed, one phase (table) at a time. */
export type Progress = {
  phase(label: string, total: number): void;
  tick(rows: number): void;
  done(): void;
};

export const silentProgress: Progress = { phase() {}, tick() {}, done() {} };

/**
 * A bar on a terminal; elsewhere (CI, the app's log) a line every few seconds, since a bar's
 * carriage returns turn into thousands of lines in a log file.
 */
export function createProgress(opts: { bar: boolean; log?: (line: string) => void }): Progress {
  if (opts.bar && process.stdout.isTTY) return barProgress();
  if (opts.log) return lineProgress(opts.log);
  return silentProgress;
}

function barProgress(): Progress {
  const bar = new cliProgress.SingleBar(
    {
      format: "{label} |{bar}| {percentage}% | {value}/{total} rows | {eta_formatted} left",
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let active = false;
  return {
    phase(label, total) {
      if (active) bar.stop();
      bar.start(Math.max(total, 1), 0, { label: label.padEnd(22) });
      active = true;
    },
    tick(rows) {
      if (active) bar.increment(rows);
    },
    done() {
      if (active) bar.stop();
      active = false;
    },
  };
}

function lineProgress(log: (line: string) => void): Progress {
  const every = 5_000;
  let label = "";
  let total = 0;
  let value = 0;
  let started = 0;
  let last = 0;
  const report = (final: boolean) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const of = total > 0 ? ` / ${total.toLocaleString("en")}` : "";
    log(`  ${label}: ${value.toLocaleString("en")}${of} rows${final ? ` in ${seconds}s` : ""}`);
  };
  return {
    phase(nextLabel, nextTotal) {
      if (label) report(true);
      label = nextLabel;
      total = nextTotal;
      value = 0;
      started = last = Date.now();
    },
    tick(rows) {
      value += rows;
      if (Date.now() - last >= every) {
        last = Date.now();
        report(false);
      }
    },
    done() {
      if (label) report(true);
      label = "";
    },
  };
}
