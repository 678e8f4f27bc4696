import { curaConfigVersions, diagnostics, type printers } from "../schema";
import type { SeedConn } from "./copy";
import { PROFILES, type Settings } from "./cura-profiles";
import { DAY, HOUR, type Clock, type Rng } from "./random";
import { curaVersionAt } from "./reference";

/** Three profiles with 2–5 versions each; every version changes a few real settings. */
export async function seedCuraConfigs(conn: SeedConn, userId: string, clock: Clock, r: Rng) {
  const rows: (typeof curaConfigVersions.$inferInsert)[] = [];
  PROFILES.forEach((profile, p) => {
    const versions = Math.min(1 + profile.changes.length, r.int(2, 5));
    let settings: Settings = { ...profile.base };
    let ago = (500 - p * 90) * DAY;
    for (let v = 1; v <= versions; v++) {
      const change = v === 1 ? null : profile.changes[v - 2];
      if (change) settings = { ...settings, ...change.set };
      rows.push({
        userId,
        profileName: profile.name,
        version: v,
        curaVersion: curaVersionAt(ago),
        machine: profile.machine,
        settings,
        note: change?.note ?? "First saved from Cura",
        createdAt: clock.ago(ago),
      });
      ago -= r.int(20, 80) * DAY;
    }
  });
  await conn.db.insert(curaConfigVersions).values(rows);
  return rows.length;
}

type PrinterRow = typeof printers.$inferInsert;

/** A Cura crash, printer telemetry and a log bundle support asked for — within 18 months. */
export async function seedDiagnostics(
  conn: SeedConn,
  userId: string,
  fleet: PrinterRow[],
  clock: Clock,
  r: Rng,
) {
  const rows: (typeof diagnostics.$inferInsert)[] = [];
  rows.push({
    userId,
    kind: "crash_report",
    source: "cura",
    softwareVersion: "5.6.0",
    summary: "Cura stopped while slicing: CuraEngine exited with code -11",
    payload: {
      os: "Windows 11 Pro 23H2 (10.0.22631)",
      gpu: "NVIDIA GeForce RTX 3060 (driver 551.86)",
      exception: "CuraEngine crashed (SIGSEGV) during 'slice'",
      traceback: [
        'File "cura/CuraApplication.py", line 1174, in _onEngineCreated',
        'File "plugins/CuraEngineBackend/CuraEngineBackend.py", line 612, in _onSocketError',
      ],
      active_machine: "Ultimaker S5",
      plugins: ["UltimakerDigitalLibrary 1.1.0", "MaterialSettingsPlugin 2.0.1"],
    },
    sizeBytes: 48_213,
    createdAt: clock.ago(310 * DAY),
  });
  for (const printer of fleet.slice(0, 3)) {
    for (let i = 0; i < 3; i++) {
      const hours = r.int(900, 6500);
      rows.push({
        userId,
        printerId: printer.id,
        kind: "telemetry",
        source: `printer:${printer.serial}`,
        softwareVersion: printer.firmware,
        summary: `Weekly usage report from ${printer.name}`,
        payload: {
          uptime_hours: hours + r.int(200, 900),
          print_hours: hours,
          prints_total: Math.round(hours / 2.7),
          hotend_1: { type: "AA 0.4", extruded_m: r.int(2_000, 40_000) },
          active_leveling_runs: r.int(100, 900),
          network: r.chance(0.5) ? "ethernet" : "wifi",
        },
        sizeBytes: r.int(3_000, 9_000),
        createdAt: clock.ago((7 + i * 63 + r.int(0, 6)) * DAY + r.int(0, 23) * HOUR),
      });
    }
  }
  const s5 = fleet.find((p) => p.model === "Ultimaker S5") ?? fleet[0];
  if (s5) {
    rows.push({
      userId,
      printerId: s5.id,
      kind: "log_bundle",
      source: `printer:${s5.serial}`,
      softwareVersion: s5.firmware,
      summary: "Log bundle requested by support for ticket SUP-48213",
      payload: {
        files: ["journal.log", "griffin.log", "cluster.log", "dmesg.log", "device_settings.json"],
        reason: "Print head temperature faults",
        lines: 184_212,
      },
      sizeBytes: 7_482_113,
      createdAt: clock.ago(45 * DAY),
    });
  }
  await conn.db.insert(diagnostics).values(rows);
  return rows.length;
}
