/** Printer statuses from "gone" to "busy": the y-axis of the status timeline. */
export const STATUS_ORDER = [
  "offline",
  "maintenance",
  "error",
  "paused",
  "idle",
  "printing",
] as const;
