import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useAppStore } from '../state/store.ts';
import { App } from './App.tsx';
import './app.css';

void useAppStore.getState().loadBoundaries();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
