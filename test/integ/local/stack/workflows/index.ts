import { sleep } from '@temporalio/workflow';

/** The smallest real workflow: proves a worker picks up and completes work. */
export async function greet(name: string): Promise<string> {
  return `hello ${name}`;
}

/** Waits on a durable timer first, so the server can be killed while the workflow is running. */
export async function napThenGreet(name: string, napMs: number): Promise<string> {
  await sleep(napMs);
  return `hello ${name}, after a nap`;
}
