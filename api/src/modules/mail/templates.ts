import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/**
 * Mail templates in files (Handlebars), one folder per language:
 *   <lang>/<mail>.subject.hbs   one line
 *   <lang>/<mail>.html.hbs      accessible HTML, escaped
 *   <lang>/<mail>.text.hbs      plain text, not escaped
 *   <lang>/partials/<name>.html.hbs / <name>.text.hbs   shared pieces ({{> name}}), e.g. the layout
 * Compiled in strict mode: a variable a template uses but the data lacks is an error, never an empty gap.
 * The build copies this folder next to the compiled code (api/scripts/copy-assets.mjs).
 */
export const TEMPLATE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

export const mailLanguages = ['de', 'en'] as const;
export type MailLanguage = (typeof mailLanguages)[number];
export type MailTemplateName =
  | 'confirmation'
  | 'rescheduled'
  | 'cancelled'
  | 'reminder'
  | 'office-closed'
  | 'manage-link'
  | 'document-check';
export const mailTemplateNames: readonly MailTemplateName[] = [
  'confirmation',
  'rescheduled',
  'cancelled',
  'reminder',
  'office-closed',
  'manage-link',
  'document-check',
];

export type RenderedMail = { subject: string; html: string; text: string };

/** A template could not be rendered (typically a missing variable); the message names it. */
export class TemplateError extends Error {
  constructor(template: string, cause: unknown) {
    super(`template ${template}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'TemplateError';
  }
}

type Compiled = Record<'subject' | 'html' | 'text', HandlebarsTemplateDelegate>;

/** Strict everywhere; HTML escapes what it inserts, plain text and subjects do not. */
const compileOptions = (format: 'html' | 'text') => ({ strict: true, noEscape: format === 'text' });

export class MailTemplates {
  private readonly compiled = new Map<string, Compiled>();

  /** Loads and compiles every template of every language; throws when one is missing or does not parse. */
  constructor(readonly dir: string = TEMPLATE_DIR) {
    if (!existsSync(dir)) throw new Error(`mail templates not found in ${dir} (the build copies them there)`);
    for (const language of mailLanguages) {
      const envs = { html: Handlebars.create(), text: Handlebars.create() };
      const partialsDir = path.join(dir, language, 'partials');
      for (const file of readdirSync(partialsDir)) {
        const m = /^([a-z-]+)\.(html|text)\.hbs$/.exec(file);
        if (!m) continue;
        const source = this.read(path.join(partialsDir, file));
        Handlebars.precompile(source); // a syntax error stops the start, not the first mail
        envs[m[2] as 'html' | 'text'].registerPartial(m[1] as string, source);
      }
      for (const name of mailTemplateNames) {
        const file = (part: string) => path.join(dir, language, `${name}.${part}.hbs`);
        const compile = (format: 'html' | 'text', source: string) => {
          envs[format].precompile(source, compileOptions(format)); // compile() is lazy; this checks the syntax now
          return envs[format].compile(source, compileOptions(format));
        };
        this.compiled.set(`${language}/${name}`, {
          subject: compile('text', this.read(file('subject'))),
          html: compile('html', this.read(file('html'))),
          text: compile('text', this.read(file('text'))),
        });
      }
    }
  }

  /** Renders one mail; the subject is rendered first and given to the HTML as `subject` (for its title). */
  render(language: MailLanguage, name: MailTemplateName, data: Record<string, unknown>): RenderedMail {
    const key = `${language}/${name}`;
    const t = this.compiled.get(key);
    if (!t) throw new TemplateError(key, new Error('no such template'));
    try {
      const subject = t.subject(data).replace(/\s+/g, ' ').trim();
      const withSubject = { ...data, subject };
      return {
        subject,
        html: t.html(withSubject),
        text: `${t
          .text(withSubject)
          .replace(/[ \t]+\n/g, '\n')
          .replace(/\n{3,}/g, '\n\n')
          .trim()}\n`,
      };
    } catch (err) {
      throw new TemplateError(key, err);
    }
  }

  private read(file: string): string {
    return readFileSync(file, 'utf8');
  }
}
