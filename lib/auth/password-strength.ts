import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

// Built once per process: the dictionaries are large, and this runs only on the server.
let factory: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  }));

const commonPasswords = new Set<string>(
  (common.dictionary["passwords-common"] as unknown as string[]).map((p) =>
    String(p).toLowerCase(),
  ),
);

/**
 * Why a password is refused, as a key of validation.json (a field error, shown in the viewer's
 * language), or null if it is acceptable. Length is checked by the shared zod
 * schema; this adds what needs the dictionaries: common and easily guessed passwords, and
 * passwords built from the person's own email or name.
 */
export function passwordWeakness(
  password: string,
  userInputs: string[] = [],
): "validation.password.common" | "validation.password.guessable" | null {
  if (commonPasswords.has(password.toLowerCase())) {
    return "validation.password.common";
  }
  const inputs = userInputs
    .flatMap((s) => s.toLowerCase().split(/[@.\s]+/))
    .filter((s) => s.length >= 3);
  const result = zxcvbn().check(password, inputs);
  if (result.score < 2) return "validation.password.guessable";
  return null;
}
