import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema, schemaItself } from '../../utils/schema/lazy';
import { panelInitRequest } from '../../utils/messages';
import { caseCreate } from '../../utils/cases/messages';
import { packSchema } from '../../utils/schema/pack';
import { loadBuiltinPack } from '../../utils/pack/builtin';

/**
 * Schemas are built on first use, not when their module loads (issue 17 §4: building every zod
 * schema was most of the service worker's start-up script). A lazy schema must answer exactly as
 * the schema it wraps, on the first call and every call after.
 */
describe('a schema built on first use', () => {
  it('is not built until something reads it, then built once', () => {
    let builds = 0;
    const name = lazySchema(() => {
      builds += 1;
      return z.string().min(1).max(5);
    });
    const holder = lazySchema(() => {
      builds += 1;
      return z.strictObject({ name, tags: z.array(name).max(2) });
    });
    expect(builds).toBe(0);
    const first = holder.safeParse({ name: 'ann', tags: ['a'] });
    const second = holder.safeParse({ name: 'ann', tags: ['a'] });
    expect(first).toEqual(second);
    expect(first.success).toBe(true);
    expect(builds).toBe(2);
    expect(holder.safeParse({ name: 'toolong', tags: [] }).success).toBe(false);
    expect(holder.safeParse({ name: 'ann', tags: [], extra: 1 }).success).toBe(false);
    expect(builds).toBe(2);
  });

  it('answers like the schema itself: errors, methods, shape, instanceof', () => {
    const eager = z.strictObject({ id: z.string().min(2), n: z.number().int().optional() });
    const lazy = lazySchema(() => z.strictObject({ id: z.string().min(2), n: z.number().int().optional() }));
    for (const input of [{ id: 'ab' }, { id: 'a' }, { id: 'ab', n: 1.5 }, { id: 'ab', x: 1 }, null, 'text']) {
      expect(lazy.safeParse(input)).toEqual(eager.safeParse(input));
    }
    expect(Object.keys(lazy.shape)).toEqual(['id', 'n']);
    expect(lazy).toBeInstanceOf(z.ZodObject);
    expect(lazy.extend({ more: z.boolean() }).safeParse({ id: 'ab', more: true }).success).toBe(true);
    expect(lazy.optional().safeParse(undefined).success).toBe(true);
  });

  it('gives its schema itself for identity checks, and leaves other schemas as they are', () => {
    const lazy = lazySchema(() => z.string());
    const itself = schemaItself(lazy);
    expect(itself).not.toBe(lazy);
    expect(schemaItself(lazy)).toBe(itself);
    expect(lazy.optional().unwrap()).toBe(itself);
    const plain = z.number();
    expect(schemaItself(plain)).toBe(plain);
  });

  it('keeps the product schemas answering as before, first call and second call', () => {
    expect(panelInitRequest.safeParse({ type: 'panel:init' }).success).toBe(true);
    expect(panelInitRequest.safeParse({ type: 'panel:init', extra: true }).success).toBe(false);
    const create = { type: 'case:create', case: { ticket: 'T-1' } };
    expect(caseCreate.safeParse(create)).toEqual(caseCreate.safeParse(create));
    const pack = loadBuiltinPack();
    const first = packSchema.safeParse(pack);
    expect(first.success).toBe(true);
    expect(packSchema.safeParse(pack)).toEqual(first);
    expect(packSchema.safeParse({ ...pack, unknownKey: 1 }).success).toBe(false);
  });
});
