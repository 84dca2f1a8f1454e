/** Honorifics and titles people put around a name, per language; none of them is part of a directory name. */

/** Written after the name, attached: Japanese さん/様/君/先生/氏, Chinese 先生/女士/小姐/老师. Longest first. */
export const HONORIFIC_SUFFIXES: readonly string[] = [
  'ちゃん', 'さん', 'さま', '様', '君', 'くん', '先生', '氏', '殿', '女士', '小姐', '老师', '老師', '同学', '同學',
];

/** Written before the name, as a word (with or without a dot): French, English. */
export const TITLE_PREFIXES: readonly string[] = [
  'Mademoiselle', 'Madame', 'Monsieur', 'Mlle', 'Mme', 'Mrs', 'Miss', 'Mr', 'Ms', 'Dr', 'Prof', 'Pr', 'M',
];
