/** The citizen's session cookie (single sign-on); staff sessions use another cookie and never this one. */
export const CITIZEN_COOKIE = 'dxb_citizen';
/** The state of a started sign-in, kept by the browser that started it (login CSRF protection). */
export const SSO_STATE_COOKIE = 'dxb_sso_state';
