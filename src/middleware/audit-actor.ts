import type { Actor } from "../services/audit.js";
import type { Principal } from "./researcher-auth.js";

/**
 * The caller of a researcher endpoint as the audit log names it: the account, or a legacy
 * token by its label.
 * @example actorOf(c.get("user")) // { userId: 3, label: "zhangsan" }
 */
export function actorOf(user: Principal): Actor {
  return user.kind === "user" ? { userId: user.id, label: user.login } : { userId: null, label: user.name };
}
