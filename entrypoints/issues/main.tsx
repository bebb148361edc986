/** The issue list manager page (问题清单): see ./Manager.tsx. */
import '../shared/zod-jitless';
import { render } from 'preact';
import { Manager } from './Manager';
import '../shared/base.css';
import './style.css';

const root = document.getElementById('app');
if (root) render(<Manager />, root);
