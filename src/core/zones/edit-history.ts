/**
 * An undo/redo history of immutable states: each committed edit (a drawn zone, a finished drag, an attribute
 * change, an import) is one step. States are shared, never copied, so a step costs one array slot.
 */
export interface EditHistory<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

/** The most steps kept back; older ones drop off the start (the saved state is unaffected). */
export const HISTORY_LIMIT = 200;

/**
 * A history holding one state and no steps.
 *
 * @param present - The starting state.
 * @returns The history.
 * @example
 * startHistory([]).past.length; // 0
 */
export function startHistory<T>(present: T): EditHistory<T> {
  return { past: [], present, future: [] };
}

/**
 * Records an edit: the current state becomes undoable and whatever was redoable is dropped.
 *
 * @param history - The history.
 * @param next - The state after the edit; committing the same state again is no step.
 * @param limit - The most steps kept back.
 * @returns The new history.
 * @example
 * commit(startHistory(1), 2); // { past: [1], present: 2, future: [] }
 */
export function commit<T>(history: EditHistory<T>, next: T, limit = HISTORY_LIMIT): EditHistory<T> {
  if (next === history.present) return history;
  const past = [...history.past, history.present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] };
}

/**
 * Steps back one edit, or returns the same history when there is nothing to undo.
 *
 * @param history - The history.
 * @returns The history one step back.
 * @example
 * undo(commit(startHistory(1), 2)).present; // 1
 */
export function undo<T>(history: EditHistory<T>): EditHistory<T> {
  const previous = history.past[history.past.length - 1];
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: previous as T, future: [history.present, ...history.future] };
}

/**
 * Steps forward one undone edit, or returns the same history when there is nothing to redo.
 *
 * @param history - The history.
 * @returns The history one step forward.
 * @example
 * redo(undo(commit(startHistory(1), 2))).present; // 2
 */
export function redo<T>(history: EditHistory<T>): EditHistory<T> {
  if (history.future.length === 0) return history;
  const [next, ...future] = history.future;
  return { past: [...history.past, history.present], present: next as T, future };
}
