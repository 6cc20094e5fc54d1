/** GraphQL types of the legal pages (Impressum, Datenschutz, Barrierefreiheit). */
import { createUnionType, Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { InvalidInput } from '../../shared/results.types.js';
import { LegalPageKind } from './legal-rules.js';

registerEnumType(LegalPageKind, {
  name: 'LegalPageKind',
  description: 'IMPRINT: Impressum · PRIVACY: Datenschutzerklärung · ACCESSIBILITY: Erklärung zur Barrierefreiheit.',
});

@ObjectType({ description: 'A legal page in one language.' })
export class LegalText {
  @Field(() => String, { description: '"de" (binding, always present) or "en".' })
  language: string;

  @Field(() => String)
  title: string;

  @Field(() => String, {
    description: 'Plain text: paragraphs separated by an empty line; "## " starts a heading, "- " a list item.',
  })
  body: string;
}

@ObjectType({ description: 'One of the legal pages every citizen page links to.' })
export class LegalPage {
  @Field(() => LegalPageKind)
  kind: LegalPageKind;

  @Field(() => [LegalText], { description: 'German first; English when the installation wrote it.' })
  texts: LegalText[];

  @Field(() => String, {
    nullable: true,
    description: 'Where to report barriers or ask about the page (required for ACCESSIBILITY).',
  })
  feedbackEmail: string | null;

  @Field(() => Boolean, { description: 'True while the installation shows the sample text (it has saved none).' })
  isSample: boolean;

  @Field(() => Date, { nullable: true, description: 'Last saved; null for the sample text.' })
  updatedAt: Date | null;
}

@InputType()
export class LegalTextInput {
  @Field(() => String)
  language: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  body: string;
}

@InputType({ description: 'The whole page: the German text is required, an English one optional.' })
export class LegalPageInput {
  @Field(() => [LegalTextInput])
  texts: LegalTextInput[];

  @Field(() => String, { nullable: true })
  feedbackEmail?: string | null;
}

export const LegalPageResult = createUnionType({
  name: 'LegalPageResult',
  types: () => [LegalPage, InvalidInput] as const,
});
