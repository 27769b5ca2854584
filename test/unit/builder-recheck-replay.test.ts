import { describe, expect, it } from 'vitest';
import { gesturesFromRecording, replayProves, type Recording } from '../../utils/builder/record';

/**
 * Show me's replay (issue 14 §3): the page already shows the value the person just set, so a
 * replay proves the recording only when it starts where the value is not shown.
 */
const target = (selectors: string[], extra: object = {}) => ({ selectors, label: 'Search', tag: 'input', ...extra });

function taughtFrom(recording: Recording) {
  const result = gesturesFromRecording(recording, 'a search');
  if (!result.ok) throw new Error(result.problem);
  return result.taught;
}

const box = taughtFrom({
  events: [{ type: 'type', target: target(['#q'], { field: { kind: 'text', format: 'plain' } }), value: 'invoice' }],
  effects: [],
} as unknown as Recording);

describe('replayProves', () => {
  it('a box the engine emptied first proves typing works', () => {
    expect(box.shape).toBe('box');
    expect(replayProves(box, 'cleared')).toBe(true);
  });

  it('a box that could not be emptied proves nothing', () => {
    expect(replayProves(box, 'not-cleared')).toBe(false);
  });

  it('a box with nothing to empty (empty, or folded behind its opener) starts without the value', () => {
    expect(replayProves(box, 'untouched')).toBe(true);
    expect(replayProves({ ...box, shape: 'open' }, 'untouched')).toBe(true);
  });

  it('a list, a checkbox or a recorded sequence the clear left alone may still show the value', () => {
    expect(replayProves({ shape: 'list', dom: { selectors: ['#types a'], kind: 'list' } }, 'untouched')).toBe(false);
    expect(replayProves({ shape: 'box', dom: { selectors: ['#mine'], kind: 'checkbox' } }, 'untouched')).toBe(false);
    expect(replayProves({ shape: 'steps', dom: { selectors: ['#filters'], steps: [{ click: ['#filters'] }] } }, 'untouched')).toBe(false);
    // Emptied by the clear: then the replay does prove it.
    expect(replayProves({ shape: 'list', dom: { selectors: ['#types a'], kind: 'list' } }, 'cleared')).toBe(true);
  });

  it('a freshly taught recording is not marked checked before its replay', () => {
    expect(box.checked).toBe(false);
  });
});
