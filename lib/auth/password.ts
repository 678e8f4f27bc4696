import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with at least OWASP's minimum (19 MiB, 2 passes, 1 lane). Raising these makes
 * `needsRehash` true for older hashes, and sign-in rehashes them.
 */
export const ARGON2_PARAMS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, which isolatedModules cannot read)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** True when the stored hash was made with weaker parameters than ARGON2_PARAMS. */
export function needsRehash(hashed: string): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hashed);
  if (!m) return true;
  const [memory, time, lanes] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return (
    memory < ARGON2_PARAMS.memoryCost ||
    time < ARGON2_PARAMS.timeCost ||
    lanes < ARGON2_PARAMS.parallelism
  );
}
