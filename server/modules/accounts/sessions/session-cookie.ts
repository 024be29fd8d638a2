/** The session cookie's name; routes set and clear it, the authenticator reads it. */
export const SESSION_COOKIE = 'dxb_session';
