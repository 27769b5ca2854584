import { z } from 'zod';
import { lazySchema } from './lazy';

// zod 4 probes for `new Function` to compile fast parsers; the extension's CSP
// forbids it (and reports each attempt). Every schema imports this module first.
z.config({ jitless: true });

/** Lower-case identifiers: "settings-changed", "github-audit-log". */
export const slug = lazySchema(() => z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/, 'Use lower-case letters, digits and dashes (for example "email-changed").'));

export const shortText = lazySchema(() => z.string().trim().min(1).max(200));
/** Markdown shown to users; sanitised when rendered, never trusted. */
export const markdown = lazySchema(() => z.string().max(20_000));

export const semver = lazySchema(() => z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'Use a version like 1.2.0.'));

export const isoDate = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-31.'));

/** Only https links (and mailto) may appear in packs. */
export const httpsUrl = lazySchema(() => z
  .string()
  .max(2_000)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Use a full https:// address.'));

/**
 * The common filter vocabulary (DESIGN.md §2): one runbook works on several log
 * tools because every adapter maps these names to its own URL parameters or inputs.
 */
export const COMMON_FILTERS = ['actor', 'action', 'target', 'ip', 'since', 'until', 'text'] as const;
export const filterName = lazySchema(() => z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'Filter names are short words like "actor" or "since".'));
export const filterValues = lazySchema(() => z.record(filterName, z.string().max(1_000)));
export type FilterValues = z.infer<typeof filterValues>;
