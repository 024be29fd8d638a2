import { registerMessages } from '../../../../core/i18n/errors.js';
import type { Deps } from '../../../deps.js';
import { AppError, type FieldError } from '../../../lib/errors.js';
import { createCitizenIdentityReader } from '../../sso/sso.module.js';
import type { CitizenIdentity } from '../../sso/sso.types.js';
import type { ParticipantMeta } from '../contest.types.js';

// A contest's `verification: 'sso'`: the participant registers signed in with the province's identity provider
// (OpenID Connect, server/modules/sso), so the registration is verified at once, without a one-time code. Kept
// apart from play.service.ts, which only asks `identityAtRegistration` (and keys the registration by that identity,
// so one citizen account registers once per contest).

registerMessages({
  'contest.sso_not_configured': {
    vi: 'Chưa thể chọn xác thực bằng đăng nhập một lần (SSO): hệ thống chưa cấu hình nhà cung cấp định danh (OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_REDIRECT_URL)',
    en: 'Single sign-on verification is not available: no identity provider is configured (OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_REDIRECT_URL)',
  },
  'contest.sso_already_registered': {
    vi: 'Tài khoản định danh này đã đăng ký cuộc thi; mỗi người chỉ đăng ký một lần',
    en: 'This identity account has already registered for the contest; each person registers once',
  },
  'contest.sso_required': {
    vi: 'Cuộc thi này yêu cầu đăng nhập bằng tài khoản định danh trước khi đăng ký',
    en: 'This contest asks you to sign in with your identity account before registering',
  },
});

/** For a contest's configuration: 'sso' is refused while single sign-on is not configured. */
export function ssoVerificationErrors(
  config: Pick<Deps['config'], 'oidc'>,
  verification: string,
): FieldError[] {
  return verification === 'sso' && !config.oidc
    ? [{ field: 'body.config.verification', code: 'contest.sso_not_configured' }]
    : [];
}

export function createContestSsoGate(deps: Pick<Deps, 'db' | 'clock' | 'config'>) {
  const citizens = createCitizenIdentityReader(deps);
  return {
    /**
     * The citizen whose sign-in verifies a registration: null when the contest is not verified by single sign-on;
     * throws 401 when it is and the request carries no live citizen session.
     */
    async identityAtRegistration(
      verification: string,
      meta: ParticipantMeta,
    ): Promise<CitizenIdentity | null> {
      if (verification !== 'sso') return null;
      if (!citizens.configured)
        throw new AppError('UNAVAILABLE', { detailKey: 'contest.sso_not_configured' });
      const who = await citizens.identify(meta.citizenToken);
      if (!who) throw new AppError('UNAUTHENTICATED', { detailKey: 'contest.sso_required' });
      return who;
    },
  };
}
