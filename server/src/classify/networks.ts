import { defaultConfig } from '../config.ts';
import { openNetworkDirectory } from './network-directory.ts';
import type { NetworkLookup as NetworkFactsLookup } from './network-kinds.ts';

// A shim, until classify-hit.ts reads NetworkFacts (network-kinds.ts) itself: the three names it
// reads today, worked out from the network directory instead of the hand-written Microsoft and
// Google prefixes this file used to hold (2026-12). Remove it with that rewrite.

/** The owner names classify-hit.ts still reads. */
export type NetworkName = 'Microsoft' | 'Google' | 'listed scanner';

export type NetworkLookup = (ip: string) => NetworkName | null;

/** Microsoft and Google count for clicks only (tracking.md §2); EOP is Microsoft's too. */
export function legacyNetworkLookup(networks: NetworkFactsLookup): NetworkLookup {
  return (ip) => {
    const owner = networks(ip).owner;
    if (!owner) return null;
    if (owner.kind === 'listedScanner') return 'listed scanner';
    if (owner.kind === 'mailFiltering') return 'Microsoft';
    if (owner.kind === 'mailHost') return owner.name === 'Google' ? 'Google' : 'Microsoft';
    return null;
  };
}

/** A lookup over the installed ASN database and `extra` (EXTRA_SCANNER_NETWORKS), for tests and tools. */
export function createNetworkLookup(extra: string[] = []): NetworkLookup {
  return legacyNetworkLookup(openNetworkDirectory({ ...defaultConfig, extraScannerNetworks: extra }).lookup);
}
