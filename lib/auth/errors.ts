// The guards' refusals are AppErrors (lib/errors.ts); kept importable from here by name.
export { ReadOnlyError, ReauthRequiredError } from "@/lib/errors";
