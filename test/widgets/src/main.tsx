import { createRoot } from 'react-dom/client';
import { ReactLab } from './react-lab';
import { mountVanillaLab } from './vanilla-lab';

createRoot(document.getElementById('react-root')!).render(<ReactLab />);
mountVanillaLab(document.getElementById('vanilla-root')!);
