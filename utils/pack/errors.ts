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
  int: 'a whole number',
  record: 'a group of fields',
};

/** zod only carries the input when asked (reportInput); its English message says "received undefined" otherwise. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  if ('input' in issue) return issue.input === undefined;
  return /received undefined$/.test(issue.message);
}

const UNIT_WORDS: Record<string, string> = { string: 'characters', array: 'items', set: 'items', file: 'bytes' };

/** "at most 200 characters", "at least 1 item", "at most 10000". */
function limitWords(kind: 'at most' | 'at least', origin: string, limit: number | bigint): string {
  const unit = UNIT_WORDS[origin];
  if (!unit) return `${kind} ${limit}`;
  // Stryker disable next-line Regex: equivalent — each unit word has one "s", at its end.
  return `${kind} ${limit} ${Number(limit) === 1 ? unit.replace(/s$/, '') : unit}`;
}

/** Turns zod's first issue into one plain sentence that names the field. */
export function describeZodIssue(issue: z.core.$ZodIssue): PackProblem {
  const field = formatPath(issue.path);
  const where = field ? `"${field}"` : 'The pack';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (isMissing(issue)) return { field, message: `${where} is missing (it should be ${expected}).` };
      return { field, message: `${where} should be ${expected}.` };
    }
    case 'invalid_key': {
      // A record key (a filter name, a field name) failed its own check; that check's message says how to fix it.
      const reason = issue.issues[0]?.message;
      return { field, message: `${where} is not a name Trailguide accepts here.${reason ? ` ${reason}` : ''}` };
    }
    case 'invalid_union': {
      if ('input' in issue && issue.input === undefined) return { field, message: `${where} is missing.` };
      // Discriminated unions (a step action's "type") list the kinds they accept in their message.
      const kinds = /Expected (.+)$/.exec(issue.message)?.[1]?.match(/'[^']+'/g);
      if (kinds) return { field, message: `${where} must be one of: ${kinds.map((k) => `"${k.slice(1, -1)}"`).join(', ')}.` };
      return { field, message: `${where} does not match any of the forms Trailguide accepts.` };
    }
    case 'unrecognized_keys':
      return {
        field: formatPath([...issue.path, issue.keys[0] ?? '']),
        message: `${where === 'The pack' ? 'The pack' : where} has a field Trailguide does not know: "${issue.keys.join('", "')}". Check its spelling.`,
      };
    case 'invalid_value':
      if (isMissing(issue)) {
        return { field, message: `${where} is missing (it must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}).` };
      }
      return { field, message: `${where} must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.` };
    case 'too_big':
      // A limit with its own sentence in the schema ("A pack may hold at most 2000 runbooks.") says it best.
      if (!/^Too big/.test(issue.message)) return { field, message: `${where}: ${issue.message}` };
      return { field, message: `${where} is too long or too large (${limitWords('at most', issue.origin, issue.maximum)}).` };
    case 'too_small':
      if (Number(issue.minimum) === 1 && (issue.origin === 'string' || issue.origin === 'array')) {
        return { field, message: `${where} is empty (it needs ${limitWords('at least', issue.origin, issue.minimum)}).` };
      }
      return { field, message: `${where} is too short or too small (${limitWords('at least', issue.origin, issue.minimum)}).` };
    default:
      return { field, message: `${where}: ${issue.message}` };
  }
}
