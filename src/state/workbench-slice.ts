import type { StateCreator } from 'zustand';
import { BROWSE, type MapSlice } from './map-slice.ts';

/** The four workspaces of the workbench; one is open at a time. */
export type WorkspaceKey = 'fires' | 'eia' | 'boilers' | 'zones';
export const WORKSPACES: readonly WorkspaceKey[] = ['fires', 'eia', 'boilers', 'zones'];

export type Dialog = 'none' | 'settings' | 'data-sources' | 'storage';

/** The frame around the map: which workspace is open, which panels are collapsed, which dialog shows. */
export interface WorkbenchSlice {
  /** The open workspace, or null for the map alone. Switching keeps every workspace's state. */
  workspace: WorkspaceKey | null;
  /** The workspace panel folded away (desktop: to a strip; phone: to its header). */
  panelCollapsed: boolean;
  /** The layer panel open over the map. */
  layersOpen: boolean;
  dialog: Dialog;
  /** Opens a workspace (null: none); a tool of the one left (drawing, placing) ends, so clicks browse again. */
  openWorkspace(workspace: WorkspaceKey | null): void;
  setPanelCollapsed(collapsed: boolean): void;
  setLayersOpen(open: boolean): void;
  openDialog(dialog: Dialog): void;
}

export const createWorkbenchSlice: StateCreator<WorkbenchSlice & MapSlice, [], [], WorkbenchSlice> = (set, get) => ({
  workspace: null,
  panelCollapsed: false,
  // On a phone the layer panel would cover most of the map: it starts folded there.
  layersOpen: typeof window === 'undefined' || typeof window.matchMedia !== 'function' || !window.matchMedia('(max-width: 600px)').matches,
  dialog: 'none',
  openWorkspace: (workspace) => {
    if (workspace === get().workspace) return set({ panelCollapsed: false });
    // Opening a workspace folds the layer panel away, so the map keeps the room; the user can open it again.
    set({ workspace, panelCollapsed: false, mapMode: BROWSE, ...(workspace ? { layersOpen: false } : {}) });
  },
  setPanelCollapsed: (panelCollapsed) => set({ panelCollapsed }),
  setLayersOpen: (layersOpen) => set({ layersOpen }),
  openDialog: (dialog) => set({ dialog }),
});
