/** Which workspace endpoints need the user's consent (see endpointTrust.ts). Pure: no vscode import. */
import { t } from '../../../core/src/l10n';
import { isLoopbackHost, parseEndpointOverride } from '../../../api/src/endpoint';
import { ImmApiError } from '../../../api/src/errors';

/** Messages of this feature, in one place for translation; functions, as texts would be filled before the display language is chosen. */
export const ENDPOINT_TRUST_TEXT = {
  question: (url: string) =>
    t("This workspace's settings send IMM requests to {0}, which is neither Alibaba Cloud (*.aliyuncs.com) nor this machine. It would receive your AccessKey ID, the signed request and the job. Use it for this workspace?", url),
  use: () => t('Use This Endpoint'),
  refused: (url: string) => t("IMM Highlight: not submitted: this workspace's endpoint {0} was not accepted. Nothing was sent. Change immHighlight.endpoint to submit elsewhere.", url),
};

/** Whether an endpoint from workspace settings needs the user's consent. Unparsable ones fail later, on their own. */
export function needsEndpointConsent(endpoint: string, fromWorkspace: boolean): string | undefined {
  if (!fromWorkspace || !endpoint.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(parseEndpointOverride(endpoint).url);
  } catch (error) {
    if (error instanceof ImmApiError) return undefined;
    throw error;
  }
  const host = url.hostname.toLowerCase();
  if (host.endsWith('.aliyuncs.com') || isLoopbackHost(host)) return undefined;
  return url.origin;
}

