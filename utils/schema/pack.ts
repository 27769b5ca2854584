import { z } from 'zod';
import { adapterSchema } from './adapter';
import { httpsUrl, markdown, semver, shortText, slug } from './common';
import { glossaryEntry } from './glossary';
import { reportBranding } from './report-branding';
import { eventKind } from './kinds';
import { runbookSchema } from './runbook';
import { lazySchema } from './lazy';

export const PACK_FORMAT = 'trailguide-pack';
export const PACK_FORMAT_VERSION = 1;
export const PACK_LIMITS = { bytes: 5 * 1024 * 1024, runbooks: 2_000, adapters: 200, glossary: 10_000 } as const;

export const TICKET_TARGETS = ['copy', 'github', 'jira', 'linear', 'email'] as const;

export const escalationTemplate = lazySchema(() => z.strictObject({
  id: slug,
  name: shortText,
  /** Who receives it, in words ("Tier 2 security on-call"). */
  to: shortText.optional(),
  targets: z.array(z.enum(TICKET_TARGETS)).min(1).default(['copy']),
  /** Title and body with {{placeholders}} filled from the case. */
  title: z.string().max(300).default('{{runbook.title}}: {{inputs.summary}}'),
  body: markdown.optional(),
  github: z.strictObject({ repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'Use owner/name.'), labels: z.array(z.string().max(50)).max(10).default([]) }).optional(),
  jira: z.strictObject({ baseUrl: httpsUrl, projectId: z.string().max(40), issueTypeId: z.string().max(40).optional() }).optional(),
  linear: z.strictObject({ team: z.string().max(40) }).optional(),
  email: z.strictObject({ to: z.string().email('Use an email address like security@example.org.') }).optional(),
  /** Cover text and a small logo for audit reports made from cases that use this template (issue 15). */
  report: reportBranding.optional(),
}));
export type EscalationTemplate = z.infer<typeof escalationTemplate>;

export const packSchema = lazySchema(() => z.strictObject({
  format: z.literal(PACK_FORMAT, { error: `This is not a Trailguide pack (its "format" must be "${PACK_FORMAT}").` }),
  formatVersion: z
    .number()
    .int()
    .min(1)
    .refine((v) => v <= PACK_FORMAT_VERSION, {
      message: 'This pack was made for a newer version of Trailguide. Update the extension, then import it again.',
    }),
  id: slug,
  name: shortText,
  version: semver,
  author: shortText.optional(),
  description: markdown.default(''),
  homepage: httpsUrl.optional(),
  runbooks: z.array(runbookSchema).max(PACK_LIMITS.runbooks, `A pack may hold at most ${PACK_LIMITS.runbooks} runbooks.`).default([]),
  glossary: z.array(glossaryEntry).max(PACK_LIMITS.glossary).default([]),
  adapters: z.array(adapterSchema).max(PACK_LIMITS.adapters).default([]),
  /**
   * Event kinds this pack adds to the shared list (the built-in pack carries the list itself,
   * from runbooks/kinds.yaml). Runbooks and adapters may name these and the built-in ones.
   */
  kinds: z.array(eventKind).max(500).optional(),
  escalationTemplates: z.array(escalationTemplate).max(100).default([]),
}));
export type Pack = z.infer<typeof packSchema>;
export type PackInput = z.input<typeof packSchema>;
