// Native addons (better-sqlite3) build from source against the local Node's headers instead of
// downloading them: pnpm 11+ passes only some environment variables and no .npmrc setting to
// dependencies' install scripts, so the setting is handed over here.
module.exports = {
  hooks: {
    updateConfig(config) {
      return { ...config, extraEnv: { npm_config_nodedir: process.env.npm_config_nodedir || '/usr', ...config.extraEnv } };
    },
  },
};
