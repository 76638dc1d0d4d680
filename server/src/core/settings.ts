/**
 * The server's settings, typed once. `package.json` `contributes.configuration` declares the same
 * keys and defaults; a unit test checks that they agree.
 */
import { FAMILIES, type Family } from './rules/types';

/** A severity a writer can choose for a family. */
export type SeverityName = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** Settings that change what the server reports. */
export interface Settings {
  /** The ITIL version the document is written for: v3 wording is flagged when writing for ITIL 4. */
  version: '3' | '4';
  /** Whether documents are about service management: decided from their terms, or fixed. */
  documentScope: 'auto' | 'itsm' | 'general';
  /** Severity per rule family. */
  severity: Record<Family, SeverityName>;
}

/** The defaults: a writer wants real misuse visible, style and history quieter. */
export const DEFAULT_SETTINGS: Settings = {
  version: '4',
  documentScope: 'auto',
  severity: {
    roles: 'warning',
    version: 'information',
    workItems: 'warning',
    outputOutcome: 'information',
    utilityWarranty: 'warning',
    agreements: 'warning',
  },
};

const SEVERITIES: readonly SeverityName[] = ['off', 'hint', 'information', 'warning', 'error'];

/** Reads settings from an untrusted object (the `itil` section of a client's configuration), keeping defaults for anything missing or invalid. */
export function readSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const version = String(r.version ?? DEFAULT_SETTINGS.version);
  const scope = r.documentScope;
  const sev = (r.severity && typeof r.severity === 'object' ? r.severity : {}) as Record<string, unknown>;
  const severity = { ...DEFAULT_SETTINGS.severity };
  for (const f of FAMILIES) {
    const v = sev[f];
    if (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)) severity[f] = v as SeverityName;
  }
  return {
    version: version === '3' ? '3' : '4',
    documentScope: scope === 'itsm' || scope === 'general' ? scope : 'auto',
    severity,
  };
}
