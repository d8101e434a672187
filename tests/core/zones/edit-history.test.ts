import { describe, expect, it } from 'vitest';
import { commit, redo, startHistory, undo } from '../../../src/core/zones/edit-history.ts';

describe('edit history', () => {
  it('undoes and redoes edits in order, one step each', () => {
    let history = startHistory<string[]>([]);
    history = commit(history, ['a']);
    history = commit(history, ['a', 'b']);
    expect(history.present).toEqual(['a', 'b']);
    history = undo(history);
    expect(history.present).toEqual(['a']);
    history = undo(history);
    expect(history.present).toEqual([]);
    expect(undo(history)).toBe(history);
    history = redo(history);
    expect(history.present).toEqual(['a']);
    history = redo(redo(history));
    expect(history.present).toEqual(['a', 'b']);
  });

  it('drops what was redoable when a new edit is committed after an undo', () => {
    const history = commit(undo(commit(commit(startHistory(0), 1), 2)), 3);
    expect(history.past).toEqual([0, 1]);
    expect(history.present).toBe(3);
    expect(history.future).toEqual([]);
  });

  it('keeps at most the limit of steps and ignores committing the same state', () => {
    let history = startHistory(0);
    for (let i = 1; i <= 10; i++) history = commit(history, i, 4);
    expect(history.past).toEqual([6, 7, 8, 9]);
    expect(commit(history, history.present)).toBe(history);
  });
});
