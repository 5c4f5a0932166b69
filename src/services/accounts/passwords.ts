import { type Algorithm, hash, verify } from "@node-rs/argon2";

/** The password lengths an account accepts (characters). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

// Algorithm.Argon2id is 2; the package declares it as a const enum, which isolated modules cannot read.
const ARGON2ID = 2 as Algorithm;

/** OWASP's first argon2id setting (19 MiB, 2 passes, 1 lane). */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** An argon2id hash of a password in PHC string form (`$argon2id$v=19$…`), salt included. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Whether the password is the one hashed; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends the time of one verification on no account, so an unknown login takes as long
 * to refuse as a wrong password (the answer must not tell which logins exist).
 */
export async function verifyNothing(password: string): Promise<false> {
  decoy ??= hashPassword("decoy password, never anyone's");
  await verifyPassword(await decoy, password);
  return false;
}
