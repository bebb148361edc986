// mammoth's browser build (a UMD bundle of the same API as the package's main entry)
declare module 'mammoth/mammoth.browser.js' {
  const mammoth: unknown;
  export default mammoth;
}
