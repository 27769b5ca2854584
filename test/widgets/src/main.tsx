import { createRoot } from 'react-dom/client';
import { ReactLab } from './react-lab';
import { mountVanillaLab } from './vanilla-lab';
import { mountVueLab } from './vue-lab';

createRoot(document.getElementById('react-root')!).render(<ReactLab />);
mountVanillaLab(document.getElementById('vanilla-root')!);
mountVueLab(document.getElementById('vue-root')!);
