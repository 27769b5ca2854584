import { describe, expect, it } from 'vitest';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { builtinPackJson } from '../../wxt.config';

/**
 * A build carries the built-in pack parsed and validated at build time (wxt.config.ts), so a
 * cold service worker only JSON.parses it (issue 17 §4). It must be the very pack the run-time
 * parse gives — same runbooks, in the same order, with the same defaults filled in.
 */
describe('the built-in pack as a build carries it', () => {
  it('equals the pack parsed from runbooks/ at run time', { timeout: 120_000 }, () => {
    const built: unknown = JSON.parse(builtinPackJson());
    const parsed = loadBuiltinPack();
    expect(built).toEqual(parsed);
    // The stored copy is compared as JSON text (utils/packs/store.ts): that must agree too.
    expect(JSON.stringify(built, null, 2)).toBe(JSON.stringify(parsed, null, 2));
  });
});
