export * from "./types";
export * from "./categories";
export * from "./erasure";
export * from "./vendors";
