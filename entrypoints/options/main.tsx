import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/common/base.css';
import '../../components/options/options.css';
import '../../components/editor/editor.css';

render(<OptionsApp />, document.getElementById('app')!);
