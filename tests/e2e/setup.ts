import { E2E_REQUIRED, HAVE_BROWSER, INSTALL_HINT } from '../../scripts/browser';

if (E2E_REQUIRED && !HAVE_BROWSER) throw new Error(`E2E_REQUIRED=1 but no Chromium found: ${INSTALL_HINT}`);

export { HAVE_BROWSER };
