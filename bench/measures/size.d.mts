export function findSignatures(code: string): { what: string; framework: boolean }[];
