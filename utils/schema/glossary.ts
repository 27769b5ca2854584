import { z } from 'zod';
import { markdown, slug } from './common';
import { lazySchema } from './lazy';

/**
 * One short clause that finishes "<who> …" in a captured row's explanation
 * ("suspended an account"). Plain text, no Markdown; the full meaning stays one
 * click away beside the row.
 */
export const glossarySummary = lazySchema(() => z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((text) => !/[\n\r]/.test(text), 'A summary is one short line, like "suspended an account".'));

export const glossaryEntry = lazySchema(() => z.strictObject({
  /** An event code ("user.login", "org.add_member") or a key term ("actor"). */
  term: z.string().trim().min(1).max(120),
  /** Adapter id the entry belongs to, or "any" for terms every log shares. */
  tool: z.union([z.literal('any'), slug]).default('any'),
  /** Plain-language meaning a non-engineer can act on. */
  meaning: markdown,
  /** A short clause for explanations ("suspended an account"); without it, the meaning's first sentence is used. */
  summary: glossarySummary.optional(),
  example: z.string().max(500).optional(),
  /** How much attention the event deserves when it shows up in a capture. */
  risk: z.enum(['routine', 'notable', 'sensitive']).default('routine'),
}));
export type GlossaryEntry = z.infer<typeof glossaryEntry>;
