/** Which workspace endpoints need the user's consent (see endpointTrust.ts). Pure: no vscode import. */
import { t } from '../../../core/src/index';
import { isLoopbackHost } from '../../../api/src/endpoint';
import { parseServiceUrl } from '../../../api/src/serviceUrl';

/** The settings that name a host the extension signs requests for. */
export type EndpointSetting = 'endpoint' | 'ossEndpoint';
/** Everything the cloud session talks to: IMM (projects) and OSS (buckets, objects). */
export const CLOUD_ENDPOINT_SETTINGS: readonly EndpointSetting[] = ['endpoint', 'ossEndpoint'];

/** Messages of this feature, in one place for translation; functions, as texts would be filled before the display language is chosen. */
export const ENDPOINT_TRUST_TEXT = {
  question: (url: string) =>
    t(
      "This workspace's settings send IMM requests to {0}, which is neither Alibaba Cloud (*.aliyuncs.com) nor this machine. It would receive your AccessKey ID, the signed request and the job. Use it for this workspace?",
      url,
    ),
  ossQuestion: (url: string) =>
    t(
      "This workspace's settings send OSS requests (your buckets, objects and task results) to {0}, which is neither Alibaba Cloud (*.aliyuncs.com) nor this machine. It would receive your AccessKey ID and the signed requests. Use it for this workspace?",
      url,
    ),
  use: () => t('Use This Endpoint'),
  dontUse: () => t("Don't Use It"),
  refused: (url: string) =>
    t("IMM Highlight: not submitted: this workspace's endpoint {0} was not accepted. Nothing was sent. Change immHighlight.endpoint to submit elsewhere.", url),
  refusedOss: (url: string) =>
    t(
      "IMM Highlight: not submitted: this workspace's OSS endpoint {0} was not accepted. Nothing was sent. Change immHighlight.ossEndpoint, or set immHighlight.cloudChecks to off, to submit.",
      url,
    ),
  /** Check Against Cloud and the results commands. */
  refusedCloud: (url: string, setting: EndpointSetting) =>
    t("IMM Highlight: this workspace's endpoint {0} (immHighlight.{1}) was not accepted, so nothing was sent to it.", url, setting),
  nothingToReview: () =>
    t("IMM Highlight: this workspace's endpoints need no consent: they are Alibaba Cloud, this machine, your user settings, or already accepted."),
};

/** The question for a pending endpoint: IMM's when the IMM endpoint is among the settings naming it. */
export function consentQuestion(pending: PendingEndpoint): string {
  return pending.settings.includes('endpoint') ? ENDPOINT_TRUST_TEXT.question(pending.url) : ENDPOINT_TRUST_TEXT.ossQuestion(pending.url);
}

class Unparsable extends Error {}

/** Whether an endpoint from workspace settings needs the user's consent. Unparsable ones fail later, on their own. */
export function needsEndpointConsent(endpoint: string, fromWorkspace: boolean): string | undefined {
  if (!fromWorkspace || !endpoint.trim()) return undefined;
  let url: URL;
  try {
    // The IMM and the OSS endpoint are read by this one parser, so what is asked about is what would be called.
    url = parseServiceUrl(endpoint, 'The endpoint', (message) => new Unparsable(message));
  } catch (error) {
    if (error instanceof Unparsable) return undefined;
    throw error;
  }
  const host = url.hostname.toLowerCase();
  if (host.endsWith('.aliyuncs.com') || isLoopbackHost(host)) return undefined;
  return url.origin;
}

/** What VS Code's `inspect` tells about one setting, and the value in effect. */
export interface EndpointSettingValue {
  readonly setting: EndpointSetting;
  /** The value in effect for the file, trimmed. */
  readonly value: string;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/** A workspace endpoint the user has not accepted yet, with the settings that name it. */
export interface PendingEndpoint {
  readonly url: string;
  readonly settings: readonly EndpointSetting[];
}

/**
 * The workspace endpoints still waiting for the user's answer, one per origin (an IMM and an OSS endpoint on the
 * same host are one question). A value is the workspace's when the value in effect is what the workspace (or its
 * folder) sets; one equal to the user's own setting is then still the workspace's choice, and asked about.
 */
export function pendingEndpoints(values: readonly EndpointSettingValue[], accepted: Readonly<Record<string, boolean>>): PendingEndpoint[] {
  const pending = new Map<string, EndpointSetting[]>();
  for (const { setting, value, workspaceValue, workspaceFolderValue } of values) {
    const fromWorkspace = [workspaceFolderValue, workspaceValue].some((v) => typeof v === 'string' && v.trim() === value);
    const url = needsEndpointConsent(value, fromWorkspace);
    if (!url || accepted[url] === true) continue;
    pending.set(url, [...(pending.get(url) ?? []), setting]);
  }
  return [...pending].map(([url, settings]) => ({ url, settings }));
}
