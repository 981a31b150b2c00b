/** Tool version stamped into cases and reports. Kept in step with package.json by a test. */
export const TOOL_VERSION = '0.1.0';
