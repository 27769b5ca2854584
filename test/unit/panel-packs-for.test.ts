import { describe, expect, it } from 'vitest';
import { packsForCurrent } from '../../components/panel/packs-for';

/** panel:init as the background answers it: only the named adapter (adaptersFor), after the page moved or not. */
function background(onAsk: (adapter: string | null) => void = () => undefined) {
  const asked: (string | null)[] = [];
  const ask = async (adapter: string | null) => {
    asked.push(adapter);
    onAsk(adapter);
    return { adaptersFor: adapter, packs: [`packs for ${adapter}`] };
  };
  return { asked, ask };
}

describe('packsForCurrent: the packs for the adapter the page is shown with now', () => {
  it('asks again when the page moved to another adapter while it asked (built-in first, then the taught one)', async () => {
    let current = 'acme-demo';
    const { asked, ask } = background((adapter) => {
      if (adapter === 'acme-demo') current = 'acme-taught';
    });
    const reply = await packsForCurrent(ask, () => current);
    expect(asked).toEqual(['acme-demo', 'acme-taught']);
    expect(reply.adaptersFor).toBe('acme-taught');
  });

  it('asks once when nothing moved, or when no adapter is named (the builder, the side panel)', async () => {
    const once = background();
    expect((await packsForCurrent(once.ask, () => 'acme-demo')).adaptersFor).toBe('acme-demo');
    expect(once.asked).toEqual(['acme-demo']);
    const all = background();
    await packsForCurrent(all.ask, () => null);
    expect(all.asked).toEqual([null]);
  });

  it('gives up after a few tries on a page that never settles, with the last reply', async () => {
    let n = 0;
    const { asked, ask } = background(() => void n++);
    const reply = await packsForCurrent(ask, () => `adapter-${n}`);
    expect(asked).toEqual(['adapter-0', 'adapter-1', 'adapter-2']);
    expect(reply.adaptersFor).toBe('adapter-2');
  });
});
