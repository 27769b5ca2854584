import { parse as parseYaml } from 'yaml';
import { PACK_LIMITS, packSchema, type Pack } from '../schema/pack';
import { UnsafeInputError, assertNoForbiddenKeys } from '../schema/safe';
import { checkFlow } from '../runbook/branches';
import { describeZodIssue, type PackProblem } from './errors';
import { builtinKinds } from '../kinds/catalog';
import { findKindProblem } from './kinds-check';

/** `warnings`: things a team lead should fix that don't stop the pack (steps no branch leads to). */
export type PackParseResult = { ok: true; pack: Pack; warnings?: PackProblem[] } | { ok: false; problem: PackProblem };

function fail(message: string, field?: string): PackParseResult {
  return { ok: false, problem: field ? { message, field } : { message } };
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Reads a YAML document without letting aliases multiply it (a "billion laughs" pack). */
export function parseYamlSafely(text: string): unknown {
  // Stryker disable next-line ObjectLiteral: equivalent with yaml 2.x, whose defaults are these three; written out so a change of defaults cannot loosen them (pack-errors.test.ts pins the behaviour).
  return parseYaml(text, { maxAliasCount: 100, uniqueKeys: true, prettyErrors: true });
}

/**
 * Validates an untrusted pack (a file, a subscription, a policy) before anything is
 * stored: size, syntax, forbidden keys, then the strict schema. Never throws.
 */
export function parsePackText(text: string): PackParseResult {
  const size = byteLength(text);
  if (size > PACK_LIMITS.bytes) {
    return fail(`This pack is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${PACK_LIMITS.bytes / 1024 / 1024} MB.`);
  }
  const trimmed = text.trim();
  if (!trimmed) return fail('The file is empty.');
  if (/^<(!doctype|html|head|body|\?xml)/i.test(trimmed)) {
    return fail('This is a web page, not a pack. The address may be wrong, or the server may want you to sign in.');
  }
  let data: unknown;
  try {
    data = trimmed.startsWith('{') || trimmed.startsWith('[') ? JSON.parse(trimmed) : parseYamlSafely(trimmed);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(`The file is not valid JSON or YAML (${detail}).`);
  }
  return parsePackData(data);
}

export function parsePackData(data: unknown): PackParseResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail('This is not a Trailguide pack (expected a group of fields with "format", "id", "name" and "version").');
  }
  try {
    assertNoForbiddenKeys(data);
  } catch (error) {
    if (error instanceof UnsafeInputError) return fail(error.message, error.path);
    throw error;
  }
  // reportInput lets the error tell "missing" from "wrong type" for every kind of field.
  const result = packSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const first = result.error.issues[0];
    return first ? { ok: false, problem: describeZodIssue(first) } : fail('The pack is not valid.');
  }
  const duplicate = findDuplicateId(result.data);
  if (duplicate) return fail(duplicate.message, duplicate.field);
  const kindProblem = findKindProblem(result.data, builtinKinds());
  if (kindProblem) return fail(kindProblem.message, kindProblem.field);
  const warnings: PackProblem[] = [];
  const knownKinds = new Set([...builtinKinds(), ...(result.data.kinds ?? [])].map((k) => k.id));
  for (const [index, runbook] of result.data.runbooks.entries()) {
    const flow = checkFlow(runbook, knownKinds);
    const where = (field: string) => `runbooks[${index}].${field}`;
    const refused = flow.problems[0];
    if (refused) return fail(`Runbook "${runbook.id}": ${refused.message}`, where(refused.field));
    warnings.push(...flow.unreachable.map((w) => ({ field: where(w.field), message: `Runbook "${runbook.id}": ${w.message}` })));
  }
  return warnings.length > 0 ? { ok: true, pack: result.data, warnings } : { ok: true, pack: result.data };
}

function findDuplicateId(pack: Pack): PackProblem | undefined {
  for (const key of ['runbooks', 'adapters', 'escalationTemplates'] as const) {
    const seen = new Set<string>();
    for (const [index, item] of pack[key].entries()) {
      if (seen.has(item.id)) {
        return { field: `${key}[${index}].id`, message: `Two ${key === 'escalationTemplates' ? 'templates' : key} in this pack share the id "${item.id}".` };
      }
      seen.add(item.id);
    }
  }
  return undefined;
}
