import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import OptionsPage from '@/components/options/OptionsPage';
import '@/components/options/options.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OptionsPage />
    </StrictMode>,
  );
}
