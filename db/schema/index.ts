export * from "./users";
export * from "./auth";
export * from "./printers";
export * from "./cura";
export * from "./marketing";
export * from "./requests";
export * from "./support";
export * from "./system";
