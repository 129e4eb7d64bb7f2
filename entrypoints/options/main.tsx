import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import '../sidebar/style.css';
import './options.css';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<OptionsPage />, document.getElementById('app')!);
