import { render } from 'preact';
import { PanelApp, startPanel } from '../../components/panel/PanelApp';
import '../../components/common/base.css';
import '../../components/panel/panel.css';

void startPanel(); // the background's reply is on its way while Preact renders
render(<PanelApp />, document.getElementById('app')!);
