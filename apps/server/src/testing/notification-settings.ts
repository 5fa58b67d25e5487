// Server settings whose only guardrail is where notifications go (tests of the notifier).
import { NO_SETTINGS, type NotificationTarget, type ServerSettings } from '../settings/server-settings.js';

export function notificationSettings(targets: NotificationTarget[]): ServerSettings {
  return { ...NO_SETTINGS, guardrails: { ...NO_SETTINGS.guardrails, notifications: targets } };
}
