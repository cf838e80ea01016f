/**
 * The portal's access token lives in sessionStorage: it ends with the tab and is not shared with
 * other tabs, where localStorage would keep it on the device indefinitely.
 */
const key = 'accessToken';

export const accessToken = () => sessionStorage.getItem(key) ?? undefined;
export const keepAccessToken = (token: string) => sessionStorage.setItem(key, token);
export const forgetAccessToken = () => sessionStorage.removeItem(key);
