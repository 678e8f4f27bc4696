import type { DataCategory } from "../types";

const f = (name: string, description: string) => ({ name, description });

/** Categories that come from printers and Ultimaker Cura. */
export const devicesCategories: DataCategory[] = [
  {
    id: "printers",
    title: "Printers and print groups",
    summary: "Your connected printers and what state they were in.",
    purpose: "To show and manage your printers remotely and to help when one needs service.",
    legalBasis: "contract",
    retention: { description: "Status history 2 years; printers while connected.", days: 730 },
    recipients: ["Service partners, when you ask for on-site support"],
    source: "Your printers",
    userCanDelete: false,
    restrictable: true,
    timeSeries: true,
    tables: [
      {
        table: "print_groups",
        description: "Groups of printers managed together",
        fields: [f("group_key", "The group identifier"), f("name", "Its name")],
      },
      {
        table: "printers",
        description: "Your printers",
        fields: [
          f("name", "Its name"),
          f("model", "Printer model"),
          f("serial", "Serial number"),
          f("firmware", "Firmware version"),
          f("status", "Current status"),
          f("last_seen_at", "When it last reported in"),
        ],
      },
      {
        table: "printer_status_events",
        description: "Status changes your printers reported",
        fields: [
          f("occurred_at", "When"),
          f("status", "The new status"),
          f("message", "What the printer said"),
        ],
      },
    ],
  },
  {
    id: "print-jobs",
    title: "Print jobs",
    summary: "What you printed, with which materials and temperatures.",
    purpose:
      "To show your print history and help diagnose failed prints; with your consent, to improve our products.",
    legalBasis: "contract",
    retention: { description: "3 years after the print, then deleted.", days: 1095 },
    recipients: ["No one outside our company"],
    source: "Your printers and Ultimaker Cura",
    userCanDelete: true,
    restrictable: true,
    timeSeries: true,
    tables: [
      {
        table: "print_jobs",
        description: "Each print",
        fields: [
          f("name", "File name"),
          f("status", "Queued, printing, finished, failed or aborted"),
          f("created_at", "When it was sent to the printer"),
          f("started_at", "When printing began"),
          f("finished_at", "When it ended"),
          f("nozzle_temp_c", "Nozzle temperature setting (°C)"),
          f("bed_temp_c", "Build plate temperature setting (°C)"),
          f("layer_height_mm", "Layer height (mm)"),
          f("infill_percent", "Infill density (%)"),
          f("metadata", "Other settings the printer reported"),
        ],
      },
      {
        table: "print_job_materials",
        description: "Materials used by each print",
        fields: [
          f("extruder", "Which print head"),
          f("material_id", "The material"),
          f("amount_grams", "How much was used (g)"),
        ],
      },
      {
        table: "print_job_temperature_samples",
        description: "Temperatures measured during a print",
        fields: [
          f("sampled_at", "When"),
          f("nozzle_c", "Nozzle temperature (°C)"),
          f("bed_c", "Build plate temperature (°C)"),
        ],
      },
    ],
  },
  {
    id: "cura-configuration",
    title: "Cura configuration",
    summary: "Your Ultimaker Cura settings, so they follow you between computers.",
    purpose: "To back up and sync your Cura profiles between your computers.",
    legalBasis: "contract",
    retention: { description: "For as long as you keep your account." },
    recipients: ["No one outside our company"],
    source: "Ultimaker Cura, when you sync",
    userCanDelete: true,
    restrictable: true,
    timeSeries: false,
    tables: [
      {
        table: "cura_config_versions",
        description: "Saved versions of your Cura profiles",
        fields: [
          f("profile_name", "Profile"),
          f("version", "Version number"),
          f("cura_version", "Cura version that saved it"),
          f("settings", "The settings"),
          f("created_at", "When it was saved"),
        ],
      },
    ],
  },
  {
    id: "diagnostics",
    title: "Diagnostics",
    summary: "Crash reports and telemetry from your printers and Cura.",
    purpose: "To find and fix faults in our printers and software.",
    legalBasis: "legitimate_interest",
    retention: { description: "18 months, then deleted.", days: 548 },
    recipients: ["Our engineering team"],
    source: "Your printers and Ultimaker Cura",
    userCanDelete: true,
    restrictable: true,
    timeSeries: true,
    tables: [
      {
        table: "diagnostics",
        description: "Diagnostic bundles",
        fields: [
          f("kind", "Crash report, telemetry or log bundle"),
          f("source", "What sent it"),
          f("software_version", "Software version"),
          f("summary", "What happened"),
          f("payload", "The report's content"),
          f("created_at", "When it arrived"),
        ],
      },
    ],
  },
];
