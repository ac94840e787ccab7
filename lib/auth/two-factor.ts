// Second factors at sign-in. TOTP and recovery codes arrive with two-factor authentication.
import type { SecondFactorCheck } from './login-challenge';

export const checkSecondFactor: SecondFactorCheck = async () => null;
