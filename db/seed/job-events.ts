import { emptyPlan, planJob, planTimes, type JobContext, type JobPlan } from "./jobs";
import { MAINTENANCE_MESSAGES, OFFLINE_MESSAGES } from "./reference";
import { MINUTE, mixSeed, Rng, SECOND } from "./random";

export type PrinterStatus = "idle" | "printing" | "paused" | "error" | "maintenance" | "offline";
type Emit = (printerId: string, ago: number, status: PrinterStatus, message: string | null) => void;

const rng = new Rng();

/**
 * The status changes job k caused on its printer, newest first: start, an occasional pause,
 * the end (idle, or error then idle once someone cleared it), and now and then maintenance or
 * a spell offline before the printer's next job.
 */
function jobStatusEvents(ctx: JobContext, plan: JobPlan, next: JobPlan, emit: Emit): void {
  if (plan.startedAgo === null) return;
  const r = rng.reseed(mixSeed(ctx.seed, plan.k, 3));
  const printerId = plan.printer.id;
  const started = plan.startedAgo;
  const ended = plan.finishedAgo;
  if (ended !== null) {
    // The window until this printer's next job starts (or now).
    const nextK = plan.k - ctx.printers.length;
    const nextStart = nextK >= 0 ? (planTimes(ctx, nextK, next).startedAgo ?? 0) : 0;
    const window = ended - Math.max(nextStart, 0);
    const interlude = r.next();
    if (plan.status === "failed") {
      const cleared = ended - Math.min(15 * MINUTE, window / 2);
      emit(printerId, cleared, "idle", "Error cleared on the printer");
      emit(printerId, ended, "error", plan.message);
    } else {
      if (interlude < 0.006 && window > 10 * MINUTE) {
        emit(printerId, ended - window * 0.6, "idle", "Maintenance completed");
        emit(printerId, ended - window * 0.3, "maintenance", r.pick(MAINTENANCE_MESSAGES));
      } else if (interlude < 0.016 && window > 10 * MINUTE) {
        emit(printerId, ended - window * 0.7, "idle", "Back online");
        emit(printerId, ended - window * 0.3, "offline", r.pick(OFFLINE_MESSAGES));
      }
      const how =
        plan.status === "aborted" ? `${plan.message}: ${plan.name}` : `Finished ${plan.name}`;
      emit(printerId, ended, "idle", how);
    }
  }
  if (plan.paused && plan.status !== "failed") {
    const run = started - (ended ?? 0);
    if (run > 20 * MINUTE) {
      emit(printerId, started - run * 0.42, "printing", "Resumed");
      emit(printerId, started - run * 0.4, "paused", plan.message);
    }
  }
  emit(printerId, started, "printing", `Printing ${plan.name}`);
}

/** printer_status_events rows for every job within the history window, then registrations. */
export function* statusEventLines(ctx: JobContext): Generator<string> {
  const plan = emptyPlan(ctx);
  const next = emptyPlan(ctx);
  const buffer: string[] = [];
  const emit: Emit = (printerId, ago, status, message) => {
    const text = message === null ? "\\N" : message;
    buffer.push(`${ctx.userId}\t${printerId}\t${ctx.clock.iso(ago)}\t${status}\t${text}\n`);
  };
  for (let k = 0; k < ctx.count; k++) {
    planJob(ctx, k, plan);
    if (plan.createdAgo > ctx.historyMs) break;
    jobStatusEvents(ctx, plan, next, emit);
    for (const l of buffer) yield l;
    buffer.length = 0;
  }
  for (const printer of ctx.printers) {
    if (printer.createdAgo > ctx.historyMs) continue;
    emit(printer.id, printer.createdAgo, "idle", "Connected to Digital Factory");
  }
  for (const l of buffer) yield l;
}

/** Each printer's latest status, from the same events its history shows. */
export function currentPrinterStatus(ctx: JobContext): Map<string, PrinterStatus> {
  const latest = new Map<string, { ago: number; status: PrinterStatus }>();
  const emit: Emit = (printerId, ago, status) => {
    const seen = latest.get(printerId);
    if (ago >= 0 && (!seen || ago < seen.ago)) latest.set(printerId, { ago, status });
  };
  const plan = emptyPlan(ctx);
  const next = emptyPlan(ctx);
  const newest = Math.min(ctx.count, 3 * ctx.printers.length + ctx.queued);
  for (let k = 0; k < newest; k++) jobStatusEvents(ctx, planJob(ctx, k, plan), next, emit);
  return new Map([...latest].map(([id, v]) => [id, v.status]));
}

/** Jobs whose temperatures were sampled: the newest that ran, up to `limit`. */
export function sampledJobCount(ctx: JobContext, limit: number): number {
  return Math.min(ctx.count, limit + ctx.queued);
}

/**
 * Temperature samples every 30–60 s: the bed heats first, the nozzle follows once the bed is
 * nearly there, both settle at their targets with sensor noise. Failed jobs with a temperature
 * fault show the nozzle sagging at the end.
 */
export function* temperatureSampleLines(ctx: JobContext, limit: number): Generator<string> {
  const plan = emptyPlan(ctx);
  const r = new Rng();
  const end = sampledJobCount(ctx, limit);
  for (let k = 0; k < end; k++) {
    planJob(ctx, k, plan);
    if (plan.startedAgo === null) continue;
    r.reseed(mixSeed(ctx.seed, k, 4));
    const run = plan.startedAgo - Math.max(plan.finishedAgo ?? 0, 0);
    const step = sampleStep(run, r);
    const ambient = 21 + 4 * r.next();
    const bedTau = (90 + 60 * r.next()) * SECOND;
    const nozzleDelay = 3 * bedTau;
    const nozzleTau = 25 * SECOND;
    const sag = plan.status === "failed" && plan.message?.includes("temperature") === true;
    const id = ctx.jobId(k);
    for (let t = 0; t <= run; t += step) {
      const bed = plan.bed - (plan.bed - ambient) * Math.exp(-t / bedTau) + 0.25 * r.normal();
      const heat = t < nozzleDelay ? 0 : 1 - Math.exp(-(t - nozzleDelay) / nozzleTau);
      let nozzle = ambient + (plan.nozzle - ambient) * heat + 0.5 * r.normal();
      if (sag && run - t < 10 * MINUTE) nozzle -= (10 * MINUTE - (run - t)) / MINUTE;
      yield (
        `${ctx.userId}\t${id}\t${ctx.clock.iso(plan.startedAgo - t)}\t${nozzle.toFixed(1)}\t` +
        `${plan.nozzle}\t${bed.toFixed(1)}\t${plan.bed}\n`
      );
    }
  }
}

// Long prints at the slowest rate the printers report (60 s), so one overnight job does not
// outweigh a hundred short ones.
function sampleStep(run: number, r: Rng): number {
  return (run > 120 * MINUTE ? 60 : r.pick([30, 45, 60])) * SECOND;
}

/** Rough row count of the samples, for the progress bar. */
export function estimateSamples(ctx: JobContext, limit: number): number {
  const plan = emptyPlan(ctx);
  let rows = 0;
  const end = sampledJobCount(ctx, limit);
  for (let k = 0; k < end; k++) {
    planTimes(ctx, k, plan);
    if (plan.startedAgo === null) continue;
    const run = plan.startedAgo - Math.max(plan.finishedAgo ?? 0, 0);
    rows += run / (run > 120 * MINUTE ? 60 * SECOND : 45 * SECOND);
  }
  return Math.round(rows);
}
