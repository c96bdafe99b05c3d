import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { auth } from './lib/auth.ts';
import './index.css';

// Silent sign-in: a refresh cookie from an earlier visit gives this tab its access token; the
// app's first requests wait for the answer.
void auth.refresh();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
