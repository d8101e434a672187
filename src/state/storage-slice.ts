import type { StateCreator } from 'zustand';
import type { SaveStatus } from '../io/persistence/autosaver.ts';
import type { StoredItemSummary } from '../io/persistence/workspace-database.ts';
import type { Keeper } from './keeper.ts';

/** The save status of one kept item, with what it is. */
export interface KeptStatus {
  label: string;
  status: SaveStatus;
}

export interface StorageSlice {
  /** Save status by key of everything the workspaces keep (the zone editor's is `zoneSave`). */
  keptStatus: Record<string, KeptStatus>;
  /** What is kept, for the storage view (refreshed when it opens). */
  keptItems: StoredItemSummary[] | null;
  refreshKeptItems(): Promise<void>;
  /** Deletes one kept item and clears it from the page, so the next change does not save it again. */
  deleteKeptItem(key: string): Promise<void>;
  retryKeeping(): void;
  /** Records a save status (the keeper calls it). */
  setKeptStatus(key: string, label: string, status: SaveStatus): void;
}

/**
 * @param keeper - The keeper of the workspaces' work.
 * @param clearWork - Clears what a deleted item held from the page too, so it is not saved again.
 */
export const createStorageSlice =
  (keeper: () => Keeper, clearWork: (key: string) => void): StateCreator<StorageSlice, [], [], StorageSlice> =>
  (set, get) => ({
    keptStatus: {},
    keptItems: null,
    refreshKeptItems: async () => set({ keptItems: await keeper().list() }),
    deleteKeptItem: async (key) => {
      await keeper().forget(key);
      clearWork(key);
      const keptStatus = { ...get().keptStatus };
      delete keptStatus[key];
      set({ keptStatus });
      await get().refreshKeptItems();
    },
    retryKeeping: () => keeper().retryNow(),
    setKeptStatus: (key, label, status) => set({ keptStatus: { ...get().keptStatus, [key]: { label, status } } }),
  });
