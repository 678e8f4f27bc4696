import {
  ABORT_MESSAGES,
  BUILD_MATERIAL_WEIGHTS,
  curaVersionAt,
  FAILURE_MESSAGES,
  JOB_BASE_NAMES,
  JOB_VARIANTS,
  MATERIALS,
  PAUSE_MESSAGES,
  type MaterialKey,
  type ModelSpec,
} from "./reference";
import { DAY, HOUR, MINUTE, mixSeed, Rng, type Clock } from "./random";

export type PrinterRef = { id: string; spec: ModelSpec; serial: string; createdAgo: number };
export type JobStatus = "queued" | "printing" | "finished" | "failed" | "aborted";

/**
 * Everything needed to regenerate any job from its index k (0 = newest) alone. Jobs go round
 * the printers (job k on printer k mod P) at `gap` intervals, and a job lasts at most
 * `(P - 0.6) × gap`, so a printer never runs two jobs at once whatever the volume.
 */
export type JobContext = {
  userId: string;
  printers: readonly PrinterRef[];
  count: number;
  seed: number;
  clock: Clock;
  materialIds: Readonly<Record<MaterialKey, string>>;
  jobId: (k: number) => string;
  /** The newest `queued` jobs wait, each behind a job still printing on the same printer. */
  queued: number;
  gap: number;
  maxDuration: number;
  /** Status history is kept two years (the catalog's retention); older jobs get no events. */
  historyMs: number;
};

// Print jobs are kept three years; stay inside that so the retention purge has nothing to do.
const MAX_SPAN_DAYS = 1_080;
const MIN_SPAN_DAYS = 120;
const HEADROOM = 12 * MINUTE;

export function jobContext(
  input: Omit<JobContext, "gap" | "maxDuration" | "historyMs">,
): JobContext {
  // ~13 jobs a day spreads the default 2,000 over five months; a million fills three years.
  const spanDays = Math.min(MAX_SPAN_DAYS, Math.max(MIN_SPAN_DAYS, input.count / 13));
  const gap = (spanDays * DAY) / Math.max(input.count, 1);
  const maxDuration = (input.printers.length - 0.6) * gap;
  return { ...input, gap, maxDuration, historyMs: 700 * DAY };
}

/** Oldest job's submission, so printers and accounts can be created before it. */
export function oldestJobAgo(ctx: JobContext): number {
  return HEADROOM + ctx.count * ctx.gap;
}

export type JobPlan = {
  k: number;
  printer: PrinterRef;
  status: JobStatus;
  createdAgo: number;
  startedAgo: number | null;
  finishedAgo: number | null;
  /** Planned duration (the slicer's estimate). */
  durationMs: number;
  name: string;
  material: MaterialKey;
  support: MaterialKey | null;
  nozzle: number;
  bed: number;
  layer: number;
  infill: number;
  core: string;
  curaVersion: string;
  /** Why it failed or who aborted it; a pause reason for some finished jobs. */
  message: string | null;
  paused: boolean;
};

export function emptyPlan(ctx: JobContext): JobPlan {
  return {
    k: 0,
    printer: ctx.printers[0] as PrinterRef,
    status: "finished",
    createdAgo: 0,
    startedAgo: null,
    finishedAgo: null,
    durationMs: 0,
    name: "",
    material: "plaBlack",
    support: null,
    nozzle: 0,
    bed: 0,
    layer: 0,
    infill: 0,
    core: "",
    curaVersion: "",
    message: null,
    paused: false,
  };
}

const timeRng = new Rng();
const detailRng = new Rng();

/** When job k was submitted, started and ended, and how it ended. Cheap: no strings. */
export function planTimes(ctx: JobContext, k: number, plan: JobPlan): JobPlan {
  const r = timeRng.reseed(mixSeed(ctx.seed, k, 1));
  const printers = ctx.printers.length;
  plan.k = k;
  plan.printer = ctx.printers[k % printers] as PrinterRef;
  plan.createdAgo = HEADROOM + (k + 0.5 * r.next()) * ctx.gap;
  const wait = Math.min(0.05 * ctx.gap, 20 * MINUTE) * r.next();
  // Log-normal around 2.5 h: most prints take hours, a few run overnight.
  const natural = Math.exp(Math.log(2.5 * HOUR) + 0.8 * r.normal()) * plan.printer.spec.speed;
  const cap = Math.min(30 * HOUR, ctx.maxDuration);
  plan.durationMs = Math.max(Math.min(natural, cap), Math.min(15 * MINUTE, cap * 0.5));
  const roll = r.next();
  const cut = 0.05 + 0.75 * r.next();
  plan.paused = r.chance(0.04);
  if (k < ctx.queued) {
    plan.status = "queued";
    plan.startedAgo = plan.finishedAgo = null;
    return plan;
  }
  plan.startedAgo = plan.createdAgo - wait;
  const forcedPrinting = k >= printers && k < printers + ctx.queued;
  if (forcedPrinting) {
    plan.durationMs = plan.startedAgo + (0.3 + 2 * r.next()) * HOUR;
  }
  const end = plan.startedAgo - plan.durationMs;
  if (forcedPrinting || end <= 0) {
    plan.status = "printing";
    plan.finishedAgo = null;
  } else if (roll < 0.88) {
    plan.status = "finished";
    plan.finishedAgo = end;
  } else {
    plan.status = roll < 0.94 ? "failed" : "aborted";
    plan.finishedAgo = plan.startedAgo - plan.durationMs * cut;
  }
  return plan;
}

const LAYERS_FINE = [
  [0.06, 1],
  [0.1, 2],
] as const;
const LAYERS_COARSE = [
  [0.2, 2],
  [0.3, 1],
] as const;
const LAYERS = [
  [0.06, 5],
  [0.1, 20],
  [0.15, 35],
  [0.2, 30],
  [0.3, 10],
] as const;
const INFILL = [10, 15, 20, 20, 20, 20, 30, 40, 60, 100] as const;

/** Job k in full: its times plus name, materials and slicer settings. */
export function planJob(ctx: JobContext, k: number, plan: JobPlan): JobPlan {
  planTimes(ctx, k, plan);
  const r = detailRng.reseed(mixSeed(ctx.seed, k, 2));
  const spec = plan.printer.spec;
  const ext = spec.code === "UM3" || r.chance(0.08) ? "gcode" : "ufp";
  plan.name = `${r.pick(JOB_BASE_NAMES)}${r.pick(JOB_VARIANTS)}.${ext}`;
  plan.material = r.weighted(BUILD_MATERIAL_WEIGHTS);
  const type = MATERIALS[plan.material].type;
  plan.support = null;
  if (spec.supportCore && r.chance(0.28)) {
    const breakawayOnly = type === "ABS" || type === "CPE" || type === "CPE+";
    plan.support = breakawayOnly || r.chance(0.3) ? "breakaway" : "pva";
  }
  const mat = MATERIALS[plan.material];
  plan.nozzle = r.pick(mat.nozzle);
  plan.bed = r.pick(mat.bed);
  plan.core = r.pick(spec.cores);
  // Thin cores print thin layers; the 0.8 mm core only thick ones.
  const fine = plan.core.includes("0.25");
  plan.layer = r.weighted(fine ? LAYERS_FINE : plan.core.includes("0.8") ? LAYERS_COARSE : LAYERS);
  plan.infill = r.pick(INFILL);
  plan.curaVersion = curaVersionAt(plan.createdAgo);
  plan.message =
    plan.status === "failed"
      ? r.pick(FAILURE_MESSAGES)
      : plan.status === "aborted"
        ? r.pick(ABORT_MESSAGES)
        : plan.paused
          ? r.pick(PAUSE_MESSAGES)
          : null;
  return plan;
}

/** Grams of build material a job used (or, still queued, is expected to use). */
export function gramsUsed(plan: JobPlan): number {
  const ran =
    plan.startedAgo === null
      ? plan.durationMs
      : plan.startedAgo - Math.max(plan.finishedAgo ?? 0, 0);
  return Math.round((ran / HOUR) * MATERIALS[plan.material].gramsPerHour * 10) / 10;
}

const n1 = (x: number) => (Math.round(x * 10) / 10).toString();

/** print_jobs rows, newest first (which keeps the (user, created_at desc) index append-only). */
export function* printJobLines(ctx: JobContext): Generator<string> {
  const plan = emptyPlan(ctx);
  const { clock, userId } = ctx;
  for (let k = 0; k < ctx.count; k++) {
    planJob(ctx, k, plan);
    const spec = plan.printer.spec;
    const started = plan.startedAgo === null ? "\\N" : clock.iso(plan.startedAgo);
    const finished = plan.finishedAgo === null ? "\\N" : clock.iso(plan.finishedAgo);
    const core2 = plan.support && spec.supportCore ? `"${spec.supportCore}"` : "null";
    const metadata =
      `{"slicer": "UltiMaker Cura ${plan.curaVersion}", "print_core_1": "${plan.core}", ` +
      `"print_core_2": ${core2}, "build_plate": "${spec.buildPlate}", ` +
      `"estimated_time_s": ${Math.round(plan.durationMs / 1000)}, ` +
      `"source": "${plan.k % 3 === 0 ? "Cura" : "Digital Factory"}"}`;
    yield (
      `${ctx.jobId(k)}\t${userId}\t${plan.printer.id}\t${plan.name}\t${plan.status}\t` +
      `${clock.iso(plan.createdAgo)}\t${started}\t${finished}\t${plan.nozzle}\t${plan.bed}\t` +
      `${plan.layer}\t${plan.infill}\t${metadata}\n`
    );
  }
}

/** print_job_materials rows: the build material on extruder 1, support on extruder 2. */
export function* printJobMaterialLines(ctx: JobContext): Generator<string> {
  const plan = emptyPlan(ctx);
  for (let k = 0; k < ctx.count; k++) {
    planJob(ctx, k, plan);
    const id = ctx.jobId(k);
    const grams = plan.status === "queued" ? "\\N" : n1(gramsUsed(plan));
    yield `${id}\t1\t${ctx.userId}\t${ctx.materialIds[plan.material]}\t${grams}\n`;
    if (plan.support) {
      const support = plan.status === "queued" ? "\\N" : n1(gramsUsed(plan) * 0.18);
      yield `${id}\t2\t${ctx.userId}\t${ctx.materialIds[plan.support]}\t${support}\n`;
    }
  }
}
