import type { TaskType } from '../db/records';

// The small word table behind quick add (issue #12). Dates are chrono-node's job; this table
// only names the task's type and priority, says where a person's name follows, and lists the
// little words left dangling once a date is cut out. Reps mix English into every language, so
// English words are always understood too. Matching prefers the longest term at a position, so
// a phrase ("e-mail senden") and a word in it ("e-mail") can both be listed.

export const QUICK_ADD_LOCALES = ['en', 'de', 'nl', 'pt_BR', 'sv', 'zh_CN'] as const;
export type QuickAddLocale = (typeof QUICK_ADD_LOCALES)[number];

export interface LocaleWords {
  type: Record<Exclude<TaskType, 'custom'>, readonly string[]>;
  /** Words that make a task High priority. */
  high: readonly string[];
  /** A capitalised word after these is a person even when the rep's people don't know them. */
  beforeName: readonly string[];
  /** "at", "um", "om", "às", "kl.": dropped from the title where a cut-out date leaves them. */
  dangling: readonly string[];
  /** Words that start a date ("next"): what follows is named when chrono finds no date in it. */
  dateStarts: readonly string[];
  /** Words chrono's parser for the language does not know, and that change a date it reads. */
  dateModifiers: readonly string[];
  /** The language's "o'clock" word, which chrono's parser for the language lacks (see quick-add-chrono.ts). */
  clock: readonly string[];
}

const en: LocaleWords = {
  type: {
    call: ['call', 'call back', 'phone', 'ring'],
    email: ['email', 'e-mail', 'mail', 'send an email', 'send email', 'write an email'],
    linkedin: ['linkedin', 'inmail', 'connect on linkedin', 'message on linkedin'],
  },
  high: ['high', 'high priority', 'urgent', 'important', 'asap', '!', '!!', '!!!'],
  beforeName: ['with', 'to'],
  dangling: ['at', 'on', 'by', 'around', '@'],
  dateStarts: ['next', 'this', 'on', 'at', 'by', 'until', 'before', 'after', 'every'],
  dateModifiers: [],
  clock: [],
};

const de: LocaleWords = {
  type: {
    call: ['anrufen', 'anruf', 'telefonieren', 'telefonat', 'zurückrufen', 'rückruf'],
    email: ['e-mail', 'email', 'mail', 'mailen', 'e-mail schreiben', 'e-mail senden', 'mail schicken'],
    linkedin: ['linkedin', 'linkedin-nachricht'],
  },
  high: ['hoch', 'hohe priorität', 'prio hoch', 'dringend', 'wichtig', 'eilig'],
  beforeName: ['an', 'mit', 'bei'],
  dangling: ['um', 'am', 'bis', 'gegen', 'ab'],
  dateStarts: ['nächste', 'nächsten', 'nächster', 'übernächste', 'diese', 'diesen', 'am', 'um', 'bis'],
  dateModifiers: [],
  clock: [],
};

const nl: LocaleWords = {
  type: {
    call: ['bellen', 'bel', 'opbellen', 'terugbellen', 'telefoneren'],
    email: ['e-mail', 'email', 'mail', 'mailen', 'e-mailen', 'mailtje', 'e-mail sturen', 'mail sturen'],
    linkedin: ['linkedin', 'linkedin-bericht'],
  },
  high: ['hoog', 'hoge prioriteit', 'dringend', 'urgent', 'belangrijk', 'spoed'],
  beforeName: ['met', 'aan', 'naar'],
  dangling: ['om', 'op', 'voor', 'rond', 'tegen'],
  dateStarts: ['volgende', 'komende', 'aanstaande', 'deze', 'om', 'op'],
  dateModifiers: [],
  clock: [],
};

const ptBR: LocaleWords = {
  type: {
    call: ['ligar', 'liga', 'ligue', 'ligação', 'telefonar', 'telefonema'],
    email: ['email', 'e-mail', 'mail', 'mandar email', 'mandar e-mail', 'enviar email', 'enviar e-mail'],
    linkedin: ['linkedin', 'mensagem no linkedin'],
  },
  high: ['alta', 'prioridade alta', 'alta prioridade', 'urgente', 'importante'],
  beforeName: ['para', 'pra', 'pro', 'com'],
  dangling: ['às', 'as', 'na', 'no', 'em', 'até', 'dia', 'próxima', 'próximo'],
  dateStarts: ['próxima', 'próximo', 'nesta', 'neste', 'na', 'no', 'dia', 'às', 'até', 'daqui'],
  // chrono's Portuguese reads the "amanhã" of "depois de amanhã" as tomorrow (2.10.3).
  dateModifiers: ['depois de'],
  clock: [],
};

const sv: LocaleWords = {
  type: {
    call: ['ring', 'ringa', 'ring upp', 'ringa upp', 'samtal', 'telefonera'],
    email: ['mejla', 'mejl', 'maila', 'mail', 'e-post', 'e-posta', 'skicka mejl', 'skicka mail'],
    linkedin: ['linkedin', 'linkedin-meddelande'],
  },
  high: ['hög', 'hög prio', 'hög prioritet', 'brådskande', 'viktig', 'viktigt', 'akut'],
  beforeName: ['med', 'till', 'åt'],
  dangling: ['på', 'vid', 'senast', 'kl.', 'kl'],
  dateStarts: ['nästa', 'kommande', 'denna', 'på', 'kl.', 'kl'],
  dateModifiers: [],
  clock: ['klockan', 'kl.', 'kl'],
};

const zhCN: LocaleWords = {
  type: {
    call: ['打电话', '打个电话', '回电话', '电话', '致电', '回电'],
    email: ['发邮件', '发个邮件', '回邮件', '邮件', '电邮'],
    linkedin: ['领英', 'linkedin'],
  },
  high: ['高优先级', '优先级高', '紧急', '加急', '重要', '急', '高', '！'],
  beforeName: ['给', '和', '跟', '与'],
  dangling: ['在', '于', '前'],
  dateStarts: ['下周', '下个', '这周', '本周', '星期', '礼拜'],
  dateModifiers: [],
  clock: [],
};

const WORDS: Record<QuickAddLocale, LocaleWords> = { en, de, nl, pt_BR: ptBR, sv, zh_CN: zhCN };

/** The rep's language first, then English. */
export function wordsFor(locale: QuickAddLocale): readonly LocaleWords[] {
  return locale === 'en' ? [en] : [WORDS[locale], en];
}

/** One list from every table, the rep's language first. */
export function allOf(words: readonly LocaleWords[], list: Exclude<keyof LocaleWords, 'type'>): string[] {
  return words.flatMap((w) => w[list]);
}
