import { z } from 'zod';
import { filterName, filterValues, markdown, shortText, slug } from './common';
import { reviewFields } from './review';
import { lazySchema } from './lazy';

function compilesAsRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

export const INPUT_TYPES = ['text', 'email', 'userId', 'date', 'datetime', 'dateRange', 'select'] as const;

export const runbookInput = lazySchema(() => z.strictObject({
  name: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'Input names are short words like "email" or "range".'),
  label: shortText,
  type: z.enum(INPUT_TYPES).default('text'),
  required: z.boolean().default(true),
  example: z.string().max(200).optional(),
  help: z.string().max(500).optional(),
  /** A regular expression the value must match (text-like inputs). Checked here so a typo fails on import, not in the panel. */
  pattern: z
    .string()
    .max(300)
    .refine(compilesAsRegex, 'This pattern is not a valid regular expression. Check its brackets and backslashes.')
    .optional(),
  options: z.array(z.strictObject({ value: z.string().max(200), label: shortText })).max(200).optional(),
  default: z.string().max(200).optional(),
  /**
   * Whether this input names who the case is about (the customer, the account).
   * Changing it after something was captured starts a new case. Default: required
   * email and user-ID inputs identify the case; everything else does not.
   */
  identifies: z.boolean().optional(),
}));
export type RunbookInput = z.infer<typeof runbookInput>;

/** What a step can do on the page; adapters carry out fill/capture/highlight. */
export const stepAction = lazySchema(() => z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('navigate'),
    label: shortText.optional(),
    /** Filters in the common vocabulary; values may use {{input}} placeholders and dates like -30d. */
    filters: filterValues.default({}),
    /** Accepted for symmetry with fill: a link replaces the whole query; typed instead (a link that can't carry every filter), the other boxes are emptied first. */
    reset: z.boolean().default(true),
  }),
  z.strictObject({
    type: z.literal('fill'),
    label: shortText.optional(),
    filters: filterValues,
    submit: z.boolean().default(true),
    /**
     * A fresh search (the default): before writing, empty every filter box of the adapter this
     * step doesn't set, so nothing an earlier search left keeps filtering. `false` keeps them
     * (a step that narrows the search before it).
     */
    reset: z.boolean().default(true),
  }),
  z.strictObject({
    type: z.literal('capture'),
    label: shortText.optional(),
    limit: z.number().int().min(1).max(10_000).default(200),
  }),
  z.strictObject({
    type: z.literal('highlight'),
    label: shortText.optional(),
    /** An element the adapter knows by name ("search", "results", "next-page") or a list of selectors. */
    target: z.union([z.string().max(80), z.array(z.string().max(500)).min(1).max(10)]),
    message: z.string().max(500).optional(),
  }),
  z.strictObject({
    type: z.literal('escalate'),
    label: shortText.optional(),
    template: slug.optional(),
  }),
]));
export type StepAction = z.infer<typeof stepAction>;
export const ACTION_TYPES = ['navigate', 'fill', 'capture', 'highlight', 'escalate'] as const;

/**
 * A condition over the captured rows (the case's latest capture) that decides a
 * branch without asking: any row whose column equals a value (placeholders
 * allowed), no rows at all / some rows, any row whose event is sensitive (or at
 * least notable), any row of an event kind (runbooks/kinds.yaml).
 */
export const branchCondition = lazySchema(() => z.union([
  z.strictObject({ column: filterName, equals: z.string().min(1).max(1_000) }),
  z.strictObject({ rows: z.enum(['none', 'some']) }),
  z.strictObject({ risk: z.enum(['notable', 'sensitive']) }),
  z.strictObject({ kind: slug }),
]));
export type BranchCondition = z.infer<typeof branchCondition>;

export const branchAnswer = lazySchema(() => z
  .strictObject({
    answer: shortText,
    /** Decides this answer from the captured rows; the agent can still choose another. */
    if: branchCondition.optional(),
    /** The id of the step this answer leads to… */
    next: slug.optional(),
    /** …or the id of the outcome it ends with. */
    outcome: slug.optional(),
  })
  .refine((a) => (a.next === undefined) !== (a.outcome === undefined), {
    message: 'Each answer leads to one step ("next: <step id>") or one outcome ("outcome: <outcome id>").',
  }));
export type BranchAnswer = z.infer<typeof branchAnswer>;

export const stepBranch = lazySchema(() => z.strictObject({
  question: shortText,
  answers: z.array(branchAnswer).min(2).max(10),
}));
export type StepBranch = z.infer<typeof stepBranch>;

export const runbookStep = lazySchema(() => z.strictObject({
  /** Needed only when a branch or a `next` leads here. */
  id: slug.optional(),
  title: shortText,
  text: markdown.default(''),
  action: stepAction.optional(),
  /** A question whose answers lead to different steps or outcomes (see utils/runbook/branches.ts). */
  branch: stepBranch.optional(),
  /** Where to go after this step instead of the next one in the list: a step id… */
  next: slug.optional(),
  /** …or the outcome this step ends with. */
  outcome: slug.optional(),
}));
export type RunbookStep = z.infer<typeof runbookStep>;

export const runbookOutcome = lazySchema(() => z.strictObject({
  /** Needed only when a branch ends here. */
  id: slug.optional(),
  when: shortText,
  meaning: markdown,
  next: markdown.optional(),
  escalate: z.boolean().default(false),
}));

export const permissionNote = lazySchema(() => z.strictObject({
  role: shortText,
  sees: markdown,
}));

export const runbookSchema = lazySchema(() => z.strictObject({
  id: slug,
  title: shortText,
  summary: z.string().trim().min(1).max(500),
  ...reviewFields,
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** Adapter ids this runbook is written for, or "any". */
  tools: z.array(z.union([z.literal('any'), slug])).min(1).max(50).default(['any']),
  audience: z.array(shortText).max(20).default([]),
  inputs: z.array(runbookInput).max(20).default([]),
  steps: z.array(runbookStep).min(1).max(50),
  outcomes: z.array(runbookOutcome).max(20).default([]),
  permissions: z.array(permissionNote).max(20).default([]),
  escalation: z
    .strictObject({
      when: markdown,
      to: shortText.optional(),
      template: slug.optional(),
    })
    .optional(),
  /** Glossary terms (codes or words) this runbook leans on; shown beside the guide. */
  terms: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
  /** The Markdown body: how to read this log, background, tips. */
  guide: markdown.default(''),
}));
export type Runbook = z.infer<typeof runbookSchema>;
