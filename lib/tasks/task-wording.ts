import type { RuleTrigger } from '../db/records';
import { t } from '../i18n/t';

// Titles of the tasks the background makes (follow-ups, rules), written in the rep's language
// when the task is made: the title is the rep's to edit afterwards, like one they typed.

export interface TaskWording {
  followUpTitle: (subject: string) => string;
  ruleTaskTitle: (trigger: RuleTrigger, subject: string) => string;
}

/** The browser's UI language, through _locales (the background's language is the sidebar's). */
export const localWording: TaskWording = {
  followUpTitle: (subject) => t('taskTitleFollowUp', [subject || t('noSubject')]),
  ruleTaskTitle: (trigger, subject) =>
    t(trigger === 'click' ? 'taskTitleRuleClick' : 'taskTitleRuleView', [subject || t('noSubject')]),
};

/** What the background's rules work with: now, the rep's zone, and titles in their language. */
export function localRuleContext(): { clock: { now: number; timeZone: string }; wording: TaskWording } {
  return {
    clock: { now: Date.now(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
    wording: localWording,
  };
}
