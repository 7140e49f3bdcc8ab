// ESLint for the TypeScript front end: typescript-eslint's recommended rules,
// type-aware, with `any` an error (the API client is typed end to end).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["vite.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    // The browser test and the configs are plain JavaScript run by Node.
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    // `document` appears inside page.evaluate(), which runs in the browser.
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        setTimeout: "readonly",
        URL: "readonly",
        document: "readonly",
        // The offline test: fetch in Node; the rest inside page.evaluate().
        fetch: "readonly",
        navigator: "readonly",
        window: "readonly",
        caches: "readonly",
        Event: "readonly",
        indexedDB: "readonly",
      },
    },
  },
);
