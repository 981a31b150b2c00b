import type { Configuration } from 'electron-builder';

/**
 * electron-builder configuration (`npm run package`). Packaging downloads Electron and the
 * AppImage/deb/dmg/nsis tooling from GitHub, so it runs on a release machine, not in npm test;
 * main/security/electron-config.test.ts checks targets, asar and fuses.
 */
const config: Configuration = {
  appId: 'org.tokentrail.app',
  productName: 'tokentrail',
  copyright: 'Copyright © tokentrail contributors',
  directories: { output: 'release', buildResources: 'assets/icons' },
  // Only the built app goes into app.asar: sources, tests, benchmarks and fixtures stay out.
  files: ['out/**/*', 'package.json', '!**/*.map', '!src/**', '!main/**', '!renderer/**', '!e2e/**', '!bench/**', '!assets/**'],
  extraResources: [{ from: 'assets/demo', to: 'demo', filter: ['**/*'] }],
  asar: true,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    // We never load file:// URLs (the renderer comes from app://), so file: gets no privileges.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    icon: 'assets/icons/icon.png',
    maintainer: 'tokentrail contributors',
  },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools', icon: 'assets/icons/icon.png' },
  win: { target: ['nsis'], icon: 'assets/icons/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};

export default config;
