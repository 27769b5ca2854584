export declare const CHROME_PATH: string;
export declare const QUIET_FLAGS: readonly string[];
export declare function chromiumArgs(extensionPath: string | null): string[];
