import '../shared/zod-jitless';
import { render } from 'preact';
import { App } from './App';
import '../shared/base.css';
import './style.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
