// Stands in for the `debug` package in the bundles: https-proxy-agent names its trace channel through it, and the
// extension and CLI log through their own channel, so the channel stays silent and its ~7 KB stay out of the VSIX.
module.exports = () => Object.assign(() => {}, { enabled: false });
