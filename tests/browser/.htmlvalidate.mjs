// html-validate configuration for the generated site (read by checks/html-validate.mjs, and by
// `npx html-validate` run from this folder). A .mjs file rather than .htmlvalidate.json so every
// exception can carry its reason: the JSON schema allows no comment keys.
export default {
  extends: ['html-validate:recommended'],
  rules: {},
};
