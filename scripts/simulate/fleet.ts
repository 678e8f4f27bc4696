import { MATERIALS, type MaterialSpec } from "../../db/seed/reference";
import { describeProblem, problemName, sleep, type ApiClient, type ApiResult } from "./client";
import { planPrint, temperatureAt, type PrintPlan } from "./curve";

const MODELS = ["UltiMaker S5", "UltiMaker S3", "UltiMaker S7", "UltiMaker Method X"];
const PARTS = [
  "bracket",
  "gear",
  "phone-stand",
  "cable-clip",
  "hinge",
  "enclosure-lid",
  "spool-holder",
];
const BUILD = ["plaBlack", "plaWhite", "toughBlack", "petgBlack", "absBlack"] as const;

export type FleetOptions = { printers: number; interval: number };

type Job = { id: string; name: string; plan: PrintPlan; startedAt: number; samples: number };

/**
 * One simulated printer: registers, reports status, runs prints with a temperature sample every
 * step, now and then a hiccup (maintenance, a filament error) or a diagnostics bundle. When the
 * holder has restricted a category the API answers 409 and stores nothing: the printer says so
 * and slows down (as a polite device backs off), then speeds up again once data is accepted.
 */
export class SimulatedPrinter {
  readonly serial: string;
  readonly name: string;
  private job: Job | null = null;
  private slow = 1;
  private ticks = 0;
  private sendMaterials = true;
  private hiccup = 0;

  constructor(
    private readonly index: number,
    private readonly api: ApiClient,
    private readonly opts: FleetOptions,
    private readonly log: (line: string) => void,
    private readonly random: () => number = Math.random,
  ) {
    this.serial = `SIM-${String(index + 1).padStart(4, "0")}`;
    this.name = `Simulated printer ${index + 1}`;
  }

  private say(what: string) {
    this.log(`${this.name}: ${what}`);
  }

  /** Prints a refusal; a 409 (restricted, erasure pending) slows this printer down. */
  private refused(what: string, r: ApiResult) {
    const name = problemName(r.problem);
    if (name === "restricted" || name === "erasure-pending") {
      this.slow = Math.min(this.slow * 2, 8);
      this.say(
        `${what} refused, nothing stored — ${describeProblem(r)} (slowing to every ${this.opts.interval * this.slow} s)`,
      );
    } else {
      this.say(`${what} failed — ${describeProblem(r)}`);
    }
  }

  private accepted() {
    if (this.slow > 1) this.say(`data accepted again (back to every ${this.opts.interval} s)`);
    this.slow = 1;
  }

  async register(): Promise<void> {
    const r = await this.api.request("PUT", `/api/v1/printers/${this.serial}`, {
      name: this.name,
      model: MODELS[this.index % MODELS.length],
      firmware: "8.3.0",
      groupKey: "SIM-FLEET",
      groupName: "Simulated fleet",
    });
    if (r.status === 200 || r.status === 201) {
      this.say(`registered as ${this.serial} (${r.status === 201 ? "new" : "already known"})`);
    } else this.refused("registering", r);
    await this.status("idle");
  }

  async status(status: string, message?: string): Promise<void> {
    const r = await this.api.request("POST", `/api/v1/printers/${this.serial}/status`, {
      status,
      occurredAt: new Date().toISOString(),
      ...(message ? { message } : {}),
    });
    if (r.status === 201) {
      this.accepted();
      this.say(`status ${status}${message ? ` (${message})` : ""}`);
    } else this.refused(`status ${status}`, r);
  }

  /** Waits one step (longer while refused); false once the fleet is stopping. */
  async wait(stop: AbortSignal): Promise<boolean> {
    try {
      await sleep(this.opts.interval * this.slow * 1000, stop);
      return true;
    } catch {
      return false;
    }
  }

  async step(): Promise<void> {
    this.ticks++;
    if (this.job) await this.printStep(this.job);
    else if (this.hiccup > 0) {
      if (--this.hiccup === 0) await this.status("idle");
    } else if (this.ticks === this.index + 1 || this.random() < 0.15) await this.startPrint();
    else if (this.random() < 0.04) {
      this.hiccup = 2;
      await this.status("maintenance", "Print core swap");
    } else if (this.random() < 0.03) {
      this.hiccup = 1;
      await this.status("error", "Filament runout detected");
    }
    if (this.random() < 0.03) await this.diagnostic();
  }

  private async startPrint() {
    const key = BUILD[Math.floor(this.random() * BUILD.length)]!;
    const material: MaterialSpec = MATERIALS[key];
    const plan = planPrint(material, this.opts.interval, this.random);
    const now = Date.now();
    const name = `${PARTS[Math.floor(this.random() * PARTS.length)]}-${now.toString(36).slice(-4)}.ufp`;
    const body = {
      printerSerial: this.serial,
      name,
      status: "printing",
      createdAt: new Date(now).toISOString(),
      startedAt: new Date(now).toISOString(),
      nozzleTempC: plan.nozzleTargetC,
      bedTempC: plan.bedTargetC,
      layerHeightMm: this.random() < 0.5 ? 0.15 : 0.2,
      infillPercent: 20,
      metadata: { slicer: "UltiMaker Cura 5.8.1", print_core: "AA 0.4" },
      samples: [{ sampledAt: new Date(now).toISOString(), ...temperatureAt(plan, 0) }],
    };
    const materials = [{ extruder: 1, materialGuid: material.guid, amountGrams: 0 }];
    let r = await this.api.request("POST", "/api/v1/print-jobs", {
      ...body,
      ...(this.sendMaterials ? { materials } : {}),
    });
    if (r.status === 400 && r.problem?.errors?.some((e) => e.pointer?.startsWith("/materials"))) {
      // A database without the reference materials (no demo data): print without them.
      this.sendMaterials = false;
      this.say(`the API does not know material ${material.guid}; sending jobs without materials`);
      r = await this.api.request("POST", "/api/v1/print-jobs", body);
    }
    if (r.status !== 201) return this.refused(`print job ${name}`, r);
    this.accepted();
    const id = (r.body as { id: string }).id;
    this.job = { id, name, plan, startedAt: now, samples: 1 };
    this.say(
      `started print ${name} (${material.name}, nozzle ${plan.nozzleTargetC} °C, bed ${plan.bedTargetC} °C) → job ${id}`,
    );
    await this.status("printing", name);
  }

  private async printStep(job: Job) {
    const now = Date.now();
    const t = (now - job.startedAt) / 1000;
    const end = job.plan.heatUpSeconds + job.plan.printSeconds;
    if (t < end) {
      const sample = temperatureAt(job.plan, t, () => this.random() * 2 - 1);
      const r = await this.api.request("POST", `/api/v1/print-jobs/${job.id}/samples`, {
        samples: [{ sampledAt: new Date(now).toISOString(), ...sample }],
      });
      if (r.status !== 201) return this.refused("temperature sample", r);
      this.accepted();
      job.samples++;
      this.say(
        `${job.name}: sample ${job.samples}, nozzle ${sample.nozzleC} °C, bed ${sample.bedC} °C (${Math.round((100 * t) / end)} %)`,
      );
      return;
    }
    await this.endPrint("finished");
  }

  /** Ends the running print (finished, or aborted when the simulator stops) and goes idle. */
  async endPrint(status: "finished" | "aborted"): Promise<void> {
    const job = this.job;
    if (!job) return;
    this.job = null;
    const r = await this.api.request("PATCH", `/api/v1/print-jobs/${job.id}`, {
      status,
      finishedAt: new Date().toISOString(),
    });
    if (r.status === 200) this.say(`${job.name} ${status} after ${job.samples} samples`);
    else this.refused(`${job.name} ${status}`, r);
    if (status === "finished") await this.status("idle");
  }

  private async diagnostic() {
    const r = await this.api.request("POST", "/api/v1/diagnostics", {
      kind: "telemetry",
      source: "UltiMaker firmware",
      softwareVersion: "8.3.0",
      summary: "Periodic telemetry",
      payload: { uptimeSeconds: Math.round(performance.now() / 1000), steps: this.ticks },
      printerSerial: this.serial,
      createdAt: new Date().toISOString(),
    });
    if (r.status === 201) this.say("sent a telemetry bundle");
    else if (r.status === 202)
      this.say("telemetry bundle dropped by the API (you objected to diagnostics)");
    else this.refused("telemetry bundle", r);
  }
}

/** Runs `opts.printers` printers side by side until `stop` aborts, then ends them cleanly. */
export async function runFleet(
  api: ApiClient,
  opts: FleetOptions,
  stop: AbortSignal,
  log: (line: string) => void,
): Promise<void> {
  const fleet = Array.from(
    { length: opts.printers },
    (_, i) => new SimulatedPrinter(i, api, opts, log),
  );
  await Promise.all(
    fleet.map(async (printer) => {
      await printer.register();
      while (await printer.wait(stop)) await printer.step();
      await printer.endPrint("aborted");
      await printer.status("offline", "Simulator stopped");
    }),
  );
}
