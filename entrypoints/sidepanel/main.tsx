import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Panel } from '@/components/panel/Panel';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Panel />
  </StrictMode>,
);
