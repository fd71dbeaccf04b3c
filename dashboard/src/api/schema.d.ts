// Generated from the API's OpenAPI document by `npm run dashboard:api-types`: do not edit.
// test/integ/dashboard/api-types.test.ts fails when it no longer matches the API.
export interface paths {
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            /** @description Hourly cost of the branch environment as placed */
                            hourlyCost: number;
                            /** @description Everything on the cheapest on-demand pool, for comparison */
                            naiveHourlyCost: number;
                            /** @description The proven optimum, when solved exactly */
                            optimalHourlyCost?: number;
                            services: {
                                /** @enum {string} */
                                capacityType: "on-demand" | "spot";
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                                message?: string;
                                name: string;
                                readyReplicas?: number;
                                replicas?: number;
                                state: string;
                            }[];
                            team?: string;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                    /**
                     * @description What happens once idleAfter has passed: "teardown" or "sleep" (scale to zero, keep data and URLs); default: the blueprint idle, else teardown
                     * @enum {string}
                     */
                    idle?: "teardown" | "sleep";
                    /** @description After this long without activity the idle action applies (default: the blueprint idleAfter; at most 365d) */
                    idleAfter?: string;
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
                            message?: string;
                            name: string;
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
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
                            message?: string;
                            name: string;
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            message?: string;
                            name: string;
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            message?: string;
                            name: string;
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
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
                            message?: string;
                            name: string;
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            message?: string;
                            name: string;
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
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
                            message?: string;
                            name: string;
                            readyReplicas?: number;
                            replicas?: number;
                            state: string;
                        }[];
                        team?: string;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                                message?: string;
                                name: string;
                                readyReplicas?: number;
                                replicas?: number;
                                state: string;
                            }[];
                            team?: string;
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
                                message?: string;
                                name: string;
                                readyReplicas?: number;
                                replicas?: number;
                                state: string;
                            }[];
                            team?: string;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                    /**
                     * @description Service name → image template; placeholders {service}, {number}, {sha}, {shortSha}, {branch}
                     * @default {}
                     */
                    images?: {
                        [key: string]: string;
                    };
                    /** @description Team the pull-request environments belong to */
                    team: string;
                    /** @description TTL of each PR environment (default 7d; deleted at close at the latest) */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
                            details?: unknown;
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
                            code: "validation_failed" | "invalid_blueprint" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "has_branches" | "idempotency_key_reused" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "internal";
                            /** @description Extra detail, e.g. every blueprint problem */
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
