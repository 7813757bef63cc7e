// html-validate configuration for the generated site (read by checks/html-validate.mjs, and by
// `npx html-validate` run from this folder). A .mjs file rather than .htmlvalidate.json so every
// exception can carry its reason: the JSON schema allows no comment keys.
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // The search form filters the list as you type and never changes the context (WCAG 3.2.2), so the
    // H32 technique (a submit button) is not needed; Enter in the field still submits (implicit
    // submission) and careers.js handles it in place.
    'wcag/h32': 'off',
    // Footnotes rendered from Markdown get numeric ids (id="1"): valid HTML5, only not a bare CSS
    // identifier. `relaxed` still rejects empty ids and ids with whitespace.
    'valid-id': ['error', { relaxed: true }],
    // Task lists in posting bodies are rendered by the Markdown library as
    // <input disabled="" type="checkbox"/>: valid HTML, just another spelling than the theme's.
    'void-style': 'off',
    'attribute-boolean-style': 'off',
    // <title> is "<posting title> — <site title>", both written by HR; a long one is a content choice
    // (search engines shorten it), not broken markup.
    'long-title': 'off',
  },
};
