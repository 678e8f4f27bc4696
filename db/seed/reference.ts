/**
 * Fixed reference data for the demo. Material GUIDs are the real ones from Ultimaker's
 * fdm_materials repository, so they match what a real printer would report.
 */

export type MaterialSpec = {
  guid: string;
  name: string;
  type: string;
  color: string;
  /** Print temperatures Ultimaker's profiles use for this material (°C). */
  nozzle: readonly number[];
  bed: readonly number[];
  support: boolean;
  /** Grams extruded per printing hour, roughly. */
  gramsPerHour: number;
};

const m = (
  guid: string,
  type: string,
  color: string,
  nozzle: number[],
  bed: number[],
  gramsPerHour: number,
  support = false,
): MaterialSpec => ({
  guid,
  name: `${type} ${color}`,
  type,
  color,
  nozzle,
  bed,
  support,
  gramsPerHour,
});

export const MATERIALS = {
  plaBlack: m(
    "3ee70a86-77d8-4b87-8005-e4a1bc57d2ce",
    "PLA",
    "Black",
    [200, 205, 210, 215],
    [60],
    11,
  ),
  plaWhite: m("e509f649-9fe6-4b14-ac45-d441438cb4ef", "PLA", "White", [200, 205, 210], [60], 11),
  toughBlack: m(
    "03f24266-0291-43c2-a6da-5211892a2699",
    "Tough PLA",
    "Black",
    [210, 215, 220],
    [60],
    12,
  ),
  toughWhite: m("851427a0-0c9a-4d7c-a9a8-5cc92f84af1f", "Tough PLA", "White", [215], [60], 12),
  absBlack: m(
    "2f9d2279-9b0e-4765-bf9b-d1e1e13f3c49",
    "ABS",
    "Black",
    [235, 240, 245],
    [85, 90],
    10,
  ),
  absWhite: m("5253a75a-27dc-4043-910f-753ae11bc417", "ABS", "White", [240, 245], [90], 10),
  petgBlack: m("5f9f3de0-045b-48d9-84ec-19db92be7603", "PETG", "Black", [235, 240], [80, 85], 12),
  cpeBlack: m("a8955dc3-9d7e-404d-8c03-0fd6fee7f22d", "CPE", "Black", [240, 245, 250], [70], 11),
  cpePlusBlack: m("1aca047a-42df-497c-abfb-0e9cb85ead52", "CPE+", "Black", [260], [107], 9),
  nylonBlack: m("c64c2dbe-5691-4363-a7d9-66b2dc12837f", "Nylon", "Black", [245, 250], [60], 9),
  pva: m("fe15ed8a-33c3-4f57-a2a7-b4b78a38c3cb", "PVA", "Natural", [215, 220], [60], 4, true),
  breakaway: m("7e6207c4-22ff-441a-b261-ff89f166d5f9", "Breakaway", "White", [225], [60], 4, true),
} as const;

export type MaterialKey = keyof typeof MATERIALS;

/** How often each build material is chosen; support materials go on the second extruder. */
export const BUILD_MATERIAL_WEIGHTS: readonly (readonly [MaterialKey, number])[] = [
  ["plaBlack", 20],
  ["plaWhite", 14],
  ["toughBlack", 14],
  ["toughWhite", 6],
  ["absBlack", 8],
  ["absWhite", 4],
  ["petgBlack", 12],
  ["cpeBlack", 8],
  ["cpePlusBlack", 2],
  ["nylonBlack", 7],
];

export type ModelSpec = {
  model: string;
  /** Serial-number prefix. */
  code: string;
  firmware: string;
  extruders: 1 | 2;
  buildPlate: string;
  cores: readonly string[];
  supportCore: string | null;
  /** Slows a job down relative to an S-line printer (older or smaller machines). */
  speed: number;
  /** Years of manufacture (two digits) its serial numbers can carry. */
  built: readonly [number, number];
};

export const MODELS = {
  s7Pro: {
    model: "Ultimaker S7 Pro Bundle",
    code: "S7P",
    firmware: "8.3.1",
    extruders: 2,
    buildPlate: "PEI flexible",
    cores: ["AA 0.4", "AA 0.4", "AA 0.8", "CC 0.6"],
    supportCore: "BB 0.4",
    speed: 1,
    built: [23, 25],
  },
  s7: {
    model: "Ultimaker S7",
    code: "S7",
    firmware: "8.3.1",
    extruders: 2,
    buildPlate: "PEI flexible",
    cores: ["AA 0.4", "AA 0.4", "AA 0.25", "AA 0.8"],
    supportCore: "BB 0.4",
    speed: 1,
    built: [23, 25],
  },
  s5: {
    model: "Ultimaker S5",
    code: "S5",
    firmware: "8.2.0",
    extruders: 2,
    buildPlate: "Glass",
    cores: ["AA 0.4", "AA 0.4", "AA 0.8"],
    supportCore: "BB 0.4",
    speed: 1.05,
    built: [19, 24],
  },
  s3: {
    model: "Ultimaker S3",
    code: "S3",
    firmware: "8.2.0",
    extruders: 2,
    buildPlate: "Glass",
    cores: ["AA 0.4", "AA 0.25"],
    supportCore: "BB 0.4",
    speed: 1.05,
    built: [20, 24],
  },
  connect: {
    model: "Ultimaker 2+ Connect",
    code: "2PC",
    firmware: "7.5.4",
    extruders: 1,
    buildPlate: "Glass",
    cores: ["0.4 mm nozzle", "0.4 mm nozzle", "0.6 mm nozzle"],
    supportCore: null,
    speed: 1.2,
    built: [21, 24],
  },
  um3: {
    model: "Ultimaker 3",
    code: "UM3",
    firmware: "5.2.16",
    extruders: 2,
    buildPlate: "Glass",
    cores: ["AA 0.4", "AA 0.8"],
    supportCore: "BB 0.4",
    speed: 1.3,
    built: [17, 19],
  },
} as const satisfies Record<string, ModelSpec>;

export type ModelKey = keyof typeof MODELS;

/** Cura releases in order, one per ~200 days back: older work was done with older versions. */
export const CURA_VERSIONS = ["5.3.1", "5.4.0", "5.5.0", "5.6.0", "5.7.1"] as const;
const CURA_ERA_MS = 200 * 24 * 3_600_000;

export function curaVersionAt(agoMs: number): string {
  const era = Math.floor(agoMs / CURA_ERA_MS);
  return CURA_VERSIONS[Math.max(0, CURA_VERSIONS.length - 1 - era)] as string;
}

// Kept as one block of words: a 44-line array would say no more.
export const JOB_BASE_NAMES = `
  bracket mounting_bracket hinge cable_clip fan_duct gear_housing spur_gear enclosure_lid
  enclosure_base sensor_mount camera_mount phone_stand spool_holder calibration_cube benchy
  drill_jig assembly_fixture gripper_finger end_effector nozzle_tool knob handle pipe_adapter
  hose_connector light_diffuser vase prototype_housing battery_cover button_cap drone_arm
  wheel_hub shim_set bearing_block belt_tensioner label_holder tray_insert snap_fit_test
  logo_badge architectural_model dental_model_tray manifold impeller clamp thread_test
`
  .trim()
  .split(/\s+/);

// Mostly plain names; some revisions, some plates of several copies.
export const JOB_VARIANTS = "|||_v2|_v3|_v4|_v5|_rev_b|_final|_x4|_left|_right".split("|");

export const FAILURE_MESSAGES = [
  "Flow sensor: no material detected in extruder 1",
  "Nozzle temperature deviation on extruder 1 (ER15)",
  "Print core not detected in slot 2",
  "Build plate levelling failed: probe did not trigger",
  "Filament stuck in feeder 1",
  "Print head hit an object on the build plate",
] as const;

export const ABORT_MESSAGES = [
  "Aborted from the printer's touchscreen",
  "Aborted from Digital Factory",
  "Aborted from Cura",
] as const;

export const PAUSE_MESSAGES = [
  "Paused from the printer's touchscreen",
  "Paused: material runout on extruder 1",
  "Paused from Digital Factory",
] as const;

export const MAINTENANCE_MESSAGES = [
  "Scheduled maintenance: lubricate axles",
  "Print core AA 0.4 cleaned (hot pull)",
  "Active levelling recalibrated",
  "Feeder cleaned",
  "Firmware update installed",
] as const;

export const OFFLINE_MESSAGES = [
  "Connection to Digital Factory lost",
  "Printer switched off",
  "Network unreachable",
] as const;
