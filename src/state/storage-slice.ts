import type { StateCreator } from 'zustand';
import { errorText, type Text } from '../core/text/text.ts';
import type { SaveStatus } from '../io/persistence/autosaver.ts';
import type { StoredItemSummary } from '../io/persistence/workspace-database.ts';
import type { Keeper } from './keeper.ts';

/** The save status of one kept item, with what it is. */
export interface KeptStatus {
  label: Text | string;
  status: SaveStatus;
}

export interface StorageSlice {
  /** Save status by key of everything the workspaces keep (the zone editor's is `zoneSave`). */
  keptStatus: Record<string, KeptStatus>;
  /** What is kept, for the storage view (refreshed when it opens). */
  keptItems: StoredItemSummary[] | null;
  /** Why the list could not be read or an item not deleted (no IndexedDB, a failed write). */
  keptError: Text | string | null;
  refreshKeptItems(): Promise<void>;
  /** Deletes one kept item and clears it from the page, so the next change does not save it again. */
  deleteKeptItem(key: string): Promise<void>;
  retryKeeping(): void;
  /** Records a save status (the keeper calls it). */
  setKeptStatus(key: string, label: Text | string, status: SaveStatus): void;
}

/**
 * @param keeper - The keeper of the workspaces' work.
 * @param clearWork - Clears what a deleted item held from the page too, so it is not saved again; answers the keys
 *   of the items that go with it.
 */
export const createStorageSlice =
  (keeper: () => Keeper, clearWork: (key: string) => string[]): StateCreator<StorageSlice, [], [], StorageSlice> =>
  (set, get) => ({
    keptStatus: {},
    keptItems: null,
    keptError: null,
    refreshKeptItems: async () => {
      try {
        set({ keptItems: await keeper().list(), keptError: null });
      } catch (error) {
        set({ keptItems: [], keptError: errorText(error) });
      }
    },
    deleteKeptItem: async (key) => {
      try {
        await keeper().forget(key);
      } catch (error) {
        set({ keptError: errorText(error) });
        return;
      }
      const belonging = clearWork(key);
      await Promise.all(belonging.map((other) => keeper().forget(other))).catch((error: unknown) => set({ keptError: errorText(error) }));
      const keptStatus = { ...get().keptStatus };
      for (const gone of [key, ...belonging]) delete keptStatus[gone];
      set({ keptStatus });
      await get().refreshKeptItems();
    },
    retryKeeping: () => keeper().retryNow(),
    setKeptStatus: (key, label, status) => set({ keptStatus: { ...get().keptStatus, [key]: { label, status } } }),
  });
