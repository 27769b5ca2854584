import { z } from 'zod';
import { markdown, slug } from './common';

export const glossaryEntry = z.strictObject({
  /** An event code ("user.login", "org.add_member") or a key term ("actor"). */
  term: z.string().trim().min(1).max(120),
  /** Adapter id the entry belongs to, or "any" for terms every log shares. */
  tool: z.union([z.literal('any'), slug]).default('any'),
  /** Plain-language meaning a non-engineer can act on. */
  meaning: markdown,
  example: z.string().max(500).optional(),
  /** How much attention the event deserves when it shows up in a capture. */
  risk: z.enum(['routine', 'notable', 'sensitive']).default('routine'),
});
export type GlossaryEntry = z.infer<typeof glossaryEntry>;
