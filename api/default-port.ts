/** The API's port when MICROSTAX_API_PORT is not set (on its own: the CLI's client reads it without zod). */
export const DEFAULT_API_PORT = 18080;
