import type { z } from 'zod';
import { formatPath } from '../schema/safe';

/** A problem with a pack, said so a team lead can fix it. */
export interface PackProblem {
  message: string;
  /** Where in the pack, e.g. "runbooks[2].steps[0].title". */
  field?: string;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
};

/** Turns zod's first issue into one plain sentence that names the field. */
export function describeZodIssue(issue: z.core.$ZodIssue): PackProblem {
  const field = formatPath(issue.path);
  const where = field ? `"${field}"` : 'The pack';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return { field, message: `${where} is missing (it should be ${expected}).` };
      return { field, message: `${where} should be ${expected}.` };
    }
    case 'unrecognized_keys':
      return {
        field: formatPath([...issue.path, issue.keys[0] ?? '']),
        message: `${where === 'The pack' ? 'The pack' : where} has a field Trailguide does not know: "${issue.keys.join('", "')}". Check its spelling.`,
      };
    case 'invalid_value':
      return { field, message: `${where} must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.` };
    case 'too_big':
      return { field, message: `${where} is too long or too large (${issue.message}).` };
    case 'too_small':
      return { field, message: `${where} is empty or too short (${issue.message}).` };
    default:
      return { field, message: `${where}: ${issue.message}` };
  }
}
