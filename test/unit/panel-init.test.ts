import { describe, expect, it } from 'vitest';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { panelPacks } from '../../utils/background/panel-init';
import { panelInitRequest } from '../../utils/messages';

describe('panel:init — only what the panel’s first paint needs', () => {
  const builtin = loadBuiltinPack();
  const someAdapter = builtin.adapters[0]!;

  it('narrows each pack’s adapters to the page’s adapter and keeps everything else', () => {
    expect(builtin.adapters.length).toBeGreaterThan(1);
    const { packs, adaptersFor } = panelPacks([builtin], someAdapter.id);
    expect(adaptersFor).toBe(someAdapter.id);
    expect(packs[0]!.adapters).toEqual([someAdapter]);
    const { adapters: _narrowed, ...rest } = packs[0]!;
    const { adapters: _all, ...whole } = builtin;
    expect(rest).toEqual(whole);
    // The stored pack is not changed by the narrowing.
    expect(builtin.adapters.length).toBeGreaterThan(1);
  });

  it('is about half the size of the whole reply for the built-in pack', () => {
    const narrowed = JSON.stringify(panelPacks([builtin], someAdapter.id)).length;
    const whole = JSON.stringify(panelPacks([builtin], undefined)).length;
    expect(narrowed).toBeLessThan(whole * 0.65);
  });

  it('carries every adapter when none is named (the builder, reports, the side panel)', () => {
    expect(panelPacks([builtin], undefined)).toEqual({ packs: [builtin], adaptersFor: null });
  });

  it('an adapter no pack has: no adapters, the runbooks still there', () => {
    const { packs } = panelPacks([builtin], 'no-such-adapter');
    expect(packs[0]!.adapters).toEqual([]);
    expect(packs[0]!.runbooks).toBe(builtin.runbooks);
  });

  it('the request takes an optional adapter id and nothing else', () => {
    expect(panelInitRequest.safeParse({ type: 'panel:init' }).success).toBe(true);
    expect(panelInitRequest.safeParse({ type: 'panel:init', adapter: 'acme-demo' }).success).toBe(true);
    expect(panelInitRequest.safeParse({ type: 'panel:init', adapter: '' }).success).toBe(false);
    expect(panelInitRequest.safeParse({ type: 'panel:init', adapter: 'x'.repeat(81) }).success).toBe(false);
    expect(panelInitRequest.safeParse({ type: 'panel:init', adapter: 3 }).success).toBe(false);
    expect(panelInitRequest.safeParse({ type: 'panel:init', adapter: 'a', extra: 1 }).success).toBe(false);
  });
});
