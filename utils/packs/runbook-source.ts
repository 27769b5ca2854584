import { stringify } from 'yaml';
import { describeZodIssue } from '../pack/errors';
import { PackFolderError, splitFrontMatter } from '../pack/folder';
import { builtinKinds } from '../kinds/catalog';
import { checkFlow } from '../runbook/branches';
import { UnsafeInputError, assertNoForbiddenKeys } from '../schema/safe';
import { runbookSchema, type Runbook } from '../schema/runbook';
import type { ValidateReply } from './messages';

/**
 * A runbook as a team lead edits it: YAML front matter, then the Markdown guide —
 * the same text as one *.md file of a pack folder (utils/pack/folder.ts).
 */
export function parseRunbookSource(source: string): ValidateReply {
  let data: Record<string, unknown>;
  let body: string;
  try {
    ({ data, body } = splitFrontMatter(source, 'runbook'));
  } catch (error) {
    if (error instanceof PackFolderError) return { ok: false, problem: { message: error.message.replace(/^runbook: /, '') } };
    throw error;
  }
  return validateRunbookData({ ...data, guide: body });
}

/** Validates runbook data from anywhere untrusted (the editor, a message). */
export function validateRunbookData(data: unknown): ValidateReply {
  try {
    assertNoForbiddenKeys(data);
  } catch (error) {
    if (error instanceof UnsafeInputError) return { ok: false, problem: { message: error.message, field: error.path } };
    throw error;
  }
  const result = runbookSchema.safeParse(data);
  if (result.success) {
    // Branches that loop or lead nowhere are refused as a pack would be; unreachable steps are reported.
    const flow = checkFlow(result.data, new Set(builtinKinds().map((k) => k.id)));
    const refused = flow.problems[0];
    if (refused) return { ok: false, problem: refused };
    return flow.unreachable.length > 0 ? { ok: true, runbook: result.data, warnings: flow.unreachable } : { ok: true, runbook: result.data };
  }
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, problem: { message: 'This runbook is not valid.' } };
  const problem = describeZodIssue(issue);
  return { ok: false, problem: { ...problem, message: problem.message.replace(/^The pack\b/, 'The runbook') } };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Back to editable text; empty lists and blanks are left out so the front matter stays short. */
export function runbookToSource(runbook: Runbook): string {
  const { guide, ...rest } = runbook;
  const data = Object.fromEntries(Object.entries(rest).filter(([key, value]) => !isEmpty(value) && !(key === 'tools' && isAnyOnly(value))));
  // lineWidth 0: never fold long titles over two lines, which would surprise someone editing by hand.
  const yaml = stringify(data, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${guide.trim()}\n`;
}

function isAnyOnly(value: unknown): boolean {
  return Array.isArray(value) && value.length === 1 && value[0] === 'any';
}

export const BLANK_RUNBOOK_SOURCE = `---
id: my-new-runbook
title: What the customer or auditor is asking about
summary: One sentence that tells an agent when to use this runbook.
tags: [account]
inputs:
  - name: email
    label: Customer's email address
    type: email
    example: dana@example.com
steps:
  - title: Search the log for the customer's account
    text: Fills the log's search with the customer's email for the last 30 days.
    action:
      type: fill
      filters:
        target: "{{email}}"
        since: -30d
  - title: Capture what you see
    action:
      type: capture
  - title: Read each row
    text: |
      Look at the **Actor** column: that is who did it.
outcomes:
  - when: Nothing shows up
    meaning: The event did not happen in this period, or you cannot see it with your role.
    escalate: true
---

## How to read this log

Write tips for the agent here: what the columns mean, what is normal, what is not.
`;
