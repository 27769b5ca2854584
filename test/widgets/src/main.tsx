import { createRoot } from 'react-dom/client';
import { mountMonacoLab } from './monaco-lab';
import { ReactLab } from './react-lab';
import { mountVanillaLab } from './vanilla-lab';
import { mountVueLab } from './vue-lab';
import { mountVuetifyLab } from './vuetify-lab';

createRoot(document.getElementById('react-root')!).render(<ReactLab />);
mountVanillaLab(document.getElementById('vanilla-root')!);
mountMonacoLab(document.getElementById('monaco-root')!);
mountVueLab(document.getElementById('vue-root')!);
mountVuetifyLab(document.getElementById('vuetify-root')!);
