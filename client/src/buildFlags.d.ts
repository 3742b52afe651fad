/** Set by esbuild.mjs in every bundle of the extension: true in the web extension's, false in the others. */
declare const WEB_BUILD: boolean;
