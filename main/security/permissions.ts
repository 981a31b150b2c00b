/**
 * setPermissionRequestHandler / setPermissionCheckHandler: tokentrail needs no browser
 * permission (no camera, geolocation, notifications, clipboard-read, HID, serial, …); file
 * access goes through the preload's dialogs. So every permission is denied, including ones
 * Electron adds in the future.
 */
export function isPermissionGranted(_permission: string, _requestingUrl?: string): boolean {
  return false;
}
