// Types for server.mjs (the demo console's HTTP server).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dataset } from './data.mjs';

export interface DemoServer {
  /** Origin, e.g. http://127.0.0.1:4173 */
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startDemoServer(options?: { port?: number; now?: Date | string | number; eventCount?: number; testHooks?: boolean }): Promise<DemoServer>;
export function createDemoHandler(options?: { now?: Date | string | number; eventCount?: number; testHooks?: boolean }): {
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  dataset: Dataset;
};
