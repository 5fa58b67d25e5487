export * from './git-commands.js';
export * from './git-runner.js';
export * from './repository.js';
export * from './commit-with-message.js';
