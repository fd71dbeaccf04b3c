// Generated from the API's OpenAPI document by `npm run dashboard:api-types`: do not edit.
// test/integ/dashboard/api-types.test.ts fails when it no longer matches the API.
export interface paths {
    "/codec/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decrypt payloads of your team's workflows (Temporal codec server) */
        post: operations["createCodecDecode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/codec/encode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Encrypt payloads (Temporal codec server) */
        post: operations["createCodecEncode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["listHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: Postgres and Temporal reachable */
        get: operations["listReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The provider's redirect back: verifies the ID token, starts a session (cookie) */
        get: operations["listAuthCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sign-in provider, for `microstax login` (device flow with the CLI client) */
        get: operations["listAuthConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/id-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange an ID token from the provider (microstax login) for an API token */
        post: operations["createAuthIdToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start a browser sign-in: redirects to the OpenID Connect provider (code flow + PKCE) */
        get: operations["listAuthLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends the session and clears its cookie */
        post: operations["createAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blueprints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List blueprints (your team's; admins: every team, or ?team=) */
        get: operations["listBlueprints"];
        put?: never;
        /** Register a blueprint version (identical content returns the existing version) */
        post: operations["createBlueprints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blueprints/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a blueprint version (default the latest), resolved, with secrets masked */
        get: operations["getBlueprint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blueprints/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dry-run a branch against a baseline: which services deploy, fork or reuse, and why; with `placement`, also where each runs and its hourly cost */
        post: operations["createBlueprintsPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blueprints/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a blueprint (with overlays and context) without registering it */
        post: operations["createBlueprintsValidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/costs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cost per team per day, with the savings of sleeping and of branch reuse */
        get: operations["listCosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List environments, newest first (filters: team, owner, blueprint, phase, labelSelector) */
        get: operations["listEnvironments"];
        put?: never;
        /** Create an environment (or a branch of one); send Idempotency-Key to make retries safe */
        post: operations["createEnvironments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an environment: phase, per-service status, URLs, plan, cost, lineage (share tokens: status and URLs) */
        get: operations["getEnvironment"];
        put?: never;
        post?: never;
        /** Tear the environment down (cancels a create in flight); repeating it is harmless. Live branches below it give 409 has_branches unless ?cascade=true */
        delete: operations["deleteEnvironment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/diffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A branch's traffic diff runs, newest first (verdict and counts; no reports) */
        get: operations["listEnvironmentDiffs"];
        put?: never;
        /**
         * Start a traffic diff: each request to the baseline twice and to the branch once, noise learned and ignored
         * @description `id` is the branch. 409 when it is not a branch, when `against` is not its baseline, when its baseline is gone, or when there is nothing to replay. Writes (POST, PUT, PATCH, DELETE) never reach the baseline: they are sent to the branch only when everything they can reach there is the branch's own (every data service forked), else skipped and listed with why. Follow the run with GET .../diffs/{runId}; it is kept after its workflow is gone.
         */
        post: operations["createEnvironmentDiffs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/diffs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A traffic diff run: its progress while it runs, its report once done (kept after the workflow is gone) */
        get: operations["getEnvironmentDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The environment's audit log: who did what, oldest first */
        get: operations["listEnvironmentEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the TTL by a duration, from now or the current expiry (whichever is later) */
        post: operations["createEnvironmentExtend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/pods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An environment's pods per service (phase, ready, restarts, node, age), its init steps' pods with their result */
        get: operations["listEnvironmentPods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Load a ready snapshot back into the environment's data services */
        post: operations["createEnvironmentRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/seed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-run data services' init steps (all of them, or one service) */
        post: operations["createEnvironmentSeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/services/{service}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A service's logs as text (each pod's, prefixed `[pod]` when several); `follow` streams new lines */
        get: operations["listEnvironmentServiceLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The environment's shares (tokens are never shown again) */
        get: operations["listEnvironmentShares"];
        put?: never;
        /** Share read access to status and URLs until the share expires or is revoked */
        post: operations["createEnvironmentShares"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/shares/{shareId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a share at once */
        delete: operations["deleteEnvironmentShare"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/sleep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a ready environment to sleep: workloads scaled to zero; volumes, Secrets and Services kept
         * @description 200 when the environment is already sleeping (nothing to do); 202 when the request was taken (the phase follows: watch GET or /stream); 409 `conflict` when its phase does not allow it (it must be ready or sleeping).
         */
        post: operations["createEnvironmentSleep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The environment's snapshots, newest first */
        get: operations["listEnvironmentSnapshots"];
        put?: never;
        /** Snapshot the environment's data services (same name twice returns the first snapshot) */
        post: operations["createEnvironmentSnapshots"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/snapshots/{snapshot}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a snapshot: its row at once, its stored artifacts by a workflow (404 once gone; 409 while pending) */
        delete: operations["deleteEnvironmentSnapshot"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events: `status` (the environment, on every change), `audit` (new audit events), `end` (finished) */
        get: operations["listEnvironmentStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/traffic-capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An environment's traffic capture settings and how many requests are kept */
        get: operations["listEnvironmentTrafficCapture"];
        /**
         * Turn traffic capture on (or change it): the gateway records a sample of requests to the environment
         * @description Sensitive headers (Authorization, Cookie, ...) are replaced by a placeholder; bodies over maxBodyBytes are not kept. Takes effect at the gateway within 5 s.
         */
        put: operations["putEnvironmentTrafficCapture"];
        post?: never;
        /** Turn traffic capture off and delete the requests captured */
        delete: operations["deleteEnvironmentTrafficCapture"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{id}/wake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Wake a sleeping environment: workloads back to their planned replicas
         * @description 200 when the environment is already ready (nothing to do); 202 when the request was taken (the phase follows: watch GET or /stream); 409 `conflict` when its phase does not allow it (it must be sleeping or waking or ready).
         */
        post: operations["createEnvironmentWake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the environment of this name, or update it in place (same id and URLs; only changed services are re-applied); returns the plan of what changes and why */
        post: operations["createEnvironmentsApply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integrations/github/repositories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List configured repositories (admins; secrets never shown) */
        get: operations["listIntegrationsGithubRepositories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integrations/github/repositories/{owner}/{repo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A repository's settings (admins; the secret is never shown) */
        get: operations["getIntegrationsGithubRepository"];
        /** Configure a repository: team, blueprint, image mapping, webhook secret (admins) */
        put: operations["putIntegrationsGithubRepository"];
        post?: never;
        /** Stop acting on a repository (its webhooks get 401 from now on) */
        delete: operations["deleteIntegrationsGithubRepository"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integrations/github/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** GitHub webhook (pull_request events), verified by X-Hub-Signature-256 */
        post: operations["createIntegrationsGithubWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The verdict a create (or an apply, with name) would get from the policies; nothing is registered or created */
        post: operations["createPoliciesCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/company": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company policy (every user may read it) */
        get: operations["listPoliciesCompany"];
        /** Set the company policy (admins): stored as its next version, audited */
        put: operations["putPoliciesCompany"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/company/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the company policy, newest first: who set it, when, what changed */
        get: operations["listPoliciesCompanyHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/teams/{team}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team's policy (its members and admins) */
        get: operations["getPoliciesTeam"];
        /** Set a team's policy (its team admins, and admins): stored as its next version, audited */
        put: operations["putPoliciesTeam"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/teams/{team}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a team's policy, newest first: who set it, when, what changed */
        get: operations["listPoliciesTeamHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the teams you can see (admins: all) */
        get: operations["listTeams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a team's users and their roles */
        get: operations["listTeamMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your API tokens (admins, team-admins: ?user=<name> for their users') */
        get: operations["listTokens"];
        put?: never;
        /** Create an API token (shown once); admins and team-admins may issue one for their users */
        post: operations["createTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token (yours; team-admins: your team’s; admins: anyone’s) */
        delete: operations["deleteToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the credential speaks for */
        get: operations["listWhoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createCodecDecode: {
        parameters: {
            query?: never;
            header?: {
                "x-namespace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Temporal's codec server protocol: payloads in proto3 JSON */
        requestBody: {
            content: {
                "application/json": {
                    payloads: {
                        data?: string;
                        /** @default {} */
                        metadata?: {
                            [key: string]: string;
                        };
                    }[];
                };
            };
        };
        responses: {
            /** @description Temporal's codec server protocol: payloads in proto3 JSON */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payloads: {
                            data?: string;
                            /** @default {} */
                            metadata: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createCodecEncode: {
        parameters: {
            query?: never;
            header?: {
                "x-namespace"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Temporal's codec server protocol: payloads in proto3 JSON */
        requestBody: {
            content: {
                "application/json": {
                    payloads: {
                        data?: string;
                        /** @default {} */
                        metadata?: {
                            [key: string]: string;
                        };
                    }[];
                };
            };
        };
        responses: {
            /** @description Temporal's codec server protocol: payloads in proto3 JSON */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payloads: {
                            data?: string;
                            /** @default {} */
                            metadata: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
        };
    };
    listReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Nothing more: which dependency failed, and why, is logged with the request id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Postgres and Temporal both answered */
                        ready: boolean;
                    };
                };
            };
            /** @description Nothing more: which dependency failed, and why, is logged with the request id */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Postgres and Temporal both answered */
                        ready: boolean;
                    };
                };
            };
        };
    };
    listAuthCallback: {
        parameters: {
            query?: {
                code?: string;
                error?: string;
                error_description?: string;
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listAuthConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where to sign in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The public client `microstax login` signs in with (device flow) */
                        cliClientId: string;
                        /** @description The OpenID Connect issuer */
                        issuer: string;
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createAuthIdToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Shown in the token list
                     * @default microstax login
                     */
                    description?: string;
                    /** @description An ID token the provider issued to the CLI client */
                    idToken: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt: string;
                        description: string;
                        expiresAt: string | null;
                        id: string;
                        /** @description The first characters of the token */
                        prefix: string;
                        revokedAt: string | null;
                        /** @enum {string} */
                        state: "active" | "expired" | "revoked";
                        token: string;
                        /** @description The user name */
                        user: string;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listAuthLogin: {
        parameters: {
            query?: {
                /** @description Where the browser goes once signed in (a path on this server) */
                returnTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listBlueprints: {
        parameters: {
            query?: {
                /** @description Team id */
                team?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            latestVersion: number;
                            name: string;
                            team: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createBlueprints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description File name used in problem locations, e.g. checkout-dev.yaml */
                    fileName?: string;
                    /** @description Init scripts keyed by the path the blueprint names them with, e.g. scripts/seed.sql */
                    scripts?: {
                        [key: string]: string;
                    };
                    /** @description Blueprint YAML */
                    source: string;
                    /** @description Team to register for (admins only; default your team) */
                    team?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description False when identical content was already registered */
                        created: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt: string;
                        /** @description sha256 of the resolved blueprint */
                        digest: string;
                        fileName: string;
                        name: string;
                        services: string[];
                        team: string;
                        version: number;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description False when identical content was already registered */
                        created: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt: string;
                        /** @description sha256 of the resolved blueprint */
                        digest: string;
                        fileName: string;
                        name: string;
                        services: string[];
                        team: string;
                        version: number;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getBlueprint: {
        parameters: {
            query?: {
                /** @description Resolve it as this environment runs it: its version with the overlays (policies' included) and context it was created with */
                environment?: string;
                /** @description Team id */
                team?: string;
                version?: number;
            };
            header?: never;
            path: {
                /** @description Blueprint name, a DNS label */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt: string;
                        /** @description sha256 of the resolved blueprint */
                        digest: string;
                        fileName: string;
                        graph: {
                            [key: string]: string[];
                        };
                        name: string;
                        /** @description Which layer set each value: dotted path (services by name, e.g. services.api.env) to FILE:LINE of the blueprint, an overlay, a policy overlay (company-policy-v3.yaml, team-<id>-policy-v1.yaml) or --set; defaults have no entry */
                        provenance: {
                            [key: string]: string;
                        };
                        /** @description The resolved blueprint (see blueprints/resolved.ts); secrets masked */
                        resolved: {
                            name: string;
                            routing: string;
                            services: ({
                                image: string;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
                        };
                        services: string[];
                        team: string;
                        version: number;
                        versions: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            digest: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createBlueprintsPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The baseline: a blueprint, or a running environment {environment: id} */
                    baseline: ({
                        /** @description Blueprint name, a DNS label */
                        name: string;
                        /** @description Version; default the latest */
                        version?: number;
                    } | {
                        /** @description File name used in problem locations, e.g. checkout-dev.yaml */
                        fileName?: string;
                        /** @description Init scripts keyed by the path the blueprint names them with, e.g. scripts/seed.sql */
                        scripts?: {
                            [key: string]: string;
                        };
                        /** @description Blueprint YAML */
                        source: string;
                    }) | {
                        environment: string;
                    };
                    /** @description The branch blueprint */
                    branch: {
                        /** @description Blueprint name, a DNS label */
                        name: string;
                        /** @description Version; default the latest */
                        version?: number;
                    } | {
                        /** @description File name used in problem locations, e.g. checkout-dev.yaml */
                        fileName?: string;
                        /** @description Init scripts keyed by the path the blueprint names them with, e.g. scripts/seed.sql */
                        scripts?: {
                            [key: string]: string;
                        };
                        /** @description Blueprint YAML */
                        source: string;
                    };
                    /** @description Context that selects which overlays apply, e.g. {team: payments, branch: feature/x} */
                    context?: {
                        [key: string]: string;
                    };
                    overlays?: {
                        /** @description File name used in problem locations, e.g. checkout-dev.yaml */
                        fileName: string;
                        /** @description Overlay YAML */
                        source: string;
                    }[];
                    /** @description Also choose a node pool per branch service at the lowest hourly cost: true, or options (pools, baselineZone, ...) */
                    placement?: boolean | {
                        /** @description Let data services run on spot nodes (default false) */
                        allowDataOnSpot?: boolean;
                        /** @description Zone the baseline runs in (enables the cross-zone traffic cost) */
                        baselineZone?: string;
                        /** @description Hourly cost of one branch-to-baseline call crossing zones (default 0.02) */
                        crossZoneHourlyCost?: number;
                        /** @description Node pools to place on (the local/stack/node-pools.yaml format); default the cluster's labelled nodes, as a real create uses. At most 50 pools of 1000 nodes, and services x replicas x pools x nodes at most 500,000 (planner/placement/limits.ts) */
                        pools?: {
                            capacity: {
                                /** @description Allocatable CPU per node, e.g. "4" */
                                cpu: string;
                                /** @description Allocatable memory per node, e.g. 16Gi */
                                memory: string;
                                /** @default 110 */
                                pods?: number;
                            };
                            /** @enum {string} */
                            capacityType: "on-demand" | "spot";
                            /** @description Price of one node per hour */
                            hourlyPrice: number;
                            /** @description Instance type, e.g. m5.xlarge */
                            instanceType: string;
                            /** @description Pool name, a DNS label */
                            name: string;
                            /** @description Number of nodes in the pool */
                            nodes: number;
                            /** @description Availability zone, e.g. zone-a */
                            zone: string;
                        }[];
                        /**
                         * @description auto (default): heuristic, plus the exact MILP when small enough
                         * @enum {string}
                         */
                        solver?: "auto" | "milp" | "heuristic";
                    };
                    /** @description Team id */
                    team?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        baseline: {
                            digest: string;
                            name: string;
                        };
                        branch: {
                            digest: string;
                            name: string;
                        };
                        /** @description Where each service of the branch runs (planner/types.ts PlacementPlan), when asked */
                        placement?: {
                            /**
                             * @description live: planned on the pools' free room (what runs subtracted); full: on their whole size
                             * @enum {string}
                             */
                            capacity?: "live" | "full";
                            /** @description Hourly cost of running every service in the branch (no reuse), for comparison */
                            cloneAllHourlyCost?: number;
                            /** @description Hourly cost of the branch environment as placed */
                            hourlyCost: number;
                            /** @description Everything on the cheapest on-demand pool, for comparison */
                            naiveHourlyCost: number;
                            /** @description The proven optimum, when solved exactly */
                            optimalHourlyCost?: number;
                            services: {
                                /** @enum {string} */
                                capacityType: "on-demand" | "spot";
                                /** @description Other pools the pods may run in when the chosen one is full, cheapest first, with their node-affinity weight (the chosen pool weighs 100) */
                                fallbacks?: {
                                    pool: string;
                                    weight: number;
                                }[];
                                hourlyCost: number;
                                nodeSelector: {
                                    [key: string]: string;
                                };
                                pool: string;
                                service: string;
                                zone: string;
                            }[];
                            /** @enum {string} */
                            solver: "milp" | "heuristic";
                            /** @description Why that solver answered, e.g. "heuristic: the exact solve ran past its 12 s time limit" */
                            solverReason?: string;
                        };
                        plan: {
                            services: {
                                /** @enum {string} */
                                action: "deploy" | "fork" | "reuse";
                                name: string;
                                reasons: string[];
                            }[];
                            summary: {
                                deploy: number;
                                fork: number;
                                removed: string[];
                                reuse: number;
                            };
                        };
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createBlueprintsValidate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Context that selects which overlays apply, e.g. {team: payments, branch: feature/x} */
                    context?: {
                        [key: string]: string;
                    };
                    /** @description File name used in problem locations, e.g. checkout-dev.yaml */
                    fileName?: string;
                    overlays?: {
                        /** @description File name used in problem locations, e.g. checkout-dev.yaml */
                        fileName: string;
                        /** @description Overlay YAML */
                        source: string;
                    }[];
                    /** @description Init scripts keyed by the path the blueprint names them with, e.g. scripts/seed.sql */
                    scripts?: {
                        [key: string]: string;
                    };
                    /** @description Blueprint YAML */
                    source: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        graph?: {
                            [key: string]: string[];
                        };
                        problems: {
                            column: number;
                            file: string;
                            line: number;
                            message: string;
                            path: string;
                        }[];
                        services?: string[];
                        valid: boolean;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listCosts: {
        parameters: {
            query?: {
                /** @description First UTC day (default 6 days before `to`) */
                from?: string;
                /** @description One team (admins: any; members: their own, the default) */
                team?: string;
                /** @description Last UTC day, included (default today) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Per team per UTC day, oldest first */
                        days: {
                            /** @description What it cost so far: running hours x the hourly cost of its pods as placed */
                            accrued: number;
                            /** @description Asleep costs no compute */
                            asleepHours: number;
                            /** @description What it would have cost had the branch run every service instead of reusing the baseline */
                            cloneAll: number;
                            /** @description UTC day, YYYY-MM-DD */
                            day: string;
                            /** @description Environments billed or asleep that day */
                            environments: number;
                            /** @description What it would have cost had it never slept */
                            neverSleeping: number;
                            runningHours: number;
                            savedByReuse: number;
                            savedBySleeping: number;
                            team: string;
                        }[];
                        from: string;
                        to: string;
                        /** @description Cost so far in the node pools' currency; billed from ready until it sleeps or ends */
                        total: {
                            /** @description What it cost so far: running hours x the hourly cost of its pods as placed */
                            accrued: number;
                            /** @description Asleep costs no compute */
                            asleepHours: number;
                            /** @description What it would have cost had the branch run every service instead of reusing the baseline */
                            cloneAll: number;
                            /** @description What it would have cost had it never slept */
                            neverSleeping: number;
                            runningHours: number;
                            savedByReuse: number;
                            savedBySleeping: number;
                        };
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listEnvironments: {
        parameters: {
            query?: {
                /** @description Cursor: the last id of the previous page */
                before?: string;
                blueprint?: string;
                /** @description Kubernetes label selector over the labels, e.g. pr=42,app in (shop,cart),!draft */
                labelSelector?: string;
                limit?: number;
                owner?: string;
                /** @description Where the environment is in its life */
                phase?: "pending" | "planning" | "claiming" | "applying" | "waiting" | "initializing" | "publishing" | "ready" | "warm" | "sleeping" | "waking" | "tearing-down" | "deleted" | "failed" | "claimed";
                /** @description Filter by team (admins; members only see their own team) */
                team?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The root environment that serves reused services */
                            baseline?: string | null;
                            blueprint?: {
                                name: string;
                                version: number;
                            };
                            /** @description Cost so far in the node pools' currency; billed from ready until it sleeps or ends */
                            cost?: {
                                /** @description What it cost so far: running hours x the hourly cost of its pods as placed */
                                accrued: number;
                                /** @description Asleep costs no compute */
                                asleepHours: number;
                                /** @description What it would have cost had the branch run every service instead of reusing the baseline */
                                cloneAll: number;
                                /** @description What it would have cost had it never slept */
                                neverSleeping: number;
                                runningHours: number;
                                savedByReuse: number;
                                savedBySleeping: number;
                            };
                            /** @description Cost per hour now: its pods as placed (0 asleep), else the plan's estimate */
                            costPerHour?: number | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt?: string;
                            error?: {
                                message: string;
                                type: string;
                            } | null;
                            expiresAt: string | null;
                            id: string;
                            /** @description Labels (apply), selected with labelSelector */
                            labels?: {
                                [key: string]: string;
                            };
                            /** @description Human-readable name, unique per team (apply) */
                            name?: string | null;
                            owner?: string;
                            /** @description The environment this one branched from */
                            parent?: string | null;
                            phase: string;
                            /** @description Branch plan with reasons, and placement */
                            plan?: unknown;
                            services: {
                                action?: string;
                                /** @description Once ready: its pods' cost per hour (node price x the share of the node their requests take) */
                                hourlyCost?: number;
                                message?: string;
                                name: string;
                                /** @description Once ready: node pool to the number of its pods running there */
                                pools?: {
                                    [key: string]: number;
                                };
                                readyReplicas?: number;
                                replicas?: number;
                                state: string;
                            }[];
                            team?: string;
                            /** @description Where the time of the last create, update, wake or seed went, phase by phase (they add up to totalMs) */
                            timings?: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                finishedAt: string;
                                /** @enum {string} */
                                operation: "create" | "claim" | "update" | "wake" | "seed";
                                phases: {
                                    ms: number;
                                    /** @enum {string} */
                                    phase: "accepted" | "planned" | "placement" | "applied" | "scheduled" | "image" | "started" | "init" | "ready" | "published" | "routable";
                                }[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                requestedAt: string;
                                totalMs: number;
                            };
                            ttlSeconds?: number | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            updatedAt: string;
                            urls: {
                                [key: string]: string;
                            };
                            workflowId?: string;
                        }[];
                        /** @description Pass as ?before= for the next page */
                        next: string | null;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createEnvironments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried create return the first result instead of creating twice */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A registered blueprint {name, version?} or an inline one {source, fileName?, scripts?} */
                    blueprint: {
                        /** @description Blueprint name, a DNS label */
                        name: string;
                        /** @description Version; default the latest */
                        version?: number;
                    } | {
                        /** @description File name used in problem locations, e.g. checkout-dev.yaml */
                        fileName?: string;
                        /** @description Init scripts keyed by the path the blueprint names them with, e.g. scripts/seed.sql */
                        scripts?: {
                            [key: string]: string;
                        };
                        /** @description Blueprint YAML */
                        source: string;
                    };
                    /** @description Make a branch of this baseline environment: only changed services run */
                    branchOf?: string;
                    /** @description Context that selects which overlays apply, e.g. {team: payments, branch: feature/x} */
                    context?: {
                        [key: string]: string;
                    };
                    /** @description Start the data services from this snapshot (id or name) of the team's: it must be ready and match their engines */
                    fromSnapshot?: string;
                    /**
                     * @description What happens once idleAfter has passed: "teardown" or "sleep" (scale to zero, keep data and URLs); default: the blueprint idle, else teardown
                     * @enum {string}
                     */
                    idle?: "teardown" | "sleep";
                    /** @description After this long without activity the idle action applies (default: the blueprint idleAfter; at most 365d) */
                    idleAfter?: string;
                    /** @description Labels, selected with labelSelector (a policy may require some) */
                    labels?: {
                        [key: string]: string;
                    };
                    /** @description Overlays, merged in order */
                    overlays?: {
                        /** @description File name used in problem locations, e.g. checkout-dev.yaml */
                        fileName: string;
                        /** @description Overlay YAML */
                        source: string;
                    }[];
                    /** @description Team to create for (admins only; default your team) */
                    team?: string;
                    /** @description Delete after this long (default: the blueprint ttl; at most 365d) */
                    ttl?: string;
                };
            };
        };
        responses: {
            /** @description An environment; share holders see only id, phase, services, URLs and expiry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The root environment that serves reused services */
                        baseline?: string | null;
                        blueprint?: {
                            name: string;
                            version: number;
                        };
                        /** @description Cost so far in the node pools' currency; billed from ready until it sleeps or ends */
                        cost?: {
                            /** @description What it cost so far: running hours x the hourly cost of its pods as placed */
                            accrued: number;
                            /** @description Asleep costs no compute */
                            asleepHours: number;
                            /** @description What it would have cost had the branch run every service instead of reusing the baseline */
                            cloneAll: number;
                            /** @description What it would have cost had it never slept */
                            neverSleeping: number;
                            runningHours: number;
                            savedByReuse: number;
                            savedBySleeping: number;
                        };
                        /** @description Cost per hour now: its pods as placed (0 asleep), else the plan's estimate */
                        costPerHour?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt?: string;
                        error?: {
                            message: string;
                            type: string;
                        } | null;
                        expiresAt: string | null;
                        id: string;
                        /** @description Labels (apply), selected with labelSelector */
                        labels?: {
                            [key: string]: string;
                        };
                        /** @description Human-readable name, unique per team (apply) */
                        name?: string | null;
                        owner?: string;
                        /** @description The environment this one branched from */
                        parent?: string | null;
                        phase: string;
                        /** @description Branch plan with reasons, and placement */
                        plan?: unknown;
                        services: {
                            action?: string;
                            /** @description Once ready: its pods' cost per hour (node price x the share of the node their requests take) */
                            hourlyCost?: number;
                            message?: string;
                            name: string;
                            /** @description Once ready: node pool to the number of its pods running there */
                            pools?: {
                                [key: string]: number;
                            };
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
                        /** @description Where the time of the last create, update, wake or seed went, phase by phase (they add up to totalMs) */
                        timings?: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            finishedAt: string;
                            /** @enum {string} */
                            operation: "create" | "claim" | "update" | "wake" | "seed";
                            phases: {
                                ms: number;
                                /** @enum {string} */
                                phase: "accepted" | "planned" | "placement" | "applied" | "scheduled" | "image" | "started" | "init" | "ready" | "published" | "routable";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            requestedAt: string;
                            totalMs: number;
                        };
                        ttlSeconds?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        updatedAt: string;
                        urls: {
                            [key: string]: string;
                        };
                        workflowId?: string;
                    };
                };
            };
            /** @description An environment; share holders see only id, phase, services, URLs and expiry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The root environment that serves reused services */
                        baseline?: string | null;
                        blueprint?: {
                            name: string;
                            version: number;
                        };
                        /** @description Cost so far in the node pools' currency; billed from ready until it sleeps or ends */
                        cost?: {
                            /** @description What it cost so far: running hours x the hourly cost of its pods as placed */
                            accrued: number;
                            /** @description Asleep costs no compute */
                            asleepHours: number;
                            /** @description What it would have cost had the branch run every service instead of reusing the baseline */
                            cloneAll: number;
                            /** @description What it would have cost had it never slept */
                            neverSleeping: number;
                            runningHours: number;
                            savedByReuse: number;
                            savedBySleeping: number;
                        };
                        /** @description Cost per hour now: its pods as placed (0 asleep), else the plan's estimate */
                        costPerHour?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt?: string;
                        error?: {
                            message: string;
                            type: string;
                        } | null;
                        expiresAt: string | null;
                        id: string;
                        /** @description Labels (apply), selected with labelSelector */
                        labels?: {
                            [key: string]: string;
                        };
                        /** @description Human-readable name, unique per team (apply) */
                        name?: string | null;
                        owner?: string;
                        /** @description The environment this one branched from */
                        parent?: string | null;
                        phase: string;
                        /** @description Branch plan with reasons, and placement */
                        plan?: unknown;
                        services: {
                            action?: string;
                            /** @description Once ready: its pods' cost per hour (node price x the share of the node their requests take) */
                            hourlyCost?: number;
                            message?: string;
                            name: string;
                            /** @description Once ready: node pool to the number of its pods running there */
                            pools?: {
                                [key: string]: number;
                            };
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
                        /** @description Where the time of the last create, update, wake or seed went, phase by phase (they add up to totalMs) */
                        timings?: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            finishedAt: string;
                            /** @enum {string} */
                            operation: "create" | "claim" | "update" | "wake" | "seed";
                            phases: {
                                ms: number;
                                /** @enum {string} */
                                phase: "accepted" | "planned" | "placement" | "applied" | "scheduled" | "image" | "started" | "init" | "ready" | "published" | "routable";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            requestedAt: string;
                            totalMs: number;
                        };
                        ttlSeconds?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        updatedAt: string;
                        urls: {
                            [key: string]: string;
                        };
                        workflowId?: string;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An environment; share holders see only id, phase, services, URLs and expiry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The root environment that serves reused services */
                        baseline?: string | null;
                        blueprint?: {
                            name: string;
                            version: number;
                        };
                        /** @description Cost so far in the node pools' currency; billed from ready until it sleeps or ends */
                        cost?: {
                            /** @description What it cost so far: running hours x the hourly cost of its pods as placed */
                            accrued: number;
                            /** @description Asleep costs no compute */
                            asleepHours: number;
                            /** @description What it would have cost had the branch run every service instead of reusing the baseline */
                            cloneAll: number;
                            /** @description What it would have cost had it never slept */
                            neverSleeping: number;
                            runningHours: number;
                            savedByReuse: number;
                            savedBySleeping: number;
                        };
                        /** @description Cost per hour now: its pods as placed (0 asleep), else the plan's estimate */
                        costPerHour?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt?: string;
                        error?: {
                            message: string;
                            type: string;
                        } | null;
                        expiresAt: string | null;
                        id: string;
                        /** @description Labels (apply), selected with labelSelector */
                        labels?: {
                            [key: string]: string;
                        };
                        /** @description Human-readable name, unique per team (apply) */
                        name?: string | null;
                        owner?: string;
                        /** @description The environment this one branched from */
                        parent?: string | null;
                        phase: string;
                        /** @description Branch plan with reasons, and placement */
                        plan?: unknown;
                        services: {
                            action?: string;
                            /** @description Once ready: its pods' cost per hour (node price x the share of the node their requests take) */
                            hourlyCost?: number;
                            message?: string;
                            name: string;
                            /** @description Once ready: node pool to the number of its pods running there */
                            pools?: {
                                [key: string]: number;
                            };
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
                        /** @description Where the time of the last create, update, wake or seed went, phase by phase (they add up to totalMs) */
                        timings?: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            finishedAt: string;
                            /** @enum {string} */
                            operation: "create" | "claim" | "update" | "wake" | "seed";
                            phases: {
                                ms: number;
                                /** @enum {string} */
                                phase: "accepted" | "planned" | "placement" | "applied" | "scheduled" | "image" | "started" | "init" | "ready" | "published" | "routable";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            requestedAt: string;
                            totalMs: number;
                        };
                        ttlSeconds?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        updatedAt: string;
                        urls: {
                            [key: string]: string;
                        };
                        workflowId?: string;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteEnvironment: {
        parameters: {
            query?: {
                /** @description Also tear down every live branch below it (deepest first); without it, live branches give 409 has_branches */
                cascade?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        accepted: true;
                        /** @description With cascade: the branches torn down with it, deepest first */
                        branches?: string[];
                        id: string;
                        phase: string;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listEnvironmentDiffs: {
        parameters: {
            query?: {
                /** @description How many runs, newest first */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A branch's traffic diff runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first */
                        runs: {
                            /** @description Environment id */
                            baseline?: string;
                            /** @description Environment id */
                            branch: string;
                            counts?: {
                                compared: number;
                                differing: number;
                                equal: number;
                                failed: number;
                                skipped: number;
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            finishedAt?: string;
                            /** @description Why the run failed */
                            message?: string;
                            progress?: {
                                done: number;
                                total: number;
                            };
                            /** @description Requests in the run */
                            requests?: number;
                            runId: string;
                            /**
                             * @description Where the requests came from: the baseline's captured traffic or the caller's set
                             * @enum {string}
                             */
                            source?: "captured" | "request-set";
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            startedAt?: string;
                            /** @enum {string} */
                            state: "running" | "completed" | "failed";
                            /** @enum {string} */
                            verdict?: "no-differences" | "differences" | "incomplete";
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createEnvironmentDiffs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        /** @description Start a traffic diff of a branch against its baseline */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The baseline to compare with (id or name); default the environment the branch branched from. Anything else is refused */
                    against?: string;
                    /** @description The requests to replay (the documented list format); default the baseline's captured requests */
                    requests?: {
                        body?: string;
                        headers?: {
                            [key: string]: string;
                        };
                        method: string;
                        path: string;
                        service: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description A traffic diff run (kept after its workflow is gone) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Environment id */
                        baseline?: string;
                        /** @description Environment id */
                        branch: string;
                        counts?: {
                            compared: number;
                            differing: number;
                            equal: number;
                            failed: number;
                            skipped: number;
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        finishedAt?: string;
                        /** @description Why the run failed */
                        message?: string;
                        progress?: {
                            done: number;
                            total: number;
                        };
                        report?: {
                            compared: number;
                            differing: number;
                            endpoints: {
                                compared: number;
                                differences: {
                                    /** @description The baseline's value (masked when it looks like a credential) */
                                    baseline: unknown;
                                    /** @description The branch's value (masked when it looks like a credential) */
                                    branch: unknown;
                                    /** @description `status`, `header:<name>`, `body` (text) or a JSON path from `$` */
                                    path: string;
                                    /** @description How many requests of the endpoint showed it */
                                    requests: number;
                                }[];
                                differing: number;
                                equal: number;
                                failed: number;
                                /** @description Why requests could not be compared (the first few reasons) */
                                failures: string[];
                                /** @description Fields that moved between the baseline's own two answers */
                                noiseIgnored: string[];
                                /** @description Method and path with ids collapsed: `GET /carts/{id}` */
                                template: string;
                                /** @description How the branch answered those writes */
                                writeStatuses?: number[];
                                /** @description Writes sent to the branch only (its own data took them; the baseline was not asked) */
                                writesToBranch?: number;
                            }[];
                            equal: number;
                            failed: number;
                            /** @description Requests never sent: writes whose service could reach the baseline's data (see skippedRequests) */
                            skipped: number;
                            /** @description Which requests were not sent, and why */
                            skippedRequests?: {
                                reason: string;
                                requests: number;
                                template: string;
                            }[];
                            /** @enum {string} */
                            verdict: "no-differences" | "differences" | "incomplete";
                            /** @description Writes sent to the branch only */
                            writesToBranch?: number;
                        };
                        /** @description Requests in the run */
                        requests?: number;
                        runId: string;
                        /**
                         * @description Where the requests came from: the baseline's captured traffic or the caller's set
                         * @enum {string}
                         */
                        source?: "captured" | "request-set";
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        startedAt?: string;
                        /** @enum {string} */
                        state: "running" | "completed" | "failed";
                        /** @enum {string} */
                        verdict?: "no-differences" | "differences" | "incomplete";
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getEnvironmentDiff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id or name (the branch) */
                id: string;
                /** @description Diff run id */
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A traffic diff run (kept after its workflow is gone) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Environment id */
                        baseline?: string;
                        /** @description Environment id */
                        branch: string;
                        counts?: {
                            compared: number;
                            differing: number;
                            equal: number;
                            failed: number;
                            skipped: number;
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        finishedAt?: string;
                        /** @description Why the run failed */
                        message?: string;
                        progress?: {
                            done: number;
                            total: number;
                        };
                        report?: {
                            compared: number;
                            differing: number;
                            endpoints: {
                                compared: number;
                                differences: {
                                    /** @description The baseline's value (masked when it looks like a credential) */
                                    baseline: unknown;
                                    /** @description The branch's value (masked when it looks like a credential) */
                                    branch: unknown;
                                    /** @description `status`, `header:<name>`, `body` (text) or a JSON path from `$` */
                                    path: string;
                                    /** @description How many requests of the endpoint showed it */
                                    requests: number;
                                }[];
                                differing: number;
                                equal: number;
                                failed: number;
                                /** @description Why requests could not be compared (the first few reasons) */
                                failures: string[];
                                /** @description Fields that moved between the baseline's own two answers */
                                noiseIgnored: string[];
                                /** @description Method and path with ids collapsed: `GET /carts/{id}` */
                                template: string;
                                /** @description How the branch answered those writes */
                                writeStatuses?: number[];
                                /** @description Writes sent to the branch only (its own data took them; the baseline was not asked) */
                                writesToBranch?: number;
                            }[];
                            equal: number;
                            failed: number;
                            /** @description Requests never sent: writes whose service could reach the baseline's data (see skippedRequests) */
                            skipped: number;
                            /** @description Which requests were not sent, and why */
                            skippedRequests?: {
                                reason: string;
                                requests: number;
                                template: string;
                            }[];
                            /** @enum {string} */
                            verdict: "no-differences" | "differences" | "incomplete";
                            /** @description Writes sent to the branch only */
                            writesToBranch?: number;
                        };
                        /** @description Requests in the run */
                        requests?: number;
                        runId: string;
                        /**
                         * @description Where the requests came from: the baseline's captured traffic or the caller's set
                         * @enum {string}
                         */
                        source?: "captured" | "request-set";
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        startedAt?: string;
                        /** @enum {string} */
                        state: "running" | "completed" | "failed";
                        /** @enum {string} */
                        verdict?: "no-differences" | "differences" | "incomplete";
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listEnvironmentEvents: {
        parameters: {
            query?: {
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            action: string;
                            actor: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            id: number;
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createEnvironmentExtend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description How much longer, e.g. 2h; at most 365d, and the new expiry at most 365d from now */
                    by: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        expiresAt: string;
                        id: string;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listEnvironmentPods: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            createdAt: string | null;
                            /** @description Pod name */
                            name: string;
                            /** @description The node it is bound to; null while unscheduled */
                            node: string | null;
                            /** @description Pending, Running, Succeeded, Failed or Unknown */
                            phase: string;
                            ready: boolean;
                            /** @description Restarts summed over the pod's containers */
                            restarts: number;
                            /**
                             * @description Init step pods only: how their steps ended
                             * @enum {string}
                             */
                            result?: "done" | "failed" | "running";
                            /**
                             * @description `init` for an init step Job's pod
                             * @enum {string}
                             */
                            role: "service" | "init";
                            service: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createEnvironmentRestore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Snapshot id or name */
                    snapshot: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        workflows: string[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createEnvironmentSeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Data service to seed; default every service with init steps */
                    service?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        workflows: string[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listEnvironmentServiceLogs: {
        parameters: {
            query?: {
                /** @description Keep streaming new lines (at most an hour) */
                follow?: string;
                /** @description The service's init steps' logs instead of its own */
                init?: string;
                /** @description Only lines newer than this (30s, 10m, 2h) */
                since?: string;
                /** @description Lines from the end of each pod */
                tail?: number;
            };
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
                /** @description Service name */
                service: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/plain": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/plain": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/plain": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/plain": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/plain": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/plain": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/plain": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listEnvironmentShares: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            environment: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            expiresAt: string;
                            id: string;
                            note: string;
                            /** @enum {string} */
                            state: "active" | "expired" | "revoked";
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createEnvironmentShares: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Who it is for, e.g. "design review"
                     * @default
                     */
                    note?: string;
                    /**
                     * @description How long the share lasts (default 24h, at most 30d)
                     * @default 24h
                     */
                    ttl?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt: string;
                        environment: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        expiresAt: string;
                        id: string;
                        note: string;
                        /** @enum {string} */
                        state: "active" | "expired" | "revoked";
                        /** @description The share token, shown only now: `Authorization: Bearer <token>` on GET /v1/environments/{id} */
                        token: string;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteEnvironmentShare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                shareId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt: string;
                        environment: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        expiresAt: string;
                        id: string;
                        note: string;
                        /** @enum {string} */
                        state: "active" | "expired" | "revoked";
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createEnvironmentSleep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An environment; share holders see only id, phase, services, URLs and expiry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The root environment that serves reused services */
                        baseline?: string | null;
                        blueprint?: {
                            name: string;
                            version: number;
                        };
                        /** @description Cost so far in the node pools' currency; billed from ready until it sleeps or ends */
                        cost?: {
                            /** @description What it cost so far: running hours x the hourly cost of its pods as placed */
                            accrued: number;
                            /** @description Asleep costs no compute */
                            asleepHours: number;
                            /** @description What it would have cost had the branch run every service instead of reusing the baseline */
                            cloneAll: number;
                            /** @description What it would have cost had it never slept */
                            neverSleeping: number;
                            runningHours: number;
                            savedByReuse: number;
                            savedBySleeping: number;
                        };
                        /** @description Cost per hour now: its pods as placed (0 asleep), else the plan's estimate */
                        costPerHour?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt?: string;
                        error?: {
                            message: string;
                            type: string;
                        } | null;
                        expiresAt: string | null;
                        id: string;
                        /** @description Labels (apply), selected with labelSelector */
                        labels?: {
                            [key: string]: string;
                        };
                        /** @description Human-readable name, unique per team (apply) */
                        name?: string | null;
                        owner?: string;
                        /** @description The environment this one branched from */
                        parent?: string | null;
                        phase: string;
                        /** @description Branch plan with reasons, and placement */
                        plan?: unknown;
                        services: {
                            action?: string;
                            /** @description Once ready: its pods' cost per hour (node price x the share of the node their requests take) */
                            hourlyCost?: number;
                            message?: string;
                            name: string;
                            /** @description Once ready: node pool to the number of its pods running there */
                            pools?: {
                                [key: string]: number;
                            };
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
                        /** @description Where the time of the last create, update, wake or seed went, phase by phase (they add up to totalMs) */
                        timings?: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            finishedAt: string;
                            /** @enum {string} */
                            operation: "create" | "claim" | "update" | "wake" | "seed";
                            phases: {
                                ms: number;
                                /** @enum {string} */
                                phase: "accepted" | "planned" | "placement" | "applied" | "scheduled" | "image" | "started" | "init" | "ready" | "published" | "routable";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            requestedAt: string;
                            totalMs: number;
                        };
                        ttlSeconds?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        updatedAt: string;
                        urls: {
                            [key: string]: string;
                        };
                        workflowId?: string;
                    };
                };
            };
            /** @description An environment; share holders see only id, phase, services, URLs and expiry */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The root environment that serves reused services */
                        baseline?: string | null;
                        blueprint?: {
                            name: string;
                            version: number;
                        };
                        /** @description Cost so far in the node pools' currency; billed from ready until it sleeps or ends */
                        cost?: {
                            /** @description What it cost so far: running hours x the hourly cost of its pods as placed */
                            accrued: number;
                            /** @description Asleep costs no compute */
                            asleepHours: number;
                            /** @description What it would have cost had the branch run every service instead of reusing the baseline */
                            cloneAll: number;
                            /** @description What it would have cost had it never slept */
                            neverSleeping: number;
                            runningHours: number;
                            savedByReuse: number;
                            savedBySleeping: number;
                        };
                        /** @description Cost per hour now: its pods as placed (0 asleep), else the plan's estimate */
                        costPerHour?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt?: string;
                        error?: {
                            message: string;
                            type: string;
                        } | null;
                        expiresAt: string | null;
                        id: string;
                        /** @description Labels (apply), selected with labelSelector */
                        labels?: {
                            [key: string]: string;
                        };
                        /** @description Human-readable name, unique per team (apply) */
                        name?: string | null;
                        owner?: string;
                        /** @description The environment this one branched from */
                        parent?: string | null;
                        phase: string;
                        /** @description Branch plan with reasons, and placement */
                        plan?: unknown;
                        services: {
                            action?: string;
                            /** @description Once ready: its pods' cost per hour (node price x the share of the node their requests take) */
                            hourlyCost?: number;
                            message?: string;
                            name: string;
                            /** @description Once ready: node pool to the number of its pods running there */
                            pools?: {
                                [key: string]: number;
                            };
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
                        /** @description Where the time of the last create, update, wake or seed went, phase by phase (they add up to totalMs) */
                        timings?: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            finishedAt: string;
                            /** @enum {string} */
                            operation: "create" | "claim" | "update" | "wake" | "seed";
                            phases: {
                                ms: number;
                                /** @enum {string} */
                                phase: "accepted" | "planned" | "placement" | "applied" | "scheduled" | "image" | "started" | "init" | "ready" | "published" | "routable";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            requestedAt: string;
                            totalMs: number;
                        };
                        ttlSeconds?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        updatedAt: string;
                        urls: {
                            [key: string]: string;
                        };
                        workflowId?: string;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listEnvironmentSnapshots: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            /** @description What was captured; never where it is stored */
                            details: {
                                /** @description When ready: one artifact per data service (where it is stored is not shown) */
                                artifacts?: {
                                    /** @description Size of the stored artifact */
                                    bytes: number;
                                    /** @description How long the capture took (absent on snapshots taken before it was recorded) */
                                    durationMs?: number;
                                    /** @description How it was captured, e.g. postgres-logical */
                                    engine: string;
                                    /** @description The data service captured */
                                    service: string;
                                    /** @description Checksum of the stored artifact */
                                    sha256: string;
                                }[];
                                /** @description When failed: why */
                                error?: string;
                            };
                            environment: string;
                            id: string;
                            name: string;
                            /** @enum {string} */
                            phase: "pending" | "ready" | "failed";
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createEnvironmentSnapshots: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Default: a timestamp */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt: string;
                        /** @description What was captured; never where it is stored */
                        details: {
                            /** @description When ready: one artifact per data service (where it is stored is not shown) */
                            artifacts?: {
                                /** @description Size of the stored artifact */
                                bytes: number;
                                /** @description How long the capture took (absent on snapshots taken before it was recorded) */
                                durationMs?: number;
                                /** @description How it was captured, e.g. postgres-logical */
                                engine: string;
                                /** @description The data service captured */
                                service: string;
                                /** @description Checksum of the stored artifact */
                                sha256: string;
                            }[];
                            /** @description When failed: why */
                            error?: string;
                        };
                        environment: string;
                        id: string;
                        name: string;
                        /** @enum {string} */
                        phase: "pending" | "ready" | "failed";
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt: string;
                        /** @description What was captured; never where it is stored */
                        details: {
                            /** @description When ready: one artifact per data service (where it is stored is not shown) */
                            artifacts?: {
                                /** @description Size of the stored artifact */
                                bytes: number;
                                /** @description How long the capture took (absent on snapshots taken before it was recorded) */
                                durationMs?: number;
                                /** @description How it was captured, e.g. postgres-logical */
                                engine: string;
                                /** @description The data service captured */
                                service: string;
                                /** @description Checksum of the stored artifact */
                                sha256: string;
                            }[];
                            /** @description When failed: why */
                            error?: string;
                        };
                        environment: string;
                        id: string;
                        name: string;
                        /** @enum {string} */
                        phase: "pending" | "ready" | "failed";
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteEnvironmentSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
                /** @description Snapshot id or name */
                snapshot: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The deleted snapshot */
                        id: string;
                        /** @description The workflow removing its stored artifacts */
                        workflows: string[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listEnvironmentStream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/event-stream": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/event-stream": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/event-stream": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/event-stream": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/event-stream": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                    "text/event-stream": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listEnvironmentTrafficCapture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Traffic capture of an environment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Requests captured so far (kept) */
                        captured: number;
                        enabled: boolean;
                        environmentId: string;
                        maxBodyBytes?: number;
                        maxRequests?: number;
                        sampleRate?: number;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    putEnvironmentTrafficCapture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        /** @description Traffic capture settings of an environment (off until set) */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Requests with a larger body are recorded without it and never replayed
                     * @default 16384
                     */
                    maxBodyBytes?: number;
                    /**
                     * @description The newest this many are kept
                     * @default 1000
                     */
                    maxRequests?: number;
                    /** @description Share of requests recorded, in (0, 1] */
                    sampleRate: number;
                };
            };
        };
        responses: {
            /** @description Traffic capture of an environment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Requests captured so far (kept) */
                        captured: number;
                        enabled: boolean;
                        environmentId: string;
                        maxBodyBytes?: number;
                        maxRequests?: number;
                        sampleRate?: number;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteEnvironmentTrafficCapture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Traffic capture of an environment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Requests captured so far (kept) */
                        captured: number;
                        enabled: boolean;
                        environmentId: string;
                        maxBodyBytes?: number;
                        maxRequests?: number;
                        sampleRate?: number;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createEnvironmentWake: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Environment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An environment; share holders see only id, phase, services, URLs and expiry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The root environment that serves reused services */
                        baseline?: string | null;
                        blueprint?: {
                            name: string;
                            version: number;
                        };
                        /** @description Cost so far in the node pools' currency; billed from ready until it sleeps or ends */
                        cost?: {
                            /** @description What it cost so far: running hours x the hourly cost of its pods as placed */
                            accrued: number;
                            /** @description Asleep costs no compute */
                            asleepHours: number;
                            /** @description What it would have cost had the branch run every service instead of reusing the baseline */
                            cloneAll: number;
                            /** @description What it would have cost had it never slept */
                            neverSleeping: number;
                            runningHours: number;
                            savedByReuse: number;
                            savedBySleeping: number;
                        };
                        /** @description Cost per hour now: its pods as placed (0 asleep), else the plan's estimate */
                        costPerHour?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt?: string;
                        error?: {
                            message: string;
                            type: string;
                        } | null;
                        expiresAt: string | null;
                        id: string;
                        /** @description Labels (apply), selected with labelSelector */
                        labels?: {
                            [key: string]: string;
                        };
                        /** @description Human-readable name, unique per team (apply) */
                        name?: string | null;
                        owner?: string;
                        /** @description The environment this one branched from */
                        parent?: string | null;
                        phase: string;
                        /** @description Branch plan with reasons, and placement */
                        plan?: unknown;
                        services: {
                            action?: string;
                            /** @description Once ready: its pods' cost per hour (node price x the share of the node their requests take) */
                            hourlyCost?: number;
                            message?: string;
                            name: string;
                            /** @description Once ready: node pool to the number of its pods running there */
                            pools?: {
                                [key: string]: number;
                            };
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
                        /** @description Where the time of the last create, update, wake or seed went, phase by phase (they add up to totalMs) */
                        timings?: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            finishedAt: string;
                            /** @enum {string} */
                            operation: "create" | "claim" | "update" | "wake" | "seed";
                            phases: {
                                ms: number;
                                /** @enum {string} */
                                phase: "accepted" | "planned" | "placement" | "applied" | "scheduled" | "image" | "started" | "init" | "ready" | "published" | "routable";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            requestedAt: string;
                            totalMs: number;
                        };
                        ttlSeconds?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        updatedAt: string;
                        urls: {
                            [key: string]: string;
                        };
                        workflowId?: string;
                    };
                };
            };
            /** @description An environment; share holders see only id, phase, services, URLs and expiry */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The root environment that serves reused services */
                        baseline?: string | null;
                        blueprint?: {
                            name: string;
                            version: number;
                        };
                        /** @description Cost so far in the node pools' currency; billed from ready until it sleeps or ends */
                        cost?: {
                            /** @description What it cost so far: running hours x the hourly cost of its pods as placed */
                            accrued: number;
                            /** @description Asleep costs no compute */
                            asleepHours: number;
                            /** @description What it would have cost had the branch run every service instead of reusing the baseline */
                            cloneAll: number;
                            /** @description What it would have cost had it never slept */
                            neverSleeping: number;
                            runningHours: number;
                            savedByReuse: number;
                            savedBySleeping: number;
                        };
                        /** @description Cost per hour now: its pods as placed (0 asleep), else the plan's estimate */
                        costPerHour?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt?: string;
                        error?: {
                            message: string;
                            type: string;
                        } | null;
                        expiresAt: string | null;
                        id: string;
                        /** @description Labels (apply), selected with labelSelector */
                        labels?: {
                            [key: string]: string;
                        };
                        /** @description Human-readable name, unique per team (apply) */
                        name?: string | null;
                        owner?: string;
                        /** @description The environment this one branched from */
                        parent?: string | null;
                        phase: string;
                        /** @description Branch plan with reasons, and placement */
                        plan?: unknown;
                        services: {
                            action?: string;
                            /** @description Once ready: its pods' cost per hour (node price x the share of the node their requests take) */
                            hourlyCost?: number;
                            message?: string;
                            name: string;
                            /** @description Once ready: node pool to the number of its pods running there */
                            pools?: {
                                [key: string]: number;
                            };
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
                        /** @description Where the time of the last create, update, wake or seed went, phase by phase (they add up to totalMs) */
                        timings?: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            finishedAt: string;
                            /** @enum {string} */
                            operation: "create" | "claim" | "update" | "wake" | "seed";
                            phases: {
                                ms: number;
                                /** @enum {string} */
                                phase: "accepted" | "planned" | "placement" | "applied" | "scheduled" | "image" | "started" | "init" | "ready" | "published" | "routable";
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            requestedAt: string;
                            totalMs: number;
                        };
                        ttlSeconds?: number | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        updatedAt: string;
                        urls: {
                            [key: string]: string;
                        };
                        workflowId?: string;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createEnvironmentsApply: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A registered blueprint {name, version?} or an inline one {source, fileName?, scripts?} */
                    blueprint: {
                        /** @description Blueprint name, a DNS label */
                        name: string;
                        /** @description Version; default the latest */
                        version?: number;
                    } | {
                        /** @description File name used in problem locations, e.g. checkout-dev.yaml */
                        fileName?: string;
                        /** @description Init scripts keyed by the path the blueprint names them with, e.g. scripts/seed.sql */
                        scripts?: {
                            [key: string]: string;
                        };
                        /** @description Blueprint YAML */
                        source: string;
                    };
                    /** @description On create: make a branch of this environment (id or name). On update: must name the same parent */
                    branchOf?: string;
                    /** @description Context that selects which overlays apply, e.g. {team: payments, branch: feature/x} */
                    context?: {
                        [key: string]: string;
                    };
                    /**
                     * @description On create: "teardown" or "sleep" once idle
                     * @enum {string}
                     */
                    idle?: "teardown" | "sleep";
                    /** @description On create: the idle action applies after this long without activity */
                    idleAfter?: string;
                    /** @description Labels; on an update they replace the current ones (absent: kept) */
                    labels?: {
                        [key: string]: string;
                    };
                    /** @description Environment name, unique per team among live environments, e.g. pr-42 */
                    name: string;
                    /** @description Overlays, merged in order */
                    overlays?: {
                        /** @description File name used in problem locations, e.g. checkout-dev.yaml */
                        fileName: string;
                        /** @description Overlay YAML */
                        source: string;
                    }[];
                    /** @description Changes over the blueprint and overlays, applied last: SERVICE.image=REF, SERVICE.env.KEY=VALUE */
                    set?: string[];
                    /** @description Team (admins only; default your team) */
                    team?: string;
                    /** @description On create: delete after this long (default: the blueprint ttl) */
                    ttl?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description True when this apply created the environment */
                        created: boolean;
                        /** @description An environment; share holders see only id, phase, services, URLs and expiry */
                        environment: {
                            /** @description The root environment that serves reused services */
                            baseline?: string | null;
                            blueprint?: {
                                name: string;
                                version: number;
                            };
                            /** @description Cost so far in the node pools' currency; billed from ready until it sleeps or ends */
                            cost?: {
                                /** @description What it cost so far: running hours x the hourly cost of its pods as placed */
                                accrued: number;
                                /** @description Asleep costs no compute */
                                asleepHours: number;
                                /** @description What it would have cost had the branch run every service instead of reusing the baseline */
                                cloneAll: number;
                                /** @description What it would have cost had it never slept */
                                neverSleeping: number;
                                runningHours: number;
                                savedByReuse: number;
                                savedBySleeping: number;
                            };
                            /** @description Cost per hour now: its pods as placed (0 asleep), else the plan's estimate */
                            costPerHour?: number | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt?: string;
                            error?: {
                                message: string;
                                type: string;
                            } | null;
                            expiresAt: string | null;
                            id: string;
                            /** @description Labels (apply), selected with labelSelector */
                            labels?: {
                                [key: string]: string;
                            };
                            /** @description Human-readable name, unique per team (apply) */
                            name?: string | null;
                            owner?: string;
                            /** @description The environment this one branched from */
                            parent?: string | null;
                            phase: string;
                            /** @description Branch plan with reasons, and placement */
                            plan?: unknown;
                            services: {
                                action?: string;
                                /** @description Once ready: its pods' cost per hour (node price x the share of the node their requests take) */
                                hourlyCost?: number;
                                message?: string;
                                name: string;
                                /** @description Once ready: node pool to the number of its pods running there */
                                pools?: {
                                    [key: string]: number;
                                };
                                readyReplicas?: number;
                                replicas?: number;
                                state: string;
                            }[];
                            team?: string;
                            /** @description Where the time of the last create, update, wake or seed went, phase by phase (they add up to totalMs) */
                            timings?: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                finishedAt: string;
                                /** @enum {string} */
                                operation: "create" | "claim" | "update" | "wake" | "seed";
                                phases: {
                                    ms: number;
                                    /** @enum {string} */
                                    phase: "accepted" | "planned" | "placement" | "applied" | "scheduled" | "image" | "started" | "init" | "ready" | "published" | "routable";
                                }[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                requestedAt: string;
                                totalMs: number;
                            };
                            ttlSeconds?: number | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            updatedAt: string;
                            urls: {
                                [key: string]: string;
                            };
                            workflowId?: string;
                        };
                        /** @description What the apply changes per service and why (a create lists every service as added) */
                        plan: {
                            labels: {
                                added: string[];
                                changed: string[];
                                removed: string[];
                            };
                            services: {
                                /** @enum {string} */
                                change: "added" | "changed" | "unchanged" | "removed";
                                name: string;
                                reasons: string[];
                            }[];
                            summary: {
                                added: number;
                                changed: number;
                                removed: number;
                                unchanged: number;
                            };
                            unchanged: boolean;
                        };
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description True when this apply created the environment */
                        created: boolean;
                        /** @description An environment; share holders see only id, phase, services, URLs and expiry */
                        environment: {
                            /** @description The root environment that serves reused services */
                            baseline?: string | null;
                            blueprint?: {
                                name: string;
                                version: number;
                            };
                            /** @description Cost so far in the node pools' currency; billed from ready until it sleeps or ends */
                            cost?: {
                                /** @description What it cost so far: running hours x the hourly cost of its pods as placed */
                                accrued: number;
                                /** @description Asleep costs no compute */
                                asleepHours: number;
                                /** @description What it would have cost had the branch run every service instead of reusing the baseline */
                                cloneAll: number;
                                /** @description What it would have cost had it never slept */
                                neverSleeping: number;
                                runningHours: number;
                                savedByReuse: number;
                                savedBySleeping: number;
                            };
                            /** @description Cost per hour now: its pods as placed (0 asleep), else the plan's estimate */
                            costPerHour?: number | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt?: string;
                            error?: {
                                message: string;
                                type: string;
                            } | null;
                            expiresAt: string | null;
                            id: string;
                            /** @description Labels (apply), selected with labelSelector */
                            labels?: {
                                [key: string]: string;
                            };
                            /** @description Human-readable name, unique per team (apply) */
                            name?: string | null;
                            owner?: string;
                            /** @description The environment this one branched from */
                            parent?: string | null;
                            phase: string;
                            /** @description Branch plan with reasons, and placement */
                            plan?: unknown;
                            services: {
                                action?: string;
                                /** @description Once ready: its pods' cost per hour (node price x the share of the node their requests take) */
                                hourlyCost?: number;
                                message?: string;
                                name: string;
                                /** @description Once ready: node pool to the number of its pods running there */
                                pools?: {
                                    [key: string]: number;
                                };
                                readyReplicas?: number;
                                replicas?: number;
                                state: string;
                            }[];
                            team?: string;
                            /** @description Where the time of the last create, update, wake or seed went, phase by phase (they add up to totalMs) */
                            timings?: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                finishedAt: string;
                                /** @enum {string} */
                                operation: "create" | "claim" | "update" | "wake" | "seed";
                                phases: {
                                    ms: number;
                                    /** @enum {string} */
                                    phase: "accepted" | "planned" | "placement" | "applied" | "scheduled" | "image" | "started" | "init" | "ready" | "published" | "routable";
                                }[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 time
                                 */
                                requestedAt: string;
                                totalMs: number;
                            };
                            ttlSeconds?: number | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            updatedAt: string;
                            urls: {
                                [key: string]: string;
                            };
                            workflowId?: string;
                        };
                        /** @description What the apply changes per service and why (a create lists every service as added) */
                        plan: {
                            labels: {
                                added: string[];
                                changed: string[];
                                removed: string[];
                            };
                            services: {
                                /** @enum {string} */
                                change: "added" | "changed" | "unchanged" | "removed";
                                name: string;
                                reasons: string[];
                            }[];
                            summary: {
                                added: number;
                                changed: number;
                                removed: number;
                                unchanged: number;
                            };
                            unchanged: boolean;
                        };
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listIntegrationsGithubRepositories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            blueprint: string;
                            branchOf: string | null;
                            deleteAfterClose: string | null;
                            idleAfter: string | null;
                            images: {
                                [key: string]: string;
                            };
                            repository: string;
                            team: string;
                            ttl: string | null;
                            updatedAt: string;
                            /**
                             * @description Never returned; only whether it is set
                             * @enum {string}
                             */
                            webhookSecret: "set";
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getIntegrationsGithubRepository: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                owner: string;
                repo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        blueprint: string;
                        branchOf: string | null;
                        deleteAfterClose: string | null;
                        idleAfter: string | null;
                        images: {
                            [key: string]: string;
                        };
                        repository: string;
                        team: string;
                        ttl: string | null;
                        updatedAt: string;
                        /**
                         * @description Never returned; only whether it is set
                         * @enum {string}
                         */
                        webhookSecret: "set";
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    putIntegrationsGithubRepository: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                owner: string;
                repo: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Registered blueprint (of that team) the environments run */
                    blueprint: string;
                    /** @description Baseline environment the PR environments branch from */
                    branchOf?: string;
                    /** @description After a close, the environment sleeps this long before it is deleted; a reopen within it keeps it (default 24h, 0s: at once, at most 7d) */
                    deleteAfterClose?: string;
                    /** @description Each PR environment sleeps after this long without requests (default 1h, at most 7d) */
                    idleAfter?: string;
                    /**
                     * @description Service name → image template; placeholders {service}, {number}, {sha}, {shortSha}, {branch}
                     * @default {}
                     */
                    images?: {
                        [key: string]: string;
                    };
                    /** @description Team the pull-request environments belong to */
                    team: string;
                    /** @description TTL of each PR environment (default 7d; deleted after the close grace at the latest) */
                    ttl?: string;
                    /** @description The secret set on the GitHub webhook; stored encrypted, never returned */
                    webhookSecret: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        blueprint: string;
                        branchOf: string | null;
                        deleteAfterClose: string | null;
                        idleAfter: string | null;
                        images: {
                            [key: string]: string;
                        };
                        repository: string;
                        team: string;
                        ttl: string | null;
                        updatedAt: string;
                        /**
                         * @description Never returned; only whether it is set
                         * @enum {string}
                         */
                        webhookSecret: "set";
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteIntegrationsGithubRepository: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                owner: string;
                repo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createIntegrationsGithubWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description True when the event was handed to its pull request workflow */
                        accepted: boolean;
                        reason: string;
                        workflowId?: string;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description True when the event was handed to its pull request workflow */
                        accepted: boolean;
                        reason: string;
                        workflowId?: string;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createPoliciesCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A registered blueprint {name, version?} or an inline one {source, fileName?, scripts?} */
                    blueprint: {
                        /** @description Blueprint name, a DNS label */
                        name: string;
                        /** @description Version; default the latest */
                        version?: number;
                    } | {
                        /** @description File name used in problem locations, e.g. checkout-dev.yaml */
                        fileName?: string;
                        /** @description Init scripts keyed by the path the blueprint names them with, e.g. scripts/seed.sql */
                        scripts?: {
                            [key: string]: string;
                        };
                        /** @description Blueprint YAML */
                        source: string;
                    };
                    /** @description Make a branch of this baseline environment: only changed services run */
                    branchOf?: string;
                    /** @description Context that selects which overlays apply, e.g. {team: payments, branch: feature/x} */
                    context?: {
                        [key: string]: string;
                    };
                    /** @description Start the data services from this snapshot (id or name) of the team's: it must be ready and match their engines */
                    fromSnapshot?: string;
                    /**
                     * @description What happens once idleAfter has passed: "teardown" or "sleep" (scale to zero, keep data and URLs); default: the blueprint idle, else teardown
                     * @enum {string}
                     */
                    idle?: "teardown" | "sleep";
                    /** @description After this long without activity the idle action applies (default: the blueprint idleAfter; at most 365d) */
                    idleAfter?: string;
                    /** @description Labels, selected with labelSelector (a policy may require some) */
                    labels?: {
                        [key: string]: string;
                    };
                    /** @description Check as `env apply --name` would: an update when a live environment has this name */
                    name?: string;
                    /** @description Overlays, merged in order */
                    overlays?: {
                        /** @description File name used in problem locations, e.g. checkout-dev.yaml */
                        fileName: string;
                        /** @description Overlay YAML */
                        source: string;
                    }[];
                    /** @description Team to create for (admins only; default your team) */
                    team?: string;
                    /** @description Delete after this long (default: the blueprint ttl; at most 365d) */
                    ttl?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "create" | "update";
                        allowed: boolean;
                        /** @description The resolved blueprint the create would run, the policies' overlays applied (secrets masked) */
                        blueprint: unknown;
                        /** @description What the policies fill in where the request and blueprint say nothing */
                        defaults: {
                            /** @enum {string} */
                            idle?: "teardown" | "sleep";
                            idleAfter?: string;
                            ttl?: string;
                        };
                        policies: {
                            /** @enum {string} */
                            layer: "company" | "team";
                            version: number;
                        }[];
                        /** @description Where each value came from, FILE:LINE; the policies' overlays are <layer>-policy-v<version>.yaml */
                        provenance: {
                            [key: string]: string;
                        };
                        /** @description What the environment asks of the cluster, as the policies count it */
                        resources: {
                            cpu: string;
                            memory: string;
                            storage: string;
                        };
                        team: string;
                        violations: {
                            field?: string;
                            /** @enum {string} */
                            layer: "company" | "team";
                            limit: string;
                            message: string;
                            /** @description The rule, e.g. environments.maxPerTeam */
                            policy: string;
                            requested: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listPoliciesCompany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current policy of the company or a team */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changedAt: string | null;
                        changedBy: string | null;
                        /** @enum {string} */
                        layer: "company" | "team";
                        /** @description A MicroStax policy: limits and defaults for the environments of a company or a team */
                        policy: {
                            baselines?: {
                                /** @description Environments (name or id) a branch may be made of; empty: no branching */
                                allowed: string[];
                            };
                            environments?: {
                                /** @description Live environments a team may have */
                                maxPerTeam?: number;
                                /** @description Live environments one user may own */
                                maxPerUser?: number;
                            };
                            idle?: {
                                /**
                                 * @description Idle action of an environment created without one
                                 * @enum {string}
                                 */
                                action?: "teardown" | "sleep";
                                /** @description idleAfter of an environment created without one */
                                after?: string;
                            };
                            images?: {
                                /** @description Every image must match one of these */
                                allowed: string[];
                            };
                            labels?: {
                                /** @description Labels every environment must carry */
                                required: string[];
                            };
                            /** @description An overlay (YAML, its layer equal to the policy layer) applied to every create and apply */
                            overlay?: string;
                            resources?: {
                                /** @description Resource limits: services without requests count as 50m CPU and 64Mi memory, volumes as 1Gi */
                                perEnvironment?: {
                                    /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                    cpu?: string | number;
                                    /** @description Memory requests summed over replicas, e.g. 8Gi */
                                    memory?: string | number;
                                    /** @description Volume sizes summed, e.g. 20Gi */
                                    storage?: string | number;
                                };
                                /** @description The sum over the team's live environments */
                                perTeam?: {
                                    /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                    cpu?: string | number;
                                    /** @description Memory requests summed over replicas, e.g. 8Gi */
                                    memory?: string | number;
                                    /** @description Volume sizes summed, e.g. 20Gi */
                                    storage?: string | number;
                                };
                            };
                            ttl?: {
                                /** @description TTL of an environment created without one */
                                default?: string;
                                /** @description Longest TTL; also caps extend: an environment lives at most this long after its creation */
                                max?: string;
                            };
                            urls?: {
                                /** @description false: no service may set access: public */
                                public: boolean;
                            };
                        };
                        /** @description The team; null for the company policy */
                        team: string | null;
                        /** @description 0 while none was ever set */
                        version: number;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    putPoliciesCompany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Only store when the current version is this one (0: none yet); else 409 */
                    expectedVersion?: number;
                    /** @description A MicroStax policy: limits and defaults for the environments of a company or a team */
                    policy: {
                        baselines?: {
                            /** @description Environments (name or id) a branch may be made of; empty: no branching */
                            allowed: string[];
                        };
                        environments?: {
                            /** @description Live environments a team may have */
                            maxPerTeam?: number;
                            /** @description Live environments one user may own */
                            maxPerUser?: number;
                        };
                        idle?: {
                            /**
                             * @description Idle action of an environment created without one
                             * @enum {string}
                             */
                            action?: "teardown" | "sleep";
                            /** @description idleAfter of an environment created without one */
                            after?: string;
                        };
                        images?: {
                            /** @description Every image must match one of these */
                            allowed: string[];
                        };
                        labels?: {
                            /** @description Labels every environment must carry */
                            required: string[];
                        };
                        /** @description An overlay (YAML, its layer equal to the policy layer) applied to every create and apply */
                        overlay?: string;
                        resources?: {
                            /** @description Resource limits: services without requests count as 50m CPU and 64Mi memory, volumes as 1Gi */
                            perEnvironment?: {
                                /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                cpu?: string | number;
                                /** @description Memory requests summed over replicas, e.g. 8Gi */
                                memory?: string | number;
                                /** @description Volume sizes summed, e.g. 20Gi */
                                storage?: string | number;
                            };
                            /** @description The sum over the team's live environments */
                            perTeam?: {
                                /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                cpu?: string | number;
                                /** @description Memory requests summed over replicas, e.g. 8Gi */
                                memory?: string | number;
                                /** @description Volume sizes summed, e.g. 20Gi */
                                storage?: string | number;
                            };
                        };
                        ttl?: {
                            /** @description TTL of an environment created without one */
                            default?: string;
                            /** @description Longest TTL; also caps extend: an environment lives at most this long after its creation */
                            max?: string;
                        };
                        urls?: {
                            /** @description false: no service may set access: public */
                            public: boolean;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description The current policy of the company or a team */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changedAt: string | null;
                        changedBy: string | null;
                        /** @enum {string} */
                        layer: "company" | "team";
                        /** @description A MicroStax policy: limits and defaults for the environments of a company or a team */
                        policy: {
                            baselines?: {
                                /** @description Environments (name or id) a branch may be made of; empty: no branching */
                                allowed: string[];
                            };
                            environments?: {
                                /** @description Live environments a team may have */
                                maxPerTeam?: number;
                                /** @description Live environments one user may own */
                                maxPerUser?: number;
                            };
                            idle?: {
                                /**
                                 * @description Idle action of an environment created without one
                                 * @enum {string}
                                 */
                                action?: "teardown" | "sleep";
                                /** @description idleAfter of an environment created without one */
                                after?: string;
                            };
                            images?: {
                                /** @description Every image must match one of these */
                                allowed: string[];
                            };
                            labels?: {
                                /** @description Labels every environment must carry */
                                required: string[];
                            };
                            /** @description An overlay (YAML, its layer equal to the policy layer) applied to every create and apply */
                            overlay?: string;
                            resources?: {
                                /** @description Resource limits: services without requests count as 50m CPU and 64Mi memory, volumes as 1Gi */
                                perEnvironment?: {
                                    /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                    cpu?: string | number;
                                    /** @description Memory requests summed over replicas, e.g. 8Gi */
                                    memory?: string | number;
                                    /** @description Volume sizes summed, e.g. 20Gi */
                                    storage?: string | number;
                                };
                                /** @description The sum over the team's live environments */
                                perTeam?: {
                                    /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                    cpu?: string | number;
                                    /** @description Memory requests summed over replicas, e.g. 8Gi */
                                    memory?: string | number;
                                    /** @description Volume sizes summed, e.g. 20Gi */
                                    storage?: string | number;
                                };
                            };
                            ttl?: {
                                /** @description TTL of an environment created without one */
                                default?: string;
                                /** @description Longest TTL; also caps extend: an environment lives at most this long after its creation */
                                max?: string;
                            };
                            urls?: {
                                /** @description false: no service may set access: public */
                                public: boolean;
                            };
                        };
                        /** @description The team; null for the company policy */
                        team: string | null;
                        /** @description 0 while none was ever set */
                        version: number;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listPoliciesCompanyHistory: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The sections this version changed from the one before */
                            changed: string[];
                            changedAt: string | null;
                            changedBy: string | null;
                            /** @enum {string} */
                            layer: "company" | "team";
                            /** @description A MicroStax policy: limits and defaults for the environments of a company or a team */
                            policy: {
                                baselines?: {
                                    /** @description Environments (name or id) a branch may be made of; empty: no branching */
                                    allowed: string[];
                                };
                                environments?: {
                                    /** @description Live environments a team may have */
                                    maxPerTeam?: number;
                                    /** @description Live environments one user may own */
                                    maxPerUser?: number;
                                };
                                idle?: {
                                    /**
                                     * @description Idle action of an environment created without one
                                     * @enum {string}
                                     */
                                    action?: "teardown" | "sleep";
                                    /** @description idleAfter of an environment created without one */
                                    after?: string;
                                };
                                images?: {
                                    /** @description Every image must match one of these */
                                    allowed: string[];
                                };
                                labels?: {
                                    /** @description Labels every environment must carry */
                                    required: string[];
                                };
                                /** @description An overlay (YAML, its layer equal to the policy layer) applied to every create and apply */
                                overlay?: string;
                                resources?: {
                                    /** @description Resource limits: services without requests count as 50m CPU and 64Mi memory, volumes as 1Gi */
                                    perEnvironment?: {
                                        /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                        cpu?: string | number;
                                        /** @description Memory requests summed over replicas, e.g. 8Gi */
                                        memory?: string | number;
                                        /** @description Volume sizes summed, e.g. 20Gi */
                                        storage?: string | number;
                                    };
                                    /** @description The sum over the team's live environments */
                                    perTeam?: {
                                        /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                        cpu?: string | number;
                                        /** @description Memory requests summed over replicas, e.g. 8Gi */
                                        memory?: string | number;
                                        /** @description Volume sizes summed, e.g. 20Gi */
                                        storage?: string | number;
                                    };
                                };
                                ttl?: {
                                    /** @description TTL of an environment created without one */
                                    default?: string;
                                    /** @description Longest TTL; also caps extend: an environment lives at most this long after its creation */
                                    max?: string;
                                };
                                urls?: {
                                    /** @description false: no service may set access: public */
                                    public: boolean;
                                };
                            };
                            /** @description The team; null for the company policy */
                            team: string | null;
                            /** @description 0 while none was ever set */
                            version: number;
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPoliciesTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Team id */
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current policy of the company or a team */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changedAt: string | null;
                        changedBy: string | null;
                        /** @enum {string} */
                        layer: "company" | "team";
                        /** @description A MicroStax policy: limits and defaults for the environments of a company or a team */
                        policy: {
                            baselines?: {
                                /** @description Environments (name or id) a branch may be made of; empty: no branching */
                                allowed: string[];
                            };
                            environments?: {
                                /** @description Live environments a team may have */
                                maxPerTeam?: number;
                                /** @description Live environments one user may own */
                                maxPerUser?: number;
                            };
                            idle?: {
                                /**
                                 * @description Idle action of an environment created without one
                                 * @enum {string}
                                 */
                                action?: "teardown" | "sleep";
                                /** @description idleAfter of an environment created without one */
                                after?: string;
                            };
                            images?: {
                                /** @description Every image must match one of these */
                                allowed: string[];
                            };
                            labels?: {
                                /** @description Labels every environment must carry */
                                required: string[];
                            };
                            /** @description An overlay (YAML, its layer equal to the policy layer) applied to every create and apply */
                            overlay?: string;
                            resources?: {
                                /** @description Resource limits: services without requests count as 50m CPU and 64Mi memory, volumes as 1Gi */
                                perEnvironment?: {
                                    /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                    cpu?: string | number;
                                    /** @description Memory requests summed over replicas, e.g. 8Gi */
                                    memory?: string | number;
                                    /** @description Volume sizes summed, e.g. 20Gi */
                                    storage?: string | number;
                                };
                                /** @description The sum over the team's live environments */
                                perTeam?: {
                                    /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                    cpu?: string | number;
                                    /** @description Memory requests summed over replicas, e.g. 8Gi */
                                    memory?: string | number;
                                    /** @description Volume sizes summed, e.g. 20Gi */
                                    storage?: string | number;
                                };
                            };
                            ttl?: {
                                /** @description TTL of an environment created without one */
                                default?: string;
                                /** @description Longest TTL; also caps extend: an environment lives at most this long after its creation */
                                max?: string;
                            };
                            urls?: {
                                /** @description false: no service may set access: public */
                                public: boolean;
                            };
                        };
                        /** @description The team; null for the company policy */
                        team: string | null;
                        /** @description 0 while none was ever set */
                        version: number;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    putPoliciesTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Team id */
                team: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Only store when the current version is this one (0: none yet); else 409 */
                    expectedVersion?: number;
                    /** @description A MicroStax policy: limits and defaults for the environments of a company or a team */
                    policy: {
                        baselines?: {
                            /** @description Environments (name or id) a branch may be made of; empty: no branching */
                            allowed: string[];
                        };
                        environments?: {
                            /** @description Live environments a team may have */
                            maxPerTeam?: number;
                            /** @description Live environments one user may own */
                            maxPerUser?: number;
                        };
                        idle?: {
                            /**
                             * @description Idle action of an environment created without one
                             * @enum {string}
                             */
                            action?: "teardown" | "sleep";
                            /** @description idleAfter of an environment created without one */
                            after?: string;
                        };
                        images?: {
                            /** @description Every image must match one of these */
                            allowed: string[];
                        };
                        labels?: {
                            /** @description Labels every environment must carry */
                            required: string[];
                        };
                        /** @description An overlay (YAML, its layer equal to the policy layer) applied to every create and apply */
                        overlay?: string;
                        resources?: {
                            /** @description Resource limits: services without requests count as 50m CPU and 64Mi memory, volumes as 1Gi */
                            perEnvironment?: {
                                /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                cpu?: string | number;
                                /** @description Memory requests summed over replicas, e.g. 8Gi */
                                memory?: string | number;
                                /** @description Volume sizes summed, e.g. 20Gi */
                                storage?: string | number;
                            };
                            /** @description The sum over the team's live environments */
                            perTeam?: {
                                /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                cpu?: string | number;
                                /** @description Memory requests summed over replicas, e.g. 8Gi */
                                memory?: string | number;
                                /** @description Volume sizes summed, e.g. 20Gi */
                                storage?: string | number;
                            };
                        };
                        ttl?: {
                            /** @description TTL of an environment created without one */
                            default?: string;
                            /** @description Longest TTL; also caps extend: an environment lives at most this long after its creation */
                            max?: string;
                        };
                        urls?: {
                            /** @description false: no service may set access: public */
                            public: boolean;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description The current policy of the company or a team */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changedAt: string | null;
                        changedBy: string | null;
                        /** @enum {string} */
                        layer: "company" | "team";
                        /** @description A MicroStax policy: limits and defaults for the environments of a company or a team */
                        policy: {
                            baselines?: {
                                /** @description Environments (name or id) a branch may be made of; empty: no branching */
                                allowed: string[];
                            };
                            environments?: {
                                /** @description Live environments a team may have */
                                maxPerTeam?: number;
                                /** @description Live environments one user may own */
                                maxPerUser?: number;
                            };
                            idle?: {
                                /**
                                 * @description Idle action of an environment created without one
                                 * @enum {string}
                                 */
                                action?: "teardown" | "sleep";
                                /** @description idleAfter of an environment created without one */
                                after?: string;
                            };
                            images?: {
                                /** @description Every image must match one of these */
                                allowed: string[];
                            };
                            labels?: {
                                /** @description Labels every environment must carry */
                                required: string[];
                            };
                            /** @description An overlay (YAML, its layer equal to the policy layer) applied to every create and apply */
                            overlay?: string;
                            resources?: {
                                /** @description Resource limits: services without requests count as 50m CPU and 64Mi memory, volumes as 1Gi */
                                perEnvironment?: {
                                    /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                    cpu?: string | number;
                                    /** @description Memory requests summed over replicas, e.g. 8Gi */
                                    memory?: string | number;
                                    /** @description Volume sizes summed, e.g. 20Gi */
                                    storage?: string | number;
                                };
                                /** @description The sum over the team's live environments */
                                perTeam?: {
                                    /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                    cpu?: string | number;
                                    /** @description Memory requests summed over replicas, e.g. 8Gi */
                                    memory?: string | number;
                                    /** @description Volume sizes summed, e.g. 20Gi */
                                    storage?: string | number;
                                };
                            };
                            ttl?: {
                                /** @description TTL of an environment created without one */
                                default?: string;
                                /** @description Longest TTL; also caps extend: an environment lives at most this long after its creation */
                                max?: string;
                            };
                            urls?: {
                                /** @description false: no service may set access: public */
                                public: boolean;
                            };
                        };
                        /** @description The team; null for the company policy */
                        team: string | null;
                        /** @description 0 while none was ever set */
                        version: number;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listPoliciesTeamHistory: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Team id */
                team: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The sections this version changed from the one before */
                            changed: string[];
                            changedAt: string | null;
                            changedBy: string | null;
                            /** @enum {string} */
                            layer: "company" | "team";
                            /** @description A MicroStax policy: limits and defaults for the environments of a company or a team */
                            policy: {
                                baselines?: {
                                    /** @description Environments (name or id) a branch may be made of; empty: no branching */
                                    allowed: string[];
                                };
                                environments?: {
                                    /** @description Live environments a team may have */
                                    maxPerTeam?: number;
                                    /** @description Live environments one user may own */
                                    maxPerUser?: number;
                                };
                                idle?: {
                                    /**
                                     * @description Idle action of an environment created without one
                                     * @enum {string}
                                     */
                                    action?: "teardown" | "sleep";
                                    /** @description idleAfter of an environment created without one */
                                    after?: string;
                                };
                                images?: {
                                    /** @description Every image must match one of these */
                                    allowed: string[];
                                };
                                labels?: {
                                    /** @description Labels every environment must carry */
                                    required: string[];
                                };
                                /** @description An overlay (YAML, its layer equal to the policy layer) applied to every create and apply */
                                overlay?: string;
                                resources?: {
                                    /** @description Resource limits: services without requests count as 50m CPU and 64Mi memory, volumes as 1Gi */
                                    perEnvironment?: {
                                        /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                        cpu?: string | number;
                                        /** @description Memory requests summed over replicas, e.g. 8Gi */
                                        memory?: string | number;
                                        /** @description Volume sizes summed, e.g. 20Gi */
                                        storage?: string | number;
                                    };
                                    /** @description The sum over the team's live environments */
                                    perTeam?: {
                                        /** @description CPU requests summed over replicas, e.g. 4 or 2500m */
                                        cpu?: string | number;
                                        /** @description Memory requests summed over replicas, e.g. 8Gi */
                                        memory?: string | number;
                                        /** @description Volume sizes summed, e.g. 20Gi */
                                        storage?: string | number;
                                    };
                                };
                                ttl?: {
                                    /** @description TTL of an environment created without one */
                                    default?: string;
                                    /** @description Longest TTL; also caps extend: an environment lives at most this long after its creation */
                                    max?: string;
                                };
                                urls?: {
                                    /** @description false: no service may set access: public */
                                    public: boolean;
                                };
                            };
                            /** @description The team; null for the company policy */
                            team: string | null;
                            /** @description 0 while none was ever set */
                            version: number;
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listTeams: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            /** @description Team id */
                            id: string;
                            /** @description Users in the team */
                            memberCount: number;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listTeamMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Team id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            /** @description The user name (the e-mail address for people who sign in) */
                            name: string;
                            /** @enum {string} */
                            role: "member" | "team-admin" | "admin";
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: {
                /** @description Admins (anyone) and team-admins (their team): this user's tokens */
                user?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 time
                             */
                            createdAt: string;
                            description: string;
                            expiresAt: string | null;
                            id: string;
                            /** @description The first characters of the token */
                            prefix: string;
                            revokedAt: string | null;
                            /** @enum {string} */
                            state: "active" | "expired" | "revoked";
                            /** @description The user name */
                            user: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    description?: string;
                    /** @description No value: the token never expires */
                    expiresInDays?: number;
                    /** @description Admins (anyone) and team-admins (their team): issue it for this user */
                    user?: string;
                };
            };
        };
        responses: {
            /** @description A new API token */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt: string;
                        description: string;
                        expiresAt: string | null;
                        id: string;
                        /** @description The first characters of the token */
                        prefix: string;
                        revokedAt: string | null;
                        /** @enum {string} */
                        state: "active" | "expired" | "revoked";
                        /** @description The token: shown this once, never again */
                        token: string;
                        /** @description The user name */
                        user: string;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Token id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 time
                         */
                        createdAt: string;
                        description: string;
                        expiresAt: string | null;
                        id: string;
                        /** @description The first characters of the token */
                        prefix: string;
                        revokedAt: string | null;
                        /** @enum {string} */
                        state: "active" | "expired" | "revoked";
                        /** @description The user name */
                        user: string;
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listWhoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who the credential speaks for */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        credential: {
                            /** @description The token id, or the session id */
                            id: string;
                            /** @enum {string} */
                            kind: "token" | "session";
                        };
                        /** @description Team id */
                        team: string;
                        user: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            role: "member" | "team-admin" | "admin";
                        };
                    };
                };
            };
            /** @description An error */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
            /** @description An error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /**
                             * @description Stable machine-readable code
                             * @enum {string}
                             */
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "policy_violation" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
                            /** @description Dotted path of the failing input field, e.g. body.ttl */
                            field?: string;
                            /** @description What went wrong, for people */
                            message: string;
                        };
                    };
                };
            };
        };
    };
}
