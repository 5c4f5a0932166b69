/**
 * Which reverse proxies may say who the client is (the `TRUST_PROXY` setting), and the client's
 * address read from `X-Forwarded-For` through them. Behind a proxy every socket peer is the proxy;
 * the header is believed only as far as it was written by trusted hops, so a client that forges
 * it gains nothing.
 */
import { BlockList, isIP } from "node:net";

/** Loopback in both families: a proxy on the same machine. */
const LOOPBACK = [
  ["127.0.0.0", 8, "ipv4"],
  ["::1", 128, "ipv6"],
] as const;

/**
 * The entries of a `TRUST_PROXY` text, separated by commas or spaces: `loopback`, an address
 * (`192.0.2.10`, `2001:db8::1`) or a CIDR range (`10.0.0.0/8`, `2001:db8::/32`). Returns the
 * entries, or the first one that is none of these.
 * @example parseTrustedProxies("loopback, 10.0.0.0/8") // { entries: ["loopback", "10.0.0.0/8"] }
 */
export function parseTrustedProxies(text: string): { entries: string[] } | { bad: string } {
  const entries = text.split(/[\s,]+/).filter((e) => e !== "");
  for (const entry of entries) if (!isEntry(entry)) return { bad: entry };
  return { entries };
}

function isEntry(entry: string): boolean {
  if (entry === "loopback") return true;
  const [address, bits, extra] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** The set of trusted proxy addresses built from entries that {@link parseTrustedProxies} accepted. */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly empty: boolean;

  constructor(entries: readonly string[]) {
    this.empty = entries.length === 0;
    for (const entry of entries) {
      if (entry === "loopback") {
        for (const [address, bits, family] of LOOPBACK) this.list.addSubnet(address, bits, family);
        continue;
      }
      if (!isEntry(entry)) throw new Error(`TrustedProxies: not an address or range: ${entry}`);
      const [address, bits] = entry.split("/");
      const family = isIP(address) === 4 ? "ipv4" : "ipv6";
      if (bits === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(bits), family);
    }
  }

  /** Whether `address` is a trusted proxy (IPv4-mapped IPv6 addresses count as their IPv4 one). */
  trusts(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 4 ? "ipv4" : "ipv6");
  }

  /**
   * The client's address: the socket peer, or, when the peer is trusted, the right-most address
   * of `X-Forwarded-For` that is not itself trusted (each trusted proxy appends the peer it saw,
   * so what lies left of the first untrusted one was written by the client and proves nothing).
   * An entry that is not an address ends the walk at the hop that passed it on.
   */
  clientOf(peer: string, forwardedFor: string | undefined): string {
    if (this.empty || !forwardedFor || !this.trusts(peer)) return peer;
    const hops = forwardedFor.split(",").map((h) => h.trim());
    let client = peer;
    for (let i = hops.length - 1; i >= 0; i--) {
      if (isIP(hops[i]) === 0) return client;
      client = hops[i];
      if (!this.trusts(client)) return client;
    }
    return client;
  }
}
