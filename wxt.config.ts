import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See ARCHITECTURE.md. The extension is a thin shell around lib/ (the audit engine).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  publicDir: 'assets/public',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['activeTab', 'scripting', 'storage'],
    host_permissions: ['*://*.gov.cn/*'],
  },
});
