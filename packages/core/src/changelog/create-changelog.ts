// A new Keep a Changelog file, for a project that has none yet.

export function createChangelog(projectName: string): string {
  const subject = projectName.trim() ? projectName.trim() : 'this project';
  return `# Changelog

All notable changes to ${subject} will be documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]
`;
}
