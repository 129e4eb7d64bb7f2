// What the owner of a client's network tells us about a hit. The lookup behind it is
// network-directory.ts (the ASN database plus our own sourced table, network-owners.ts).

/** What a network's owner does, as far as reading mail goes. */
export type NetworkKind =
  /** Gateways that scan inbound mail (Mimecast, Proofpoint, Barracuda, Cisco…): no person reads mail from here. */
  | 'mailSecurity'
  /** Microsoft's Exchange Online Protection addresses: they filter mail and read no mailbox. */
  | 'mailFiltering'
  /** A webmail's image-proxy network: a view from here is the reader's open, through the proxy. */
  | 'imageProxy'
  /** Microsoft's and Google's own networks: their webmail proxies fetch images, their scanners follow links. */
  | 'mailHost'
  /** Apple's network and its Mail Privacy Protection / Private Relay egress. */
  | 'appleRelay'
  /** Data centres and clouds: scanners run here, people do not read mail from here. */
  | 'cloudHosting'
  /** Secure web gateways that carry people's own browsing (Zscaler and the like): judge by the rest. */
  | 'webSecurityProxy'
  /** Networks people connect from at home, at work or on the phone. */
  | 'consumerIsp'
  /** A range the operator listed in EXTRA_SCANNER_NETWORKS. */
  | 'listedScanner';

/** One row of our own knowledge: who runs a network and what that means, with the source that says so. */
export interface NetworkOwner {
  /** Null for a prefix row (EOP's published ranges, the operator's list). */
  asn: number | null;
  /** The owner as a rep reads it: "Mimecast", "Exchange Online Protection". */
  name: string;
  kind: NetworkKind;
  /** A public page, vendor document or database row that says so. */
  source: string;
}

/** What is known of one client address; every field null when nothing is. */
export interface NetworkFacts {
  asn: number | null;
  /** The AS name from the ASN database ("Cloudflare, Inc."). */
  asName: string | null;
  /**
   * Our table's row for this network, when it has one. A prefix row (EOP's ranges, the operator's
   * list) wins over the ASN's row, while `asn` and `asName` still say whose AS it is (8075 for EOP).
   */
  owner: NetworkOwner | null;
  /**
   * A private, loopback or link-local address: the server sits behind a proxy it was not told to
   * trust (TRUST_PROXY), or on the reader's own network. It says nothing of who fetched.
   */
  local: boolean;
}

export type NetworkLookup = (ip: string) => NetworkFacts;

/** The ASN database as loaded, for the start log and /healthz. */
export interface AsnDatabaseStatus {
  /** False when the database could not be read: classification goes on from the other signals. */
  loaded: boolean;
  /** The npm package's version, e.g. "2.3.2026061719". */
  version: string | null;
  /** When the data was built (from the version), ISO date. */
  builtAt: string | null;
  ageDays: number | null;
  /** Older than the configured age (ASN_DATABASE_MAX_AGE_DAYS). */
  stale: boolean;
  /** IPv4 and IPv6 ranges loaded. */
  ranges: number;
  /** What is wrong, in one sentence, or null. */
  problem: string | null;
}
