import { z } from 'zod';
import { lazySchema } from './lazy';
import { shortText } from './common';

/**
 * Event kinds: what happened, in the words a support agent uses ("sign-in failed"),
 * shared by every log tool. Runbooks name a kind (`action: kind:sign-in-failed`);
 * each adapter says how its tool records it (utils/kinds/resolve.ts).
 */
/** Kebab-case: "sign-in-failed", "mfa-removed". */
export const kindId = lazySchema(() =>
  z
    .string()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Kind ids are lower-case words joined by dashes, like "sign-in-failed".'),
);
export type KindId = z.infer<typeof kindId>;

export const KIND_RISKS = ['routine', 'notable', 'sensitive'] as const;

export const eventKind = lazySchema(() => z.strictObject({
  id: kindId,
  /** What an agent calls it: "Failed sign-in". */
  name: shortText,
  /** One or two plain sentences: what it means and why it may matter. */
  meaning: z.string().trim().min(1).max(1_000),
  risk: z.enum(KIND_RISKS).default('routine'),
  /** The OCSF class and activity this kind corresponds to, where one fits (see docs/adapters.md). */
  ocsf: z.strictObject({ class: shortText, activity: shortText }).optional(),
}));
export type EventKind = z.infer<typeof eventKind>;

/** runbooks/kinds.yaml (and a pack's `kinds`): a versioned list. */
export const KINDS_FORMAT_VERSION = 1;
export const kindsFile = lazySchema(() => z.strictObject({
  version: z.literal(KINDS_FORMAT_VERSION, { error: `The kinds list must say "version: ${KINDS_FORMAT_VERSION}".` }),
  kinds: z.array(eventKind).max(500).default([]),
}));
export type KindsFile = z.infer<typeof kindsFile>;

/**
 * How one tool records a kind: a single code (shorthand), or code(s) plus conditions on
 * the adapter's other filter fields (`where: { outcome: FAILURE }`).
 */
export const kindMapping = lazySchema(() => z.union([
  z.string().trim().min(1).max(200),
  z.strictObject({
    codes: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
    where: z.record(z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'Filter names are short words like "outcome".'), z.string().max(200)).optional(),
  }),
]));
export type KindMapping = z.infer<typeof kindMapping>;

/** What a tool identifies people by; the first is what its actor filter expects. */
export const PERSON_IDS = ['email', 'username', 'display-name', 'id'] as const;
export type PersonId = (typeof PERSON_IDS)[number];
