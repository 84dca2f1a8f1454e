/**
 * Preloaded (`node -r dist/test/support/loaded-modules-probe.js …`) into a License Desk process under test: answers
 * `{ type: 'loaded-modules' }` over the IPC channel with the files in its require cache, so that a test can check
 * what the process loaded without reaching into it otherwise. Does nothing without an IPC channel and does not keep
 * the process alive.
 */
export type LoadedModulesRequest = { readonly type: 'loaded-modules' };
export type LoadedModulesAnswer = { readonly type: 'loaded-modules'; readonly files: readonly string[] };

if (process.send) {
  process.channel?.unref();
  process.on('message', (message: LoadedModulesRequest) => {
    if (message?.type !== 'loaded-modules') return;
    const answer: LoadedModulesAnswer = { type: 'loaded-modules', files: Object.keys(require.cache) };
    process.send?.(answer);
  });
}
