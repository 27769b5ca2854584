export declare const CHROME_PATH: string;
export declare function chromiumArgs(extensionPath: string): string[];
