export interface Summary {
  median: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
  runs: number;
}
export interface BenchResult extends Summary {
  id: string;
  name: string;
  status: 'measured' | 'report-only' | 'not-built-yet' | 'error';
  budget: number | null;
  unit: string;
  pass: boolean | null;
  notes: string;
  details?: Record<string, unknown>;
}
interface ResultInput {
  id: string;
  name: string;
  budget?: number | null;
  unit: string;
}
export function median(values: readonly number[]): number;
export function percentile(values: readonly number[], p: number): number;
export function spread(values: readonly number[]): { min: number; max: number };
export function round(value: number): number | null;
export function summarise(values: readonly number[]): Summary;
export function measured(input: ResultInput & { values: readonly number[]; notes?: string; details?: Record<string, unknown> }): BenchResult;
export function notBuiltYet(input: ResultInput & { reason: string }): BenchResult;
export function failed(input: ResultInput & { error: unknown }): BenchResult;
