import { createGitHubActivities, type GitHubActivities } from './activities.js';
import { ApiPullRequestEnvironments } from './api-environments.js';
import { OctokitPullRequestHost } from './octokit-host.js';
import { loadGitHubWorkerConfig } from './settings.js';

/** The GitHub integration's activities from explicit settings, or null when they are not set (off). */
export function gitHubActivitiesFromSettings(env: NodeJS.ProcessEnv): GitHubActivities | null {
  const config = loadGitHubWorkerConfig(env);
  if (!config) return null;
  return createGitHubActivities({
    environments: new ApiPullRequestEnvironments(config.environments),
    host: new OctokitPullRequestHost({
      baseUrl: config.apiUrl,
      auth: config.auth,
      statusContext: config.statusContext,
    }),
    statusContext: config.statusContext,
  });
}
