export * from "./ids";
export * from "./types";
export { catalogTable, desc, sqlColumn, sqlTableName } from "./table";
export * from "./categories";
export * from "./erasure";
export * from "./vendors";
export * from "./retention";
